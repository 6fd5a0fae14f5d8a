import EduQualityDomain
import Fluent
import Vapor

/// The register's API, scoped exactly like its pages (a session or `Authorization: Bearer eqt_…`):
/// `POST /api/v1/register`, `GET /api/v1/register[?region&organisation&status&band&standard&q&page]`
/// → `{items, total}`, `GET /api/v1/register/REFERENCE` (with `history`), and
/// `PATCH /api/v1/register/REFERENCE` (any of status, likelihood, impact, reviewDue, owner, with `reason`).
struct RegisterAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "register")
        api.post(use: create)
        api.get(use: list)
        api.get(":reference", use: show)
        api.patch(":reference", use: change)
    }

    struct SourceBody: Content { var kind: String?; var reference: String? }

    struct NewEntryBody: Content {
        var organisation, site, specialty, title, description, reviewDue: String?
        var professions, standards: [String]?
        var likelihood, impact: FlexibleInt?
        var sources: [SourceBody]?
    }

    struct SourceDTO: Content { let kind, reference, summary: String }
    struct ActionDTO: Content { let number: Int; let text, owner, due: String; let completedOn: String?; let overdue: Bool }
    struct HistoryDTO: Content { let at: Date; let actor, change: String }

    struct EntryDTO: Content {
        let reference, region, organisation: String
        let site, specialty: String?
        let professions: [String]
        let title, description: String
        let standards: [String]
        let frameworkVersion, likelihood, impact, score: Int
        let band, status, reviewDue, owner, openedOn: String
        let reviewOverdue: Bool
        let sources: [SourceDTO]
        let actions: [ActionDTO]
        let history: [HistoryDTO]?
    }

    struct ListDTO: Content { let items: [EntryDTO]; let total: Int; let page: Int }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.editQualityRegister)
        let body = try req.content.decode(NewEntryBody.self)
        let form = NewRegisterEntryForm(
            organisation: body.organisation, site: body.site, specialty: body.specialty, professions: body.professions ?? [],
            title: body.title, description: body.description, standards: body.standards ?? [],
            likelihood: body.likelihood?.text, impact: body.impact?.text, reviewDue: body.reviewDue,
            sources: (body.sources ?? []).map { TypedSource(kind: $0.kind ?? "", reference: $0.reference ?? "") })
        switch try await RegisterIntake.open(form, req) {
        case .opened(let entry):
            return try await dto(entry, history: nil, req).encodeResponse(status: .created, for: req)
        case .invalid(let errors):
            throw AppError.invalid(errors)
        }
    }

    @Sendable func list(req: Request) async throws -> ListDTO {
        let entries = try await RegisterPagesController.filtered(req).matching
        let number = try req.pageNumber()
        let owners = try await RegisterOwners.names(on: req.db)
        var items: [EntryDTO] = []
        for entry in entries[Pagination.range(number).clamped(to: entries.indices)] {
            items.append(try await dto(entry, history: nil, owners: owners, req))
        }
        return ListDTO(items: items, total: entries.count, page: number)
    }

    @Sendable func show(req: Request) async throws -> EntryDTO {
        let (record, entry) = try await RegisterStore.find(req.parameters.get("reference") ?? "", allowing: .viewQualityRegister, req)
        return try await dto(entry, history: try await RegisterStore.history(of: record, on: req.db), req)
    }

    struct ChangeBody: Content {
        var status, reviewDue, owner, reason: String?
        var likelihood, impact: FlexibleInt?
    }

    @Sendable func change(req: Request) async throws -> EntryDTO {
        let (record, entry) = try await RegisterStore.find(req.parameters.get("reference") ?? "", allowing: .editQualityRegister, req)
        let body = try req.content.decode(ChangeBody.self)
        var changed = entry
        do {
            let change = try await RegisterIntake.change(&changed, RegisterEntryUpdate(
                status: body.status, likelihood: body.likelihood?.text, impact: body.impact?.text,
                reviewDue: body.reviewDue, owner: body.owner, reason: body.reason), req)
            try await RegisterStore.save(changed, change, record: record, req)
        } catch let invalid as InvalidForm {
            throw AppError.invalid(invalid.fieldErrors)
        }
        return try await dto(changed, history: try await RegisterStore.history(of: record, on: req.db), req)
    }

    /// `owners` (user names by id) is loaded by the caller once for a whole page of entries.
    private func dto(_ e: RegisterEntry, history: [RegisterHistoryRecord]?, owners: [String: String]? = nil,
                     _ req: Request) async throws -> EntryDTO {
        let today = CalendarDay.today()
        var names = owners ?? [:]
        if owners == nil { names = try await RegisterOwners.names(on: req.db) }
        let sources = try await RegisterSources.views(e.sources, req)
        return EntryDTO(
            reference: e.reference, region: e.region, organisation: e.organisation, site: e.site, specialty: e.specialty,
            professions: e.professions, title: e.title, description: e.description, standards: e.standards,
            frameworkVersion: e.frameworkVersion, likelihood: e.risk.likelihood, impact: e.risk.impact, score: e.risk.score,
            band: req.riskBands.band(for: e.risk).code, status: e.status.rawValue, reviewDue: e.reviewDue.iso,
            owner: names[e.owner] ?? "", openedOn: e.openedOn.iso, reviewOverdue: e.isReviewOverdue(on: today),
            sources: sources.map { SourceDTO(kind: $0.kind, reference: $0.reference, summary: $0.summary) },
            actions: e.actions.map { ActionDTO(number: $0.number, text: $0.text, owner: $0.owner, due: $0.due.iso,
                                               completedOn: $0.completedOn?.iso, overdue: $0.isOverdue(on: today)) },
            history: history?.map { HistoryDTO(at: $0.at, actor: $0.actor, change: $0.change) })
    }
}
