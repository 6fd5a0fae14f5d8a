import EduQualityDomain
import Fluent
import Vapor

/// The self-assessment API, scoped exactly like its pages (a session or `Authorization: Bearer eqt_…`):
/// windows (`GET`/`POST /api/v1/self-assessments/windows`, `PATCH …/windows/YEAR`), the year's
/// organisations (`GET /api/v1/self-assessments[?year&region&status&page]` → `{items, total, page}`),
/// one assessment (`GET`, and `PATCH` to save a draft, `…/YEAR/ORG`), `POST …/submit`,
/// `POST …/reviews`, `POST …/return`, and `GET /api/v1/self-assessments/national[?year]`.
struct SelfAssessmentAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "self-assessments")
        api.get("windows", use: windows)
        api.post("windows", use: schedule)
        api.patch("windows", ":year", use: reschedule)
        api.get(use: list)
        api.get("national", use: national)
        api.get(":year", ":organisation", use: show)
        api.patch(":year", ":organisation", use: save)
        api.post(":year", ":organisation", "submit", use: submit)
        api.post(":year", ":organisation", "reviews", use: review)
        api.post(":year", ":organisation", "return", use: giveBack)
    }

    struct WindowDTO: Content { let year, opensOn, closesOn, state: String; let frameworkVersion: Int? }
    struct WindowListDTO: Content { let items: [WindowDTO]; let total: Int }
    struct WindowBody: Content { var year, opensOn, closesOn: String? }

    static func dto(_ w: SelfAssessmentWindow) -> WindowDTO {
        WindowDTO(year: w.year.label, opensOn: w.opensOn.iso, closesOn: w.closesOn.iso, state: w.state(on: .today()).rawValue,
                  frameworkVersion: w.frameworkVersion)
    }

    @Sendable func windows(req: Request) async throws -> WindowListDTO {
        try req.authorizeAnywhere(.viewSelfAssessments)
        let items = try await SelfAssessmentStore.windows(on: req.db).map { Self.dto($0.1) }
        return WindowListDTO(items: items, total: items.count)
    }

    @Sendable func schedule(req: Request) async throws -> Response {
        try req.authorize(.manageSelfAssessmentWindows)
        let body = try req.content.decode(WindowBody.self)
        let window = try await invalidAsProblem { try await SelfAssessmentIntake.schedule(year: body.year, opensOn: body.opensOn, closesOn: body.closesOn, req) }
        return try await Self.dto(window).encodeResponse(status: .created, for: req)
    }

    @Sendable func reschedule(req: Request) async throws -> WindowDTO {
        try req.authorize(.manageSelfAssessmentWindows)
        let body = try req.content.decode(WindowBody.self)
        return Self.dto(try await invalidAsProblem {
            try await SelfAssessmentIntake.reschedule(req.parameters.get("year") ?? "", opensOn: body.opensOn, closesOn: body.closesOn, req)
        })
    }

    struct SummaryDTO: Content {
        let year, organisation, organisationName, region, status: String
        let overdue, submittedLate: Bool
        let submittedOn, reviewedOn: String?
        let frameworkVersion: Int?
        let rated: Int
    }
    struct ListDTO: Content { let year: String; let items: [SummaryDTO]; let total, page: Int }

    @Sendable func list(req: Request) async throws -> ListDTO {
        try req.authorizeAnywhere(.viewSelfAssessments)
        guard let window = try await SelfAssessmentStore.window(requested: req.query[String.self, at: "year"], on: req.db)?.1 else {
            throw AppError.notFound("No self-assessment window has been set yet")
        }
        let number = try req.pageNumber()
        let region = FormProblems.clean(req.query[String.self, at: "region"])
        let status = try FormProblems.clean(req.query[String.self, at: "status"]).map { text in
            guard let p = SelfAssessmentProgress(rawValue: text) else {
                throw AppError.badRequest("status must be one of \(SelfAssessmentProgress.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return p
        }
        let today = CalendarDay.today()
        let assessments = try await SelfAssessmentStore.assessments(year: window.year, on: req.db)
        let matching = try await SelfAssessmentStore.participants(allowing: .viewSelfAssessments, req).filter { o in
            (region == nil || o.regionCode == region) && (status == nil || SelfAssessmentProgress(assessments[o.code]?.1.status) == status)
        }
        let items = matching[Pagination.range(number).clamped(to: matching.indices)].map { o in
            let a = assessments[o.code]?.1
            let p = SelfAssessmentProgress(a?.status)
            return SummaryDTO(year: window.year.label, organisation: o.code, organisationName: o.name, region: o.regionCode, status: p.rawValue,
                              overdue: p.isOverdue(window, on: today), submittedLate: a?.submittedLate ?? false,
                              submittedOn: a?.submittedOn?.iso, reviewedOn: a?.reviewedOn?.iso,
                              frameworkVersion: a?.frameworkVersion ?? window.frameworkVersion, rated: a?.ratedCount ?? 0)
        }
        return ListDTO(year: window.year.label, items: Array(items), total: matching.count, page: number)
    }

    struct ReviewDTO: Content { let verdict, note, by, on: String }
    struct StandardDTO: Content {
        let code, domain: String
        let rating: String?
        let evidence, actions: String
        let review: ReviewDTO?
    }
    struct HistoryDTO: Content { let at: Date; let actor, change: String }
    struct AssessmentDTO: Content {
        let year, organisation, region, status: String
        let frameworkVersion: Int
        let overdue, submittedLate: Bool
        let startedOn: String?, submittedOn: String?, reviewedOn: String?, returnReason: String?
        let standards: [StandardDTO]
        let history: [HistoryDTO]
    }

    @Sendable func show(req: Request) async throws -> AssessmentDTO {
        try await dto(try await SelfAssessmentStore.find(req, allowing: .viewSelfAssessments), req)
    }

    struct RatingBody: Content { var code: String?; var rating, evidence, actions: String? }
    struct RatingsBody: Content { var standards: [RatingBody]? }

    @Sendable func save(req: Request) async throws -> AssessmentDTO {
        let found = try await SelfAssessmentStore.find(req, allowing: .completeSelfAssessment)
        let body = try req.content.decode(RatingsBody.self)
        var typed: [String: TypedSelfRating] = [:]
        for s in body.standards ?? [] {
            guard let code = FormProblems.clean(s.code) else { throw AppError.invalid([FieldError("standards", "Give each standard's code.")]) }
            typed[code] = TypedSelfRating(rating: s.rating, evidence: s.evidence, actions: s.actions)
        }
        _ = try await invalidAsProblem { try await SelfAssessmentIntake.save(typed, submit: false, found, req) }
        return try await dto(try await SelfAssessmentStore.find(req, allowing: .viewSelfAssessments), req)
    }

    @Sendable func submit(req: Request) async throws -> AssessmentDTO {
        let found = try await SelfAssessmentStore.find(req, allowing: .completeSelfAssessment)
        guard found.assessment != nil else {
            throw AppError.invalid([FieldError("standards", "Save the self-assessment's ratings before submitting it.")])
        }
        _ = try await invalidAsProblem { try await SelfAssessmentIntake.save([:], submit: true, found, req) }
        return try await dto(try await SelfAssessmentStore.find(req, allowing: .viewSelfAssessments), req)
    }

    struct VerdictBody: Content { var code, verdict, note: String? }
    struct ReviewsBody: Content { var standards: [VerdictBody]?; var complete: Bool? }

    @Sendable func review(req: Request) async throws -> AssessmentDTO {
        let found = try await SelfAssessmentStore.find(req, allowing: .reviewSelfAssessment)
        let body = try req.content.decode(ReviewsBody.self)
        var typed: [String: TypedReview] = [:]
        for s in body.standards ?? [] {
            guard let code = FormProblems.clean(s.code) else { throw AppError.invalid([FieldError("standards", "Give each standard's code.")]) }
            typed[code] = TypedReview(verdict: s.verdict, note: s.note)
        }
        _ = try await invalidAsProblem { try await SelfAssessmentIntake.review(typed, complete: body.complete ?? false, found, req) }
        return try await dto(try await SelfAssessmentStore.find(req, allowing: .viewSelfAssessments), req)
    }

    struct ReturnBody: Content { var reason: String? }

    @Sendable func giveBack(req: Request) async throws -> AssessmentDTO {
        let found = try await SelfAssessmentStore.find(req, allowing: .reviewSelfAssessment)
        let body = try req.content.decode(ReturnBody.self)
        _ = try await invalidAsProblem { try await SelfAssessmentIntake.returnToProvider(reason: body.reason, found, req) }
        return try await dto(try await SelfAssessmentStore.find(req, allowing: .viewSelfAssessments), req)
    }

    struct DomainDTO: Content { let code, name: String; let meets, partlyMeets, doesNotMeet, agreed, challenged: Int }
    struct CompletionDTO: Content {
        let region: String
        let organisations, notStarted, draft, returned, submitted, reviewed, overdue, submittedLate: Int
    }
    struct NationalDTO: Content { let year: String; let frameworkVersion: Int; let completion: [CompletionDTO]; let domains: [DomainDTO] }

    @Sendable func national(req: Request) async throws -> NationalDTO {
        let f = try await SelfAssessmentNationalPage.figures(req)
        func completion(_ region: String, _ c: SelfAssessmentSummary.Completion) -> CompletionDTO {
            CompletionDTO(region: region, organisations: c.organisations, notStarted: c.count(.notStarted), draft: c.count(.draft),
                          returned: c.count(.returned), submitted: c.count(.submitted), reviewed: c.count(.reviewed),
                          overdue: c.overdue, submittedLate: c.submittedLate)
        }
        return NationalDTO(
            year: f.window.year.label, frameworkVersion: f.frameworkVersion,
            completion: [completion("ENG", f.national.completion)] + f.regions.map { completion($0.code, $0.summary.completion) },
            domains: f.national.domains.map {
                DomainDTO(code: $0.code, name: $0.name, meets: $0.count(.meets), partlyMeets: $0.count(.partlyMeets),
                          doesNotMeet: $0.count(.doesNotMeet), agreed: $0.count(.agree), challenged: $0.count(.challenge))
            })
    }

    private func dto(_ found: SelfAssessmentStore.Found, _ req: Request) async throws -> AssessmentDTO {
        let framework = try await SelfAssessmentPage.displayedFramework(found, req)
        let a = found.assessment
        let progress = SelfAssessmentProgress(a?.status)
        // The provider sees the team's verdicts once the review is complete, as on the page.
        let showReviews = Authorization.isAllowed(req.actor, .reviewSelfAssessment, .located(found.location)) || a?.status == .reviewed
        return AssessmentDTO(
            year: found.window.year.label, organisation: found.organisation.code, region: found.organisation.regionCode,
            status: progress.rawValue, frameworkVersion: framework.version, overdue: progress.isOverdue(found.window, on: .today()),
            submittedLate: a?.submittedLate ?? false, startedOn: a?.startedOn.iso, submittedOn: a?.submittedOn?.iso,
            reviewedOn: a?.reviewedOn?.iso, returnReason: a?.returnReason,
            standards: framework.domains.flatMap { d in d.standards.map { s in
                let entry = a?.rating(s.code) ?? StandardSelfAssessment()
                return StandardDTO(code: s.code, domain: d.code, rating: entry.rating?.rawValue, evidence: entry.evidence, actions: entry.actions,
                                   review: (showReviews ? a?.reviews[s.code] : nil).map { ReviewDTO(verdict: $0.verdict.rawValue, note: $0.note, by: $0.by, on: $0.on.iso) })
            } },
            history: try await SelfAssessmentStore.history(of: found.record, on: req.db).map { HistoryDTO(at: $0.at, actor: $0.actor, change: $0.change) })
    }

    private func invalidAsProblem<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let invalid as InvalidForm { throw AppError.invalid(invalid.fieldErrors) }
    }
}
