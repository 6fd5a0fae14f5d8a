import EduQualityDomain
import Fluent
import Vapor

/// The public guardian directory: search by guardian, organisation name or code.
struct GuardianDirectoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("speak-up", "guardians", use: list)
    }

    struct Row: Encodable {
        let name, organisation, organisationName, email: String
        let phone, phoneHref, availability: String?
    }
    struct ListPage: Encodable {
        let layout: Layout
        let q: String
        let organisations: [SelectOption]
        let page: Page<Row>
    }

    /// Longer queries are cut: no name or organisation is this long.
    static let maxQuery = 200

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.viewGuardianDirectory)
        let q = String((req.query[String.self, at: "q"] ?? "").trimmingWhitespace.prefix(Self.maxQuery))
        let organisation = (req.query[String.self, at: "organisation"] ?? "").trimmingWhitespace
        let number = try req.pageNumber()
        let directory = try await Self.directory(on: req.db)
        let found = directory.search(q, organisation: organisation.isEmpty ? nil : organisation)
        let rows = found[Pagination.range(number).clamped(to: found.indices)].map(Self.row)
        var listed: [String: String] = [:]
        for entry in directory.entries { listed[entry.organisation] = entry.organisationName }
        let options = listed.sorted { $0.value < $1.value }
            .map { SelectOption(code: $0.key, name: $0.value, selected: $0.key == organisation) }
        return try await req.view.render("speak-up/guardians", ListPage(
            layout: req.layout(title: "Find a Freedom to Speak Up guardian"), q: q, organisations: options,
            page: req.page(Array(rows), number: number, total: found.count)))
    }

    /// Every directory entry with its organisation's current name.
    static func directory(on db: any Database) async throws -> GuardianDirectory {
        let names = Dictionary(try await Organisation.query(on: db).all().map { ($0.code, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        let records = try await GuardianDirectoryRecord.query(on: db).all()
        return GuardianDirectory(entries: records.map { $0.entry(organisationName: names[$0.organisationCode] ?? $0.organisationCode) })
    }

    static func row(_ e: GuardianDirectoryEntry) -> Row {
        Row(name: e.name, organisation: e.organisation, organisationName: e.organisationName, email: e.email,
            phone: e.phone, phoneHref: e.phone.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } },
            availability: e.availability)
    }
}
