import EduQualityDomain
import Fluent

/// Which concerns someone may see and work on. The rule is the domain's (`Authorization` on the
/// case's queue); this file only narrows the database query before applying it to each case.
enum ConcernAccess {
    static func body(of record: ConcernRecord) -> HandlingBody? { HandlingBody(concernAuditText: record.handlingBody) }

    /// May `actor` take `action` on the case? Its own queue's handlers may; a regional quality team
    /// may also view a safety-flagged case from its region wherever the case has gone.
    static func allows(_ actor: Actor, _ action: Action, body: HandlingBody, safetyRegion: String?) -> Bool {
        if Authorization.isAllowed(actor, action, .caseQueue(body)) { return true }
        if action == .viewConcern, let region = safetyRegion {
            return Authorization.isAllowed(actor, .viewConcern, .caseQueue(.region(region)))
        }
        return false
    }

    static func allows(_ actor: Actor, _ action: Action, record: ConcernRecord) -> Bool {
        guard let body = body(of: record) else { return false }
        return allows(actor, action, body: body, safetyRegion: record.safetyRegion)
    }

    /// The records whose cases `actor` may view.
    static func visible(to actor: Actor, on db: any Database) async throws -> [ConcernRecord] {
        let handles = actor.assignments.filter { Authorization.permittedActions(for: $0.role).contains(.viewConcern) }
        guard !handles.isEmpty else { return [] }
        let query = ConcernRecord.query(on: db)
        if !handles.contains(where: { $0.scope == .national }) {
            query.group(.or) { or in
                for a in handles {
                    switch a.scope {
                    case .organisation(let code):
                        or.group(.and) { $0.filter(\.$handlingCode == code).filter(\.$handlingKind != "region") }
                    case .site(let org, let site):
                        or.group(.and) { $0.filter(\.$handlingCode == org).filter(\.$handlingSite == site) }
                    case .region(let code):
                        or.filter(\.$handlingCode == code).filter(\.$safetyRegion == code)
                    default:
                        break
                    }
                }
            }
        }
        return try await query.all().filter { allows(actor, .viewConcern, record: $0) }
    }
}
