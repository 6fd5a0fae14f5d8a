import EduQualityDomain
import Fluent
import Vapor

/// The learner survey, public and anonymous: the survey explained, its pages, save and resume,
/// and submission. No account, no session and no cookie of the survey's own (only the form
/// token every form carries); a draft travels between pages in a signed hidden form field, and its
/// resume code is shown once, never put in a URL.
struct SurveyController: RouteCollection {
    let cache = SurveyReferenceCache()
    let writer = SurveySubmissionWriter()

    func boot(routes: any RoutesBuilder) throws {
        let survey = routes.grouped("survey")
        survey.get(use: index)
        survey.get("resume", use: resumeForm)
        survey.post("resume", use: resume)
        survey.get(":round", "start", use: start)
        survey.get(":round", "questions", use: firstPage)
        survey.post(":round", "questions", use: savePage)
        survey.post(":round", "go", use: go)
        survey.post(":round", "submit", use: submit)
    }

    /// A round open today with its questionnaire and the placement choices.
    struct OpenRound {
        let round: SurveyRound
        let questionnaire: Questionnaire
        let choices: SurveyChoices
        let today: CalendarDay

        func pages(_ req: Request) -> SurveyPages {
            SurveyPages(req: req, round: round, questionnaire: questionnaire, choices: choices)
        }
    }

    /// Thrown when the round in the path cannot take answers today; drawn as a polite page.
    struct Unavailable: Error {
        let round: SurveyRound
        let refusal: SurveySubmissionRefusal
    }

    struct UnavailablePage: Encodable {
        let layout: Layout
        let heading: String
        let message: String
        let deletedDraft: Bool
    }

    func openRound(_ req: Request) async throws -> OpenRound {
        let code = req.parameters.get("round") ?? ""
        guard let round = try await cache.round(code, catalog: req.surveyCatalog) else {
            throw AppError.notFound("There is no survey with the code \(code.prefix(40)).")
        }
        let today = CalendarDay.today()
        do throws(SurveySubmissionRefusal) {
            _ = try round.versionTakingAnswers(on: today)
        } catch {
            throw Unavailable(round: round, refusal: error)
        }
        guard let questionnaire = try await req.surveyCatalog.questionnaire(for: round) else {
            throw Unavailable(round: round, refusal: .roundWithoutQuestionnaire)
        }
        return OpenRound(round: round, questionnaire: questionnaire, choices: try await cache.choices(req.db), today: today)
    }

    /// Runs a page handler; a round that cannot take answers gets the polite page instead (with
    /// 200 for a visit, 409 for answers sent), and a draft sent to it is thrown away.
    func politely(_ req: Request, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let unavailable as Unavailable {
            var deleted = false
            if req.method == .POST, let form = try? SurveyFormBody(req), let token = SurveyDraftToken.carried(by: form, req) ?? nil {
                try await SurveyDraftStore(db: req.db).delete(token.code)
                deleted = true
            }
            return try await renderUnavailable(req, unavailable.refusal, deletedDraft: deleted)
                .response(req.method == .GET ? .ok : .conflict)
        }
    }

    func renderUnavailable(_ req: Request, _ refusal: SurveySubmissionRefusal, deletedDraft: Bool) async throws -> View {
        let heading = switch refusal {
        case .roundClosed: "This survey has closed"
        case .roundNotYetOpen: "This survey is not open yet"
        case .questionnaireChanged: "This survey has changed"
        default: "This survey is not available"
        }
        return try await req.view.render("survey/unavailable", UnavailablePage(
            layout: req.layout(title: heading), heading: heading, message: refusal.description, deletedDraft: deletedDraft))
    }
}
