import EduQualityDomain
import Fluent
import Vapor

/// Retiring an organisation (it merged or closed) and reinstating it, from the organisations
/// page. A retired organisation leaves every new choice (`Organisation.inUse`) and stays on every
/// record, report and audit entry that names it. Both are audited.
struct OrganisationRetirementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let org = routes.grouped("admin", "organisations", ":code")
        org.post("retire") { req in try await change(req, retire: true) }
        org.post("reinstate") { req in try await change(req, retire: false) }
    }

    private func change(_ req: Request, retire: Bool) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let code = req.parameters.get("code") ?? ""
        guard let org = try await Organisation.query(on: req.db).filter(\.$code == code).first() else {
            throw AppError.notFound("No organisation has the code \(code)")
        }
        guard (org.retiredOn != nil) != retire else {
            throw AppError.conflict(retire ? "\(org.name) is already retired." : "\(org.name) is in use already.")
        }
        let before = org.auditSnapshot
        org.retiredOn = retire ? CalendarDay.today().iso : nil
        try await req.db.audited(actor: req.auditActor) { db in
            try await org.update(on: db)
            return ((), [AuditEvent(action: retire ? "organisation.retire" : "organisation.reinstate", entityType: "organisation",
                                    entityID: org.code, before: before, after: org.auditSnapshot)])
        }
        return req.redirect(to: "/admin/organisations?q=\(org.code)")
    }
}
