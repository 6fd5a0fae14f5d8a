import EduQualityDomain
import Vapor

/// The survey explained, the rounds open today, and each round's start page.
extension SurveyController {
    struct IndexPage: Encodable {
        struct OpenSurvey: Encodable { let code, title, opens, closes: String }
        let layout: Layout
        let open: [OpenSurvey]
    }

    struct StartPage: Encodable {
        let layout: Layout
        let code: String
        let title: String
        let opens: String
        let closes: String
        let pages: Int
        let themes: [String]
    }

    @Sendable func index(req: Request) async throws -> View {
        try req.authorize(.takeSurvey)
        let today = CalendarDay.today()
        var open: [IndexPage.OpenSurvey] = []
        for (_, round) in try await req.surveyCatalog.allRounds() where round.acceptsSubmissions(on: today) {
            guard let questionnaire = try await req.surveyCatalog.questionnaire(for: round) else { continue }
            open.append(.init(code: round.code.rawValue, title: questionnaire.title, opens: round.opens.longDescription,
                              closes: round.closes.longDescription))
        }
        return try await req.view.render("survey/index", IndexPage(
            layout: req.layout(title: "The learner survey"), open: open))
    }

    @Sendable func start(req: Request) async throws -> Response {
        try req.authorize(.takeSurvey)
        return try await politely(req) {
            let open = try await openRound(req)
            let q = open.questionnaire
            let core = SurveyPageFlow(questionnaire: q, profession: nil)
            return try await req.view.render("survey/start", StartPage(
                layout: req.layout(title: q.title), code: open.round.code.rawValue, title: q.title,
                opens: open.round.opens.longDescription, closes: open.round.closes.longDescription, pages: core.count,
                themes: q.themes.filter { $0.items.contains { $0.professions == nil } }.map(\.name)))
            .encodeResponse(for: req)
        }
    }
}
