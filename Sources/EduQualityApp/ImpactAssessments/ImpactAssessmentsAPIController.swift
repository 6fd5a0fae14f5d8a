import EduQualityDomain
import Fluent
import Vapor

/// Impact assessments through the API (a session or an API token), scoped exactly like the pages:
/// `POST /api/v1/impact-assessments` (drafted, or submitted at once with `submit: true`),
/// `GET /api/v1/impact-assessments[?status&provider&region&page]` (only those the caller may read),
/// `GET /api/v1/impact-assessments/ID` (404 to anyone who may not read it) and
/// `POST /api/v1/impact-assessments/ID/decision`.
struct ImpactAssessmentsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let assessments = routes.grouped("api", "v1", "impact-assessments")
        assessments.post(use: create)
        assessments.get(use: list)
        assessments.get(":reference", use: show)
        assessments.post(":reference", "decision", use: decide)
    }

    struct LearnersBody: Content { var profession: String?; var count: FlexibleInt? }
    struct RatingBody: Content { var rating, evidence: String? }
    struct NewBody: Content {
        var commissioner, provider, service, description, proposedStart, proposedEnd, mitigations, overallRating: String?
        var learners: [LearnersBody]?
        var ratings: [String: RatingBody]?
        var submit: Bool?

        var form: NewImpactAssessmentForm {
            NewImpactAssessmentForm(
                commissioner: commissioner, provider: provider, service: service, description: description,
                proposedStart: proposedStart, proposedEnd: proposedEnd,
                learners: (learners ?? []).map { .init(profession: $0.profession ?? "", count: $0.count?.text ?? "") },
                ratings: (ratings ?? [:]).mapValues { .init(rating: $0.rating, evidence: $0.evidence) },
                mitigations: mitigations, overallRating: overallRating)
        }
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.submitImpactAssessment)
        let body = try req.content.decode(NewBody.self)
        let a = try await ImpactAssessmentIntake.create(body.form, submit: body.submit ?? false, req)
        return try await ImpactAssessmentDTO.assessment(a).encodeResponse(status: .created, for: req)
    }

    struct AssessmentList: Content { let items: [ImpactAssessmentDTO.Assessment]; let total: Int; let page: Int }

    @Sendable func list(req: Request) async throws -> AssessmentList {
        let filter = try ImpactAssessmentFilter(status: req.query[String.self, at: "status"], provider: req.query[String.self, at: "provider"],
                                                region: req.query[String.self, at: "region"])
        let matching = try await ImpactAssessmentStore.visible(req).map(\.assessment).filter(filter.matches)
        let number = try req.pageNumber()
        let slice = matching[Pagination.range(number).clamped(to: matching.indices)]
        return AssessmentList(items: slice.map(ImpactAssessmentDTO.assessment), total: matching.count, page: number)
    }

    @Sendable func show(req: Request) async throws -> ImpactAssessmentDTO.Assessment {
        ImpactAssessmentDTO.assessment(try await ImpactAssessmentStore.find(req.parameters.get("reference") ?? "", req).assessment)
    }

    struct DecisionBody: Content { var decision, reason: String?; var conditions: [String]? }

    @Sendable func decide(req: Request) async throws -> ImpactAssessmentDTO.Assessment {
        let found = try await ImpactAssessmentStore.find(req.parameters.get("reference") ?? "", allowing: .decideImpactAssessment, req)
        let body = try req.content.decode(DecisionBody.self)
        try await ImpactAssessmentIntake.decide(found, decision: body.decision, conditions: body.conditions ?? [], reason: body.reason, req)
        return ImpactAssessmentDTO.assessment(try await ImpactAssessmentStore.find(found.assessment.reference, req).assessment)
    }
}
