import EduQualityDomain
import Vapor

/// Coming back to a saved survey with its resume code, and finding the draft behind the signed
/// token every page's form carries. Only a typed code is a look-up; failed ones are limited per
/// code and across everyone, never per client (`FailedLookupLimits`).
extension SurveyController {
    enum DraftLookup {
        case found(SurveyDraft, ResumeCode?)
        case notFound
        case tooManyAttempts(retryAfter: Int)
    }

    struct ResumePage: Encodable {
        let layout: Layout
        let errors: FormErrors
        let fields: [FormField]
    }

    static let resumeNotFound = "No saved survey matches this code. Check it and try again: it is 16 letters and numbers, like 7KQM-XR4T-9HWB-C2NP."

    @Sendable func resumeForm(req: Request) async throws -> View {
        try req.authorize(.takeSurvey)
        return try await renderResume(req, code: "", problem: nil)
    }

    @Sendable func resume(req: Request) async throws -> Response {
        try req.authorize(.takeSurvey)
        let form = try SurveyFormBody(req)
        let typed = form.fields[SurveyFormBody.resumeField] ?? ""
        guard form.resumeCode != nil else {
            return try await renderResume(req, code: "", problem: "Enter the resume code you were given.").response(.badRequest)
        }
        let store = SurveyDraftStore(db: req.db)
        let today = CalendarDay.today()
        let found = try await findDraft(typed: form.resumeCode ?? nil, req)
        // Now and then is enough for the sweep; a visit to this page is such a time.
        try await store.deleteExpired(today: today)
        guard case .found(let draft, let code?) = found else { return try await notFound(found, req, typed: typed) }
        let catalog = req.surveyCatalog
        guard let round = try await catalog.round(draft.round.rawValue),
              let questionnaire = try await catalog.questionnaire(for: round) else {
            try await store.delete(code)
            return try await renderUnavailable(req, .roundWithoutQuestionnaire, deletedDraft: true).response(.conflict)
        }
        if draft.hasExpired(in: round, today: today) || !draft.fits(questionnaire) {
            try await store.delete(code)
            let refusal: SurveySubmissionRefusal = draft.hasExpired(in: round, today: today)
                ? .roundClosed(closed: round.closes) : .questionnaireChanged
            return try await renderUnavailable(req, refusal, deletedDraft: true).response(.conflict)
        }
        let open = OpenRound(round: round, questionnaire: questionnaire, choices: try await cache.choices(req.db), today: today)
        let values = SurveyValues(draft, questionnaire: questionnaire)
        return try await open.pages(req).render(draft.currentPage, flow: draft.flow(in: questionnaire), values: values, code: code)
            .encodeResponse(for: req)
    }

    /// The draft a page's form belongs to: a new one when the form carries no token yet. A token
    /// that does not verify, or names another round, was altered: a 400, and nothing changes.
    func draft(_ form: SurveyFormBody, _ open: OpenRound, _ req: Request) async throws -> DraftLookup {
        guard let carried = SurveyDraftToken.carried(by: form, req) else {
            return .found(SurveyDraft(questionnaire: open.questionnaire, round: open.round.code, today: open.today), nil)
        }
        guard let token = carried, token.round == open.round.code.rawValue else { throw SurveyDraftToken.tampered }
        // Sent or thrown away since the page was drawn: the resume page says so, and nothing counts.
        guard let draft = try await SurveyDraftStore(db: req.db).load(token.code) else { return .notFound }
        guard draft.round == open.round.code else { return .notFound }
        guard draft.fits(open.questionnaire) else {
            try await SurveyDraftStore(db: req.db).delete(token.code)
            throw Unavailable(round: open.round, refusal: .questionnaireChanged)
        }
        return .found(draft, token.code)
    }

    /// Looks up a code a learner typed, counting failures against the code and against everyone.
    /// Text that cannot be a code is no look-up and counts nothing.
    func findDraft(typed code: ResumeCode?, _ req: Request) async throws -> DraftLookup {
        guard let code else { return .notFound }
        let now = Date()
        let attempts = req.application.resumeAttempts
        if let wait = try await attempts.refusal(code: SurveyDraftStore.hash(code), at: now, db: req.db, secret: req.config.receiptSecret) { return .tooManyAttempts(retryAfter: wait) }
        guard let draft = try await SurveyDraftStore(db: req.db).load(code) else {
            try await attempts.fail(code: SurveyDraftStore.hash(code), at: now, db: req.db, secret: req.config.receiptSecret)
            return .notFound
        }
        return .found(draft, code)
    }

    /// The resume page again, saying why the code led nowhere.
    func notFound(_ lookup: DraftLookup, _ req: Request, typed: String = "") async throws -> Response {
        switch lookup {
        case .tooManyAttempts(let wait):
            let response = try await renderResume(req, code: "", problem: AppError.tooManyRequests(retryAfterSeconds: wait).detail)
                .response(.tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return response
        case .found(_, nil):
            return try await renderResume(req, code: "", problem: "Enter the resume code you were given.").response(.badRequest)
        case .notFound, .found:
            return try await renderResume(req, code: typed, problem: Self.resumeNotFound).response(.notFound)
        }
    }

    func renderResume(_ req: Request, code: String, problem: String?) async throws -> View {
        let e = FormErrors(problem.map { [FieldError(SurveyFormBody.resumeField, $0)] } ?? [])
        return try await req.view.render("survey/resume", ResumePage(
            layout: req.layout(title: (problem == nil ? "" : "Error: ") + "Continue a saved survey"), errors: e, fields: [
                FormField(SurveyFormBody.resumeField, "Resume code", value: String(code.prefix(40)),
                          hint: "The code you were given when you saved your answers, like 7KQM-XR4T-9HWB-C2NP.",
                          errors: e, width: "nhsuk-input--width-20", autocomplete: "off"),
            ]))
    }
}
