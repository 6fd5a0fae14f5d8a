import EduQualityDomain
import Vapor

/// The Quality Framework for everyone: `/quality-framework[?version=N]` and
/// `GET /api/v1/quality-framework[?version=N]`, the current version unless another published
/// one is asked for. Drafts are never shown here.
struct QualityFrameworkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("quality-framework", use: page)
        routes.get("api", "v1", "quality-framework", use: api)
    }

    struct Page: Encodable {
        let layout: Layout
        let framework: FrameworkView
        let effectiveOn: String
        let isCurrent: Bool
        let currentVersion: Int
        let versions: [SelectOption]
        let schemes: [SchemeLine]
    }
    struct SchemeLine: Encodable { let name: String; let note: String? }

    @Sendable func page(req: Request) async throws -> View {
        try req.authorize(.viewPublicInformation)
        let framework = try await req.requestedFramework()
        let published = try await QualityFrameworkStore.published(on: req.db)
        let current = published.last?.number ?? framework.version
        let crosswalk = try await CrosswalkStore.load(on: req.db)
        let info = published.first { $0.number == framework.version }
        return try await req.view.render("quality-framework/index", Page(
            layout: req.layout(title: "The Quality Framework"),
            framework: FrameworkView(framework, crosswalk: crosswalk),
            effectiveOn: info?.effectiveOn?.iso ?? "", isCurrent: framework.version == current, currentVersion: current,
            versions: published.reversed().map {
                SelectOption(code: String($0.number), name: "Version \($0.number), from \($0.effectiveOn?.iso ?? "")",
                             selected: $0.number == framework.version)
            },
            schemes: crosswalk.schemes.map { SchemeLine(name: $0.name, note: $0.note) }))
    }

    @Sendable func api(req: Request) async throws -> QualityFrameworkDTO {
        try req.authorize(.viewPublicInformation)
        return QualityFrameworkDTO(try await req.requestedFramework(), crosswalk: try await CrosswalkStore.load(on: req.db))
    }
}
