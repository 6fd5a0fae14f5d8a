import EduQualityDomain
import Fluent
import Vapor

/// The reviews' API, scoped exactly like the pages (a session or `Authorization: Bearer eqt_…`):
/// `GET /api/v1/review-types`; `POST /api/v1/reviews`, `GET /api/v1/reviews[?organisation&status&page]`,
/// `GET /api/v1/reviews/ID`, `POST /api/v1/reviews/ID/status`, `POST /api/v1/reviews/ID/requirements`,
/// `POST /api/v1/reviews/ID/report/transition`; `GET /api/v1/requirements[?organisation&status&overdue&page]`,
/// `GET /api/v1/requirements/ID`, `POST /api/v1/requirements/ID/updates` (multipart: `text`, optional
/// `evidence`; the provider's own only) and `POST /api/v1/requirements/ID/decision`; evidence files
/// download from `/quality/evidence/ID`.
struct ReviewsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("review-types", use: types)
        let reviews = api.grouped("reviews")
        reviews.post(use: create)
        reviews.get(use: list)
        reviews.get(":id", use: show)
        reviews.post(":id", "status", use: status)
        reviews.post(":id", "requirements", use: addRequirement)
        reviews.post(":id", "panel", use: addPanelMember)
        reviews.post(":id", "evidence", use: addEvidence)
        reviews.post(":id", "met", use: recordMet)
        reviews.post(":id", "report", "transition", use: transition)
        let requirements = api.grouped("requirements")
        requirements.get(use: listRequirements)
        requirements.get(":id", use: showRequirement)
        requirements.upload(":id", "updates", limit: ReviewLimits.upload, use: postUpdate)
        requirements.post(":id", "decision", use: decide)
        routes.get("quality", "evidence", ":id") { req in try await EvidenceFiles.download(req) }
    }

    @Sendable func types(req: Request) async throws -> [ReviewDTO.Named] {
        req.reviewSettings.types.all.map { ReviewDTO.Named(code: $0.code, name: $0.name) }
    }

    struct NewReview: Content {
        var type, organisation, specialty, programmeGroup, plannedOn: String?
        var sites, professions: [String]?
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.manageReviews)
        let body = try req.content.decode(NewReview.self)
        let form = NewReviewForm(type: body.type, organisation: body.organisation, sites: body.sites ?? [], specialty: body.specialty,
                                 programmeGroup: body.programmeGroup, professions: body.professions ?? [], plannedOn: body.plannedOn)
        let review = try await ReviewStore.open(form, req)
        return try await ReviewDTO.review(review, requirements: [], rule: req.reviewSettings.rules.rag)
            .encodeResponse(status: .created, for: req)
    }

    struct ReviewList: Content { let items: [ReviewDTO.Review]; let total: Int; let page: Int }

    @Sendable func list(req: Request) async throws -> ReviewList {
        try req.authorizeAnywhere(.viewReviews)
        let filter = try ReviewFilter(organisation: req.query[String.self, at: "organisation"], region: req.query[String.self, at: "region"],
                                      status: req.query[String.self, at: "status"], type: req.query[String.self, at: "type"])
        let reviews = try await ReviewStore.visible(to: req.actor, on: req.db).map(\.1).filter(filter.matches)
        let number = try req.pageNumber()
        let rule = req.reviewSettings.rules.rag
        let slice = reviews[Pagination.range(number).clamped(to: reviews.indices)]
        return ReviewList(items: slice.map { ReviewDTO.review($0, requirements: nil, rule: rule) }, total: reviews.count, page: number)
    }

    @Sendable func show(req: Request) async throws -> ReviewDTO.Review {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: .viewReviews, req)
        let requirements = try await RequirementStore.forReview(record, on: req.db).map(\.1)
        return ReviewDTO.review(review, requirements: requirements, rule: req.reviewSettings.rules.rag)
    }

    struct StatusBody: Content { var to, on: String? }

    @Sendable func status(req: Request) async throws -> ReviewDTO.Review {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: .manageReviews, req)
        let body = try req.content.decode(StatusBody.self)
        let moved = try await ReviewIntake.move(record, review, to: body.to, on: body.on, req)
        return ReviewDTO.review(moved, requirements: nil, rule: req.reviewSettings.rules.rag)
    }

    struct RequirementBody: Content {
        var kind, text, owner, due: String?
        var standards: [String]?
    }

    @Sendable func addRequirement(req: Request) async throws -> Response {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: .recordReviewFindings, req)
        let body = try req.content.decode(RequirementBody.self)
        let requirement = try await ReviewIntake.addRequirement(
            record, review, NewRequirementForm(kind: body.kind, text: body.text, standards: body.standards ?? [], owner: body.owner, due: body.due), req)
        return try await ReviewDTO.requirement(requirement, rule: req.reviewSettings.rules.rag).encodeResponse(status: .created, for: req)
    }

    struct PanelBody: Content { var name, role, account: String?; var conflicts: [String]? }

    /// `{name, role, account?, conflicts?}`: `account` is the email of a reviewer's account; a
    /// member who declared a conflict of interest for the provider is refused.
    @Sendable func addPanelMember(req: Request) async throws -> Response {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: .manageReviews, req)
        let body = try req.content.decode(PanelBody.self)
        try await ReviewIntake.addPanelMember(record, review, NewPanelMemberForm(
            name: body.name, role: body.role, userID: body.account, conflicts: (body.conflicts ?? []).joined(separator: ",")), req)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    struct EvidenceBody: Content { var kind, reference: String? }

    /// `{kind, reference}`: a register entry, an ISF history or any register source.
    @Sendable func addEvidence(req: Request) async throws -> Response {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: .manageReviews, req)
        let body = try req.content.decode(EvidenceBody.self)
        try await ReviewIntake.addEvidence(record, review, kind: body.kind, reference: body.reference, req)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    struct MetBody: Content { var profession, level: String?; var count: FlexibleInt? }

    /// `{profession, level, count}`: learners or educators met, as a count.
    @Sendable func recordMet(req: Request) async throws -> Response {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: .recordReviewFindings, req)
        let body = try req.content.decode(MetBody.self)
        try await ReviewIntake.recordMet(record, review, profession: body.profession, level: body.level, count: body.count?.text, req)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    struct TransitionBody: Content { var to, waiver: String? }

    @Sendable func transition(req: Request) async throws -> ReviewDTO.Review {
        let (record, review) = try await ReviewStore.find(req.parameters.get("id") ?? "", allowing: .manageReviews, req)
        let body = try req.content.decode(TransitionBody.self)
        let moved = try await ReviewIntake.moveReport(record, review, to: body.to, waiver: body.waiver, req)
        return ReviewDTO.review(moved, requirements: nil, rule: req.reviewSettings.rules.rag)
    }

    struct RequirementList: Content { let items: [ReviewDTO.Requirement]; let total: Int; let page: Int }

    @Sendable func listRequirements(req: Request) async throws -> RequirementList {
        let filter = try RequirementFilter(organisation: req.query[String.self, at: "organisation"],
                                           region: req.query[String.self, at: "region"], status: req.query[String.self, at: "status"],
                                           kind: req.query[String.self, at: "kind"], overdue: req.query[String.self, at: "overdue"])
        let today = CalendarDay.today()
        try req.authorizeAnywhere(anyOf: ReviewStore.readingActions)
        let found = try await RequirementStore.visible(req).filter { filter.matches($0.requirement, on: today) }
        let number = try req.pageNumber()
        let rule = req.reviewSettings.rules.rag
        let slice = found[Pagination.range(number).clamped(to: found.indices)]
        return RequirementList(items: slice.map { ReviewDTO.requirement($0.requirement, rule: rule) }, total: found.count, page: number)
    }

    @Sendable func showRequirement(req: Request) async throws -> ReviewDTO.Requirement {
        let found = try await RequirementStore.find(req.parameters.get("id") ?? "", allowing: nil, req)
        return ReviewDTO.requirement(found.requirement, rule: req.reviewSettings.rules.rag)
    }

    struct UpdateBody: Content { var text: String?; var evidence: File? }

    @Sendable func postUpdate(req: Request) async throws -> Response {
        let found = try await RequirementStore.find(req.parameters.get("id") ?? "", allowing: .respondToReview, req)
        let body = try req.content.decode(UpdateBody.self)
        let changed = try await ReviewIntake.postUpdate(found, text: body.text, file: body.evidence, req)
        return try await ReviewDTO.requirement(changed, rule: req.reviewSettings.rules.rag).encodeResponse(status: .created, for: req)
    }

    struct DecisionBody: Content { var decision, reason: String? }

    @Sendable func decide(req: Request) async throws -> ReviewDTO.Requirement {
        let found = try await RequirementStore.find(req.parameters.get("id") ?? "", allowing: .manageReviews, req)
        let body = try req.content.decode(DecisionBody.self)
        return ReviewDTO.requirement(try await ReviewIntake.decide(found, decision: body.decision, reason: body.reason, req),
                                     rule: req.reviewSettings.rules.rag)
    }
}

enum ReviewLimits {
    /// An evidence file's 10 MB with room for the form's other fields.
    static let upload: ByteCount = "11mb"
}
