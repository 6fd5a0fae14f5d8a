import EduQualityDomain
import Fluent
import Vapor

/// The ISF API, scoped like its pages: `POST /api/v1/isf/decisions`,
/// `GET /api/v1/isf/current[?region]` and `GET /api/v1/isf/history?kind=K&code=C` (oldest first).
struct ISFAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "isf")
        api.post("decisions", use: decide)
        api.get("current", use: current)
        api.get("history", use: history)
    }

    struct SubjectDTO: Content { let kind, code: String }
    struct PlanBody: Content { var action, owner, due: String? }
    struct DecisionBody: Content {
        var subject: SubjectBody?
        var category: FlexibleInt?
        var rationale, nextReview, conditionsMet: String?
        var evidence: [String]?
        var supportPlan: [PlanBody]?
    }
    struct SubjectBody: Content { var kind, code: String? }

    struct DecisionDTO: Content {
        let id: String
        let subject: SubjectDTO
        let category: Int
        let previousCategory: Int?
        let movement, rationale, decidedOn, decidedBy, nextReview, rating: String
        let evidence: [String]
        let supportPlan: [ISFPlanAction]
        let conditionsMet: String?
        let provisional: Bool
        let ratifiedBy, ratifiedOn: String?
    }
    struct CurrentDTO: Content { let subject: SubjectDTO; let category: Int; let decidedOn, nextReview: String; let provisional, reviewOverdue: Bool }

    @Sendable func decide(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.decideIntensiveSupport)
        let body = try req.content.decode(DecisionBody.self)
        let subject: ResolvedSubject
        do {
            subject = try await ISFSubjects.find(kind: body.subject?.kind, code: body.subject?.code, allowing: .decideIntensiveSupport, req)
        } catch AppError.notFound(let message) {
            throw AppError.invalid([FieldError("subject", message)])
        }
        let form = ISFDecisionForm(category: body.category?.text, rationale: body.rationale, evidence: body.evidence ?? [],
                                   supportPlan: (body.supportPlan ?? []).map { TypedPlanAction(action: $0.action, owner: $0.owner, due: $0.due) },
                                   nextReview: body.nextReview, conditionsMet: body.conditionsMet)
        let decision = try await ISFStore.decide(form, about: subject, req)
        return try await dto(decision, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func current(req: Request) async throws -> [CurrentDTO] {
        try req.authorizeAnywhere(.viewQualityRegister)
        let today = CalendarDay.today()
        return try await ISFStore.current(visibleTo: req, region: FormProblems.clean(req.query[String.self, at: "region"])).map {
            CurrentDTO(subject: SubjectDTO(kind: $0.decision.subject.kind.rawValue, code: $0.decision.subject.code),
                       category: $0.decision.category, decidedOn: $0.decision.decidedOn.iso, nextReview: $0.decision.nextReview.iso,
                       provisional: $0.decision.isProvisional, reviewOverdue: $0.history.isReviewOverdue(on: today))
        }
    }

    @Sendable func history(req: Request) async throws -> [DecisionDTO] {
        let subject = try await ISFSubjects.find(kind: req.query[String.self, at: "kind"], code: req.query[String.self, at: "code"],
                                                 allowing: .viewQualityRegister, req)
        var out: [DecisionDTO] = []
        for decision in try await ISFStore.history(of: subject.subject, on: req.db).decisions { out.append(try await dto(decision, req)) }
        return out
    }

    private func dto(_ d: ISFDecision, _ req: Request) async throws -> DecisionDTO {
        let names = try await RegisterOwners.names(on: req.db)
        return DecisionDTO(id: d.id, subject: SubjectDTO(kind: d.subject.kind.rawValue, code: d.subject.code), category: d.category,
                           previousCategory: d.previousCategory, movement: d.movement.code, rationale: d.rationale,
                           decidedOn: d.decidedOn.iso, decidedBy: names[d.decidedBy] ?? d.decidedBy, nextReview: d.nextReview.iso,
                           rating: d.rating, evidence: d.evidence, supportPlan: d.supportPlan, conditionsMet: d.conditionsMet,
                           provisional: d.isProvisional, ratifiedBy: d.ratification?.by, ratifiedOn: d.ratification?.on.iso)
    }
}
