import EduQualityDomain
import Fluent
import Vapor

/// The staff pages of reviews: the list, planning one, and a review's page, where the team moves
/// it on, names the panel, links the evidence pack, records who was met, grades placements,
/// records findings and takes the report through factual accuracy to publication, and the
/// provider comments on the report once it has been sent. Every change goes through
/// `ReviewIntake`, as the API's do; a refused change shows the page again with its problems.
struct ReviewPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let reviews = routes.grouped("quality", "reviews")
        reviews.get(use: list)
        reviews.get("new", use: newForm)
        reviews.post("new", use: create)
        reviews.get(":id", use: show)
        reviews.post(":id", "status", use: status)
        reviews.post(":id", "panel", use: addPanelMember)
        reviews.post(":id", "panel", ":index", "remove", use: removePanelMember)
        reviews.post(":id", "evidence", use: addEvidence)
        reviews.post(":id", "met", use: recordMet)
        reviews.post(":id", "grades", use: grade)
        reviews.post(":id", "requirements", use: addRequirement)
        reviews.post(":id", "report", use: editReport)
        reviews.post(":id", "report", "transition", use: transition)
        reviews.post(":id", "report", "comments", use: comment)
        reviews.post(":id", "report", "comments", ":number", "outcome", use: outcome)
        reviews.post(":id", "report", "done", use: providerDone)
        reviews.post(":id", "report", "corrections", use: correct)
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorizeAnywhere(anyOf: [.viewReviews, .respondToReview])
        let filter = try ReviewFilter(organisation: req.query[String.self, at: "organisation"], region: req.query[String.self, at: "region"],
                                      status: req.query[String.self, at: "status"], type: req.query[String.self, at: "type"])
        let visible = try await ReviewStore.readable(req).map(\.1)
        let requirements = Dictionary(grouping: try await RequirementStore.visible(req).map(\.requirement), by: \.review)
        let page = try await ReviewListPage.build(req, filter: filter, matching: visible.filter(filter.matches), visible: visible,
                                                  requirements: requirements, pageNumber: try req.pageNumber())
        return try await req.view.render("reviews/staff-list", page)
    }

    @Sendable func newForm(req: Request) async throws -> View {
        try req.authorizeAnywhere(.manageReviews)
        var posted = ReviewPlanPage.Posted()
        posted.organisation = req.query[String.self, at: "organisation"]
        return try await req.view.render("reviews/staff-new", try await ReviewPlanPage.build(req, posted: posted, errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.manageReviews)
        let posted = try req.content.decode(ReviewPlanPage.Posted.self)
        do {
            let review = try await ReviewStore.open(posted.form, req)
            return req.redirect(to: "/quality/reviews/\(review.reference)?done=planned")
        } catch let invalid as InvalidForm {
            let page = try await ReviewPlanPage.build(req, posted: posted, errors: invalid.fieldErrors)
            return try await req.view.render("reviews/staff-new", page).encodeResponse(status: .badRequest, for: req)
        }
    }

    static let flashes = [
        "planned": "The review has been planned.", "status": "The review has moved on.", "panel": "The panel has been changed.",
        "evidence": "The evidence has been linked.", "met": "Who was met has been recorded.", "grade": "The grade has been recorded.",
        "requirement": "The finding has been recorded.", "report": "The report has been saved.",
        "transition": "The report has moved on.", "comment": "Your comment has been sent to the quality team.",
        "outcome": "The comment's outcome has been recorded.", "done": "The quality team has been told you have no more comments.",
        "correction": "The correction has been published as a new version.",
    ]

    @Sendable func show(req: Request) async throws -> View {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: nil, req)
        let flash = req.query[String.self, at: "done"].flatMap { Self.flashes[$0] }
        return try await req.view.render("reviews/staff-review", try await ReviewPage.build(req, record: record, review: review, flash: flash))
    }

    struct StatusForm: Content { var statusOn: String? }

    @Sendable func status(req: Request) async throws -> Response {
        try await change(req, .manageReviews, done: "status") { record, review, posted in
            let form = try req.content.decode(StatusForm.self)
            posted["statusOn"] = form.statusOn
            _ = try await ReviewIntake.move(record, review, to: review.status.next?.rawValue, on: form.statusOn, req)
        }
    }

    struct PanelForm: Content { var panelName, panelRole, panelUserID, panelConflicts: String? }

    @Sendable func addPanelMember(req: Request) async throws -> Response {
        try await change(req, .manageReviews, done: "panel", prefix: "panel") { record, review, posted in
            let form = try req.content.decode(PanelForm.self)
            posted = ["panelName": form.panelName, "panelRole": form.panelRole, "panelUserID": form.panelUserID,
                      "panelConflicts": form.panelConflicts].compactMapValues { $0 }
            try await ReviewIntake.addPanelMember(record, review, NewPanelMemberForm(
                name: form.panelName, role: form.panelRole, userID: FormProblems.clean(form.panelUserID), conflicts: form.panelConflicts), req)
        }
    }

    @Sendable func removePanelMember(req: Request) async throws -> Response {
        try await change(req, .manageReviews, done: "panel") { record, review, _ in
            guard let index = req.parameters.get("index").flatMap(Int.init) else { throw AppError.notFound("There is no such panel member") }
            var changed = review
            try await ReviewStore.save(changed, try changed.removePanelMember(at: index), record: record, req)
        }
    }

    struct EvidenceForm: Content { var evidenceKind, evidenceReference: String? }

    @Sendable func addEvidence(req: Request) async throws -> Response {
        try await change(req, .manageReviews, done: "evidence", prefix: "evidence") { record, review, posted in
            let form = try req.content.decode(EvidenceForm.self)
            posted = ["evidenceKind": form.evidenceKind, "evidenceReference": form.evidenceReference].compactMapValues { $0 }
            try await ReviewIntake.addEvidence(record, review, kind: form.evidenceKind, reference: form.evidenceReference, req)
        }
    }

    struct MetForm: Content { var metProfession, metLevel, metCount: String? }

    @Sendable func recordMet(req: Request) async throws -> Response {
        try await change(req, .recordReviewFindings, done: "met", prefix: "met") { record, review, posted in
            let form = try req.content.decode(MetForm.self)
            posted = ["metProfession": form.metProfession, "metLevel": form.metLevel, "metCount": form.metCount].compactMapValues { $0 }
            try await ReviewIntake.recordMet(record, review, profession: form.metProfession, level: form.metLevel, count: form.metCount, req)
        }
    }

    struct GradeForm: Content { var gradePlacement, gradeGrade, gradeToMoveUp, gradeAction, gradeActionOwner, gradeActionDue: String? }

    @Sendable func grade(req: Request) async throws -> Response {
        try await change(req, .recordReviewFindings, done: "grade", prefix: "grade") { record, review, posted in
            let form = try req.content.decode(GradeForm.self)
            posted = ["gradePlacement": form.gradePlacement, "gradeGrade": form.gradeGrade, "gradeToMoveUp": form.gradeToMoveUp,
                      "gradeAction": form.gradeAction, "gradeActionOwner": form.gradeActionOwner,
                      "gradeActionDue": form.gradeActionDue].compactMapValues { $0 }
            try await ReviewIntake.grade(record, review, placement: form.gradePlacement, grade: form.gradeGrade, toMoveUp: form.gradeToMoveUp,
                                         action: form.gradeAction, actionOwner: form.gradeActionOwner, actionDue: form.gradeActionDue, req)
        }
    }

    struct RequirementForm: Content {
        var requirementKind, requirementText, requirementOwner, requirementDue: String?
        var requirementStandards: [String]?
    }

    @Sendable func addRequirement(req: Request) async throws -> Response {
        try await change(req, .recordReviewFindings, done: "requirement", prefix: "requirement") { record, review, posted in
            let form = try req.content.decode(RequirementForm.self)
            posted = ["requirementKind": form.requirementKind, "requirementText": form.requirementText,
                      "requirementOwner": form.requirementOwner, "requirementDue": form.requirementDue,
                      "requirementStandards": form.requirementStandards?.joined(separator: ",")].compactMapValues { $0 }
            _ = try await ReviewIntake.addRequirement(record, review, NewRequirementForm(
                kind: form.requirementKind, text: form.requirementText, standards: form.requirementStandards ?? [],
                owner: form.requirementOwner, due: form.requirementDue), req)
        }
    }

    /// The report's sections as posted, by their codes.
    static func sections(_ req: Request) throws -> [ReportSection: String?] {
        var out: [ReportSection: String?] = [:]
        for section in ReportSection.allCases {
            if let text = try? req.content.get(String.self, at: section.rawValue) { out[section] = text }
        }
        return out
    }

    @Sendable func editReport(req: Request) async throws -> Response {
        try await change(req, .manageReviews, done: "report") { record, review, posted in
            let typed = try Self.sections(req)
            posted = Dictionary(uniqueKeysWithValues: typed.compactMap { k, v in v.map { (k.rawValue, $0) } })
            try await ReviewIntake.changeReport(record, review, action: "edit", req) { try $0.edit(typed) }
        }
    }

    struct TransitionForm: Content { var reportTo, reportWaiver: String? }

    @Sendable func transition(req: Request) async throws -> Response {
        try await change(req, .manageReviews, done: "transition", prefix: "report") { record, review, posted in
            let form = try req.content.decode(TransitionForm.self)
            posted = ["reportTo": form.reportTo, "reportWaiver": form.reportWaiver].compactMapValues { $0 }
            _ = try await ReviewIntake.moveReport(record, review, to: form.reportTo, waiver: form.reportWaiver, req)
        }
    }

    struct CommentForm: Content { var commentSection, commentText: String? }

    @Sendable func comment(req: Request) async throws -> Response {
        try await change(req, .respondToReview, done: "comment", prefix: "comment") { record, review, posted in
            let form = try req.content.decode(CommentForm.self)
            posted = ["commentSection": form.commentSection, "commentText": form.commentText].compactMapValues { $0 }
            let by = ReviewStore.actorName(req)
            try await ReviewIntake.changeReport(record, review, action: "comment", req) { report in
                try report.comment(on: form.commentSection, form.commentText, by: by, today: .today())
            }
        }
    }

    struct OutcomeForm: Content { var outcome, response: String? }

    @Sendable func outcome(req: Request) async throws -> Response {
        guard let number = req.parameters.get("number").flatMap(Int.init) else { throw AppError.notFound("There is no such comment") }
        return try await change(req, .manageReviews, done: "outcome", rename: { "\($0)-\(number)" }) { record, review, posted in
            let form = try req.content.decode(OutcomeForm.self)
            posted = ["outcome-\(number)": form.outcome, "response-\(number)": form.response].compactMapValues { $0 }
            try await ReviewIntake.changeReport(record, review, action: "comment-outcome", req) { report in
                try report.recordOutcome(of: number, form.outcome, response: form.response)
            }
        }
    }

    @Sendable func providerDone(req: Request) async throws -> Response {
        try await change(req, .respondToReview, done: "done") { record, review, _ in
            try await ReviewIntake.changeReport(record, review, action: "provider-done", req) { try $0.providerDone(today: .today()) }
        }
    }

    struct CorrectionForm: Content { var correctionNote: String? }

    @Sendable func correct(req: Request) async throws -> Response {
        try await change(req, .manageReviews, done: "correction", rename: { $0 == "note" ? "correctionNote" : $0 }) { record, review, posted in
            let typed = try Self.sections(req)
            let note = try req.content.decode(CorrectionForm.self).correctionNote
            posted = Dictionary(uniqueKeysWithValues: typed.compactMap { k, v in v.map { (k.rawValue, $0) } })
            posted["correctionNote"] = note
            try await ReviewIntake.correct(record, review, sections: typed, note: note, req)
        }
    }

    /// Runs one change on the review the visitor may do `action` on: back to its page with `done`,
    /// or its page again with the problems (each field named as the page names it: `prefix` and
    /// the domain's field, or `rename`), a 400 and nothing changed.
    private func change(_ req: Request, _ action: Action, done: String, prefix: String? = nil,
                        rename: ((String) -> String)? = nil,
                        _ body: (ReviewRecord, Review, inout [String: String]) async throws -> Void) async throws -> Response {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: action, req)
        var posted: [String: String] = [:]
        do {
            try await body(record, review, &posted)
            return req.redirect(to: "/quality/reviews/\(review.reference)?done=\(done)")
        } catch let invalid as InvalidForm {
            // A report section keeps its own name wherever it is refused.
            let name = rename ?? { field in
                ReportSection(rawValue: field) != nil ? field : prefix.map { $0 + field.prefix(1).uppercased() + field.dropFirst() } ?? field
            }
            let errors = invalid.problems.map { FieldError(name($0.field), $0.message) }
            let page = try await ReviewPage.build(req, record: record, review: review, errors: errors, posted: posted)
            return try await req.view.render("reviews/staff-review", page).encodeResponse(status: .badRequest, for: req)
        }
    }
}
