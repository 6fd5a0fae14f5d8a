import EduQualityDomain
import Fluent
import Vapor

/// The requirements' pages: the list with the overview of overdue ones and its CSV, and one
/// requirement's page, where the provider's education lead posts updates with evidence files,
/// the quality team accepts or returns them, and the team opens or updates a register entry.
struct RequirementPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let quality = routes.grouped("quality")
        quality.get("requirements", use: list)
        quality.get("requirements.csv", use: csv)
        let requirements = quality.grouped("requirements")
        requirements.get(":id", use: show)
        requirements.upload(":id", "updates", limit: ReviewLimits.upload, use: postUpdate)
        requirements.post(":id", "decision", use: decide)
        requirements.post(":id", "register", use: linkRegister)
    }

    /// The visitor's requirements that match the query string's filter, and all they may read.
    static func filtered(_ req: Request) async throws -> (RequirementFilter, matching: [Requirement], visible: [Requirement]) {
        try req.authorizeAnywhere(anyOf: [.viewReviews, .respondToReview])
        let filter = try RequirementFilter(organisation: req.query[String.self, at: "organisation"],
                                           region: req.query[String.self, at: "region"], status: req.query[String.self, at: "status"],
                                           kind: req.query[String.self, at: "kind"], overdue: req.query[String.self, at: "overdue"])
        let today = CalendarDay.today()
        let visible = try await RequirementStore.visible(req).map(\.requirement)
        return (filter, visible.filter { filter.matches($0, on: today) }, visible)
    }

    @Sendable func list(req: Request) async throws -> View {
        let (filter, matching, visible) = try await Self.filtered(req)
        let page = try await RequirementListPage.build(req, filter: filter, matching: matching, visible: visible, pageNumber: try req.pageNumber())
        return try await req.view.render("reviews/requirements", page)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        RequirementExport.response(try await Self.filtered(req).matching, req)
    }

    @Sendable func show(req: Request) async throws -> View {
        let found = try await RequirementStore.find(req.parameters.get("id") ?? "", allowing: nil, req)
        let flash: String? = switch req.query[String.self, at: "done"] {
        case "update": "Your update has been sent to the quality team."
        case "decision": "The decision has been recorded."
        case "register": "The register entry has been linked."
        default: nil
        }
        return try await req.view.render("reviews/requirement", try await RequirementPage.build(req, found, flash: flash))
    }

    struct UpdateForm: Content { var text: String?; var evidence: File? }

    @Sendable func postUpdate(req: Request) async throws -> Response {
        let found = try await RequirementStore.find(req.parameters.get("id") ?? "", allowing: .respondToReview, req)
        let form = try req.content.decode(UpdateForm.self)
        return try await outcome(req, found, posted: ["text": form.text].compactMapValues { $0 }, done: "update") {
            // A file input left empty arrives as a part without a name or bytes.
            let file = form.evidence.flatMap { $0.filename.isEmpty && $0.data.readableBytes == 0 ? nil : $0 }
            _ = try await ReviewIntake.postUpdate(found, text: form.text, file: file, req)
        }
    }

    struct DecisionForm: Content { var decision, reason: String? }

    @Sendable func decide(req: Request) async throws -> Response {
        let found = try await RequirementStore.find(req.parameters.get("id") ?? "", allowing: .manageReviews, req)
        let form = try req.content.decode(DecisionForm.self)
        return try await outcome(req, found, posted: ["decision": form.decision, "reason": form.reason].compactMapValues { $0 },
                                 done: "decision") {
            _ = try await ReviewIntake.decide(found, decision: form.decision, reason: form.reason, req)
        }
    }

    struct RegisterForm: Content { var registerEntry: String? }

    /// Records that this requirement updates an existing register entry the visitor may edit.
    @Sendable func linkRegister(req: Request) async throws -> Response {
        let found = try await RequirementStore.find(req.parameters.get("id") ?? "", allowing: .manageReviews, req)
        let typed = try req.content.decode(RegisterForm.self).registerEntry
        return try await outcome(req, found, posted: ["registerEntry": typed].compactMapValues { $0 }, done: "register") {
            try await RequirementRegisterLink.link(found, entry: typed, req)
        }
    }

    private func outcome(_ req: Request, _ found: RequirementStore.Found, posted: [String: String], done: String,
                         _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return req.redirect(to: "/quality/requirements/\(found.requirement.reference)?done=\(done)")
        } catch let invalid as InvalidForm {
            let page = try await RequirementPage.build(req, found, errors: invalid.fieldErrors, posted: posted)
            return try await req.view.render("reviews/requirement", page).encodeResponse(status: .badRequest, for: req)
        }
    }
}

/// A requirement opens or updates a register entry: linking checks the entry exists and the
/// visitor may write to it (unknown and not theirs read the same), then records it on the
/// requirement, in the review's history.
enum RequirementRegisterLink {
    static func link(_ found: RequirementStore.Found, entry typed: String?, _ req: Request) async throws {
        let reference = try await RegisterStore.entryToLink(typed, about: found.requirement.organisation, allowing: .editQualityRegister, req)
        var changed = found.requirement
        guard let change = changed.link(registerEntry: reference) else {
            throw InvalidForm(field: "registerEntry", "This requirement is already linked to \(reference).")
        }
        try await RequirementStore.save(changed, change, found: found, req)
    }
}
