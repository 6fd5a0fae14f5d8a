import EduQualityDomain
import Fluent
import Vapor

/// The impact assessments' pages: the list with filters and CSV, drafting one (saved as a draft or
/// submitted), changing a draft, and an assessment's page, where the regional team takes it under
/// review, decides it and marks its conditions met, either side comments, and the submitter
/// withdraws it. Every change goes through `ImpactAssessmentIntake`, as the API's do; a refused one
/// shows the page again with its problems, a 400 and nothing changed.
struct ImpactAssessmentPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("quality", "impact-assessments.csv", use: csv)
        let pages = routes.grouped("quality", "impact-assessments")
        pages.get(use: list)
        pages.get("new", use: newForm)
        pages.post("new", use: create)
        pages.get(":reference", use: show)
        pages.get(":reference", "edit", use: editForm)
        pages.post(":reference", "edit", use: edit)
        pages.post(":reference", "submit", use: submit)
        pages.post(":reference", "review", use: startReview)
        pages.post(":reference", "decision", use: decide)
        pages.post(":reference", "conditions", ":number", "met", use: meetCondition)
        pages.post(":reference", "comments", use: comment)
        pages.post(":reference", "withdraw", use: withdraw)
    }

    static func filtered(_ req: Request) async throws -> (filter: ImpactAssessmentFilter, matching: [ImpactAssessment], visible: [ImpactAssessment]) {
        let visible = try await ImpactAssessmentStore.visible(req).map(\.assessment)
        let filter = try ImpactAssessmentFilter(status: req.query[String.self, at: "status"], provider: req.query[String.self, at: "provider"],
                                                region: req.query[String.self, at: "region"])
        return (filter, visible.filter(filter.matches), visible)
    }

    @Sendable func list(req: Request) async throws -> View {
        let (filter, matching, visible) = try await Self.filtered(req)
        let page = try await ImpactAssessmentListPage.build(req, filter: filter, matching: matching, visible: visible, pageNumber: try req.pageNumber())
        return try await req.view.render("impact-assessments/list", page)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let matching = try await Self.filtered(req).matching
        return .csvAttachment(ImpactAssessmentListPage.csv(matching), filename: "impact-assessments-\(CalendarDay.today().iso).csv")
    }

    @Sendable func newForm(req: Request) async throws -> View {
        try req.authorizeAnywhere(.submitImpactAssessment)
        // A lead's own organisation is the provider to begin with.
        var values: [String: String] = [:]
        if let own = req.actor.assignments.compactMap({ a -> String? in
            if case .organisation(let code) = a.scope, Authorization.permittedActions(for: a.role).contains(.submitImpactAssessment) { return code }
            return nil
        }).first { values["provider"] = own }
        let page = try await ImpactAssessmentFormPage.build(req, posted: .init(values: values), errors: [])
        return try await req.view.render("impact-assessments/new", page)
    }

    static func posted(_ req: Request) throws -> ImpactAssessmentFormPage.Posted {
        .init(values: try req.content.decode([String: String].self).filter { $0.key != "_csrf" })
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.submitImpactAssessment)
        let posted = try Self.posted(req)
        do {
            let form = try await ImpactAssessmentFormStore.current(on: req.db)
            let a = try await ImpactAssessmentIntake.create(posted.form(form), submit: posted.submits, req)
            return req.redirect(to: "/quality/impact-assessments/\(a.reference)?done=\(posted.submits ? "submitted" : "drafted")")
        } catch let invalid as InvalidForm {
            let page = try await ImpactAssessmentFormPage.build(req, posted: posted, errors: invalid.fieldErrors)
            return try await req.view.render("impact-assessments/new", page).encodeResponse(status: .badRequest, for: req)
        }
    }

    static let flashes = [
        "drafted": "The draft has been saved.", "submitted": "The assessment has been submitted to the regional quality team.",
        "revised": "The draft has been saved.", "review": "The assessment is under review.", "decided": "The decision has been recorded.",
        "met": "The condition has been marked met.", "comment": "Your comment has been added.", "withdrawn": "The assessment has been withdrawn.",
    ]

    @Sendable func show(req: Request) async throws -> View {
        let found = try await ImpactAssessmentStore.find(req.parameters.get("reference") ?? "", req)
        let flash = req.query[String.self, at: "done"].flatMap { Self.flashes[$0] }
        return try await req.view.render("impact-assessments/assessment", try await ImpactAssessmentPage.build(req, found, flash: flash))
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let found = try await ImpactAssessmentStore.find(req.parameters.get("reference") ?? "", allowing: .submitImpactAssessment, req)
        guard found.assessment.status == .draft else { return req.redirect(to: "/quality/impact-assessments/\(found.assessment.reference)") }
        let page = try await ImpactAssessmentFormPage.build(req, posted: .init(found.assessment), errors: [], editing: found.assessment.reference)
        return try await req.view.render("impact-assessments/new", page).encodeResponse(for: req)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let found = try await ImpactAssessmentStore.find(req.parameters.get("reference") ?? "", allowing: .submitImpactAssessment, req)
        let posted = try Self.posted(req)
        do {
            let form = try await ImpactAssessmentFormStore.current(on: req.db)
            try await ImpactAssessmentIntake.revise(found, posted.form(form), submit: posted.submits, req)
            return req.redirect(to: "/quality/impact-assessments/\(found.assessment.reference)?done=\(posted.submits ? "submitted" : "revised")")
        } catch let invalid as InvalidForm {
            let page = try await ImpactAssessmentFormPage.build(req, posted: posted, errors: invalid.fieldErrors, editing: found.assessment.reference)
            return try await req.view.render("impact-assessments/new", page).encodeResponse(status: .badRequest, for: req)
        }
    }

    /// Submits a draft as it stands; what is missing is shown on the draft's form.
    @Sendable func submit(req: Request) async throws -> Response {
        let found = try await ImpactAssessmentStore.find(req.parameters.get("reference") ?? "", allowing: .submitImpactAssessment, req)
        do {
            try await ImpactAssessmentIntake.submit(found, req)
            return req.redirect(to: "/quality/impact-assessments/\(found.assessment.reference)?done=submitted")
        } catch let invalid as InvalidForm where found.assessment.status == .draft {
            let page = try await ImpactAssessmentFormPage.build(req, posted: .init(found.assessment), errors: invalid.fieldErrors,
                                                                editing: found.assessment.reference)
            return try await req.view.render("impact-assessments/new", page).encodeResponse(status: .badRequest, for: req)
        }
    }

    @Sendable func startReview(req: Request) async throws -> Response {
        try await change(req, .manageImpactAssessments, done: "review") { found, _ in try await ImpactAssessmentIntake.startReview(found, req) }
    }

    struct DecisionForm: Content { var decision, conditions, reason: String? }

    @Sendable func decide(req: Request) async throws -> Response {
        try await change(req, .decideImpactAssessment, done: "decided") { found, posted in
            let form = try req.content.decode(DecisionForm.self)
            posted = ["decision": form.decision, "conditions": form.conditions, "reason": form.reason].compactMapValues { $0 }
            let conditions = (form.conditions ?? "").split(whereSeparator: \.isNewline).map(String.init)
            try await ImpactAssessmentIntake.decide(found, decision: form.decision, conditions: conditions, reason: form.reason, req)
        }
    }

    struct NoteForm: Content { var note: String? }

    @Sendable func meetCondition(req: Request) async throws -> Response {
        guard let number = req.parameters.get("number").flatMap(Int.init) else { throw AppError.notFound("There is no such condition") }
        return try await change(req, .manageImpactAssessments, done: "met", rename: { _ in "note-\(number)" }) { found, posted in
            let values = try req.content.decode([String: String].self)
            posted = ["note-\(number)": values["note-\(number)"] ?? ""]
            try await ImpactAssessmentIntake.meetCondition(found, number: number, note: values["note-\(number)"], req)
        }
    }

    struct CommentForm: Content { var comment: String? }

    @Sendable func comment(req: Request) async throws -> Response {
        try await change(req, .viewImpactAssessments, done: "comment") { found, posted in
            guard ImpactAssessmentStore.may(req.actor, .manageImpactAssessments, found.assessment)
                    || ImpactAssessmentStore.maySubmit(req.actor, found.assessment) else { throw AppError.forbidden }
            let form = try req.content.decode(CommentForm.self)
            posted = ["comment": form.comment ?? ""]
            try await ImpactAssessmentIntake.comment(found, text: form.comment, req)
        }
    }

    struct WithdrawForm: Content { var withdrawReason: String? }

    @Sendable func withdraw(req: Request) async throws -> Response {
        try await change(req, .submitImpactAssessment, done: "withdrawn", rename: { $0 == "reason" ? "withdrawReason" : $0 }) { found, posted in
            let form = try req.content.decode(WithdrawForm.self)
            posted = ["withdrawReason": form.withdrawReason ?? ""]
            try await ImpactAssessmentIntake.withdraw(found, reason: form.withdrawReason, req)
        }
    }

    /// Runs one change on the assessment the visitor may do `action` on: back to its page with
    /// `done`, or its page again with the problems (fields named as the page names them), a 400
    /// and nothing changed.
    private func change(_ req: Request, _ action: Action, done: String, rename: @escaping (String) -> String = { $0 },
                        _ body: (ImpactAssessmentStore.Found, inout [String: String]) async throws -> Void) async throws -> Response {
        let found = try await ImpactAssessmentStore.find(req.parameters.get("reference") ?? "", allowing: action, req)
        var posted: [String: String] = [:]
        do {
            try await body(found, &posted)
            return req.redirect(to: "/quality/impact-assessments/\(found.assessment.reference)?done=\(done)")
        } catch let invalid as InvalidForm {
            let errors = invalid.problems.map { FieldError(rename($0.field), $0.message) }
            let page = try await ImpactAssessmentPage.build(req, found, errors: errors, posted: posted)
            return try await req.view.render("impact-assessments/assessment", page).encodeResponse(status: .badRequest, for: req)
        }
    }
}
