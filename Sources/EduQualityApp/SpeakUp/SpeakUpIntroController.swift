import EduQualityDomain
import Vapor

/// The public page about speaking up: the three ways to do it, the guardian directory, and
/// raising a concern; staff who keep speak-up records also see their links.
struct SpeakUpIntroController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("speak-up", use: intro)
    }

    struct IntroPage: Encodable {
        let layout: Layout
        let canRecordCases: Bool
        let canExportReturns: Bool
        let canManageDirectory: Bool
    }

    @Sendable func intro(req: Request) async throws -> View {
        try req.authorize(.viewGuardianDirectory)
        return try await req.view.render("speak-up/index", IntroPage(
            layout: req.layout(title: "Speaking up"),
            canRecordCases: try await req.mayAnywhere(.recordSpeakUpCase),
            canExportReturns: try await req.mayAnywhere(.exportSpeakUpReturn),
            canManageDirectory: try await req.mayAnywhere(.manageGuardianDirectory)))
    }
}
