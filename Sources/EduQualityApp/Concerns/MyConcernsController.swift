import EduQualityDomain
import Fluent
import Vapor

/// Concerns a signed-in learner raised openly or confidentially from their account.
struct MyConcernsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let mine = routes.grouped("concerns", "mine")
        mine.get(use: list)
        mine.get(":reference", use: show)
        mine.post(":reference", "act", use: act)
    }

    struct Row: Encodable { let reference, category, status, pathway, submittedOn: String }
    struct ListPage: Encodable { let layout: Layout; let rows: [Row] }

    @Sendable func list(req: Request) async throws -> View {
        let me = try owner(req)
        try req.authorize(.viewOwnConcerns, .ownedBy(userID: me))
        let records = try await ConcernRecord.query(on: req.db).filter(\.$accountID == me).sort(\.$submittedOn, .descending).all()
        let rows = records.map {
            Row(reference: $0.reference, category: ConcernCategory(rawValue: $0.category)?.displayName ?? $0.category,
                status: ConcernStatus(rawValue: $0.status)?.displayName ?? $0.status,
                pathway: EscalationPathway(rawValue: $0.pathway)?.title ?? "",
                submittedOn: CalendarDay.longDescription(iso: $0.submittedOn))
        }
        return try await req.view.render("concerns/mine", ListPage(layout: req.layout(title: "Your concerns"), rows: rows))
    }

    @Sendable func show(req: Request) async throws -> View {
        let reference = try await ownRecord(req).reference
        return try await RaiseConcernController().renderCase(req, reference: reference, receiptCode: nil, flash: nil, errors: [])
    }

    @Sendable func act(req: Request) async throws -> Response {
        let record = try await ownRecord(req)
        let form = try req.content.decode(ReporterActionForm.self)
        do {
            let flash = try await ReporterActions.perform(form, on: record.reference, req: req)
            return try await RaiseConcernController().renderCase(req, reference: record.reference, receiptCode: nil, flash: flash, errors: [])
                .encodeResponse(for: req)
        } catch let error as AppError {
            let errors: [FieldError] = if case .invalid(let list) = error { list } else { [FieldError("action", error.detail)] }
            return try await RaiseConcernController().renderCase(req, reference: record.reference, receiptCode: nil, flash: nil, errors: errors)
                .response(error.status)
        }
    }

    private func owner(_ req: Request) throws -> String {
        guard let id = req.signedIn?.user.id?.uuidString else { throw AppError.unauthorised }
        return id
    }

    /// The case, if it is linked to this account; another person's case is "not found".
    private func ownRecord(_ req: Request) async throws -> ConcernRecord {
        let me = try owner(req)
        let reference = req.parameters.get("reference") ?? ""
        guard let record = try await ConcernRecord.query(on: req.db).filter(\.$reference == reference).first(),
              let owner = record.accountID,
              Authorization.isAllowed(req.actor, .viewOwnConcerns, .ownedBy(userID: owner)), owner == me else {
            throw AppError.notFound("You have no concern with the reference \(reference)")
        }
        return record
    }
}
