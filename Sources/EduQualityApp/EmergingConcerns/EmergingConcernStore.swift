import EduQualityDomain
import Fluent
import Vapor

/// Emerging concerns, only ever as the domain's visibility rule allows: a list holds only the
/// concerns the visitor's signatory is party to, a concern it is not party to answers as one that
/// does not exist, and every view and change is written to the concern's access log.
enum EmergingConcernStore {
    struct Found: Sendable {
        let record: EmergingConcernRecord
        let concern: EmergingConcern
        let panels: [RegulatoryReviewPanel]
    }

    /// Every concern the visitor may read, newest first (none for a visitor who acts for no signatory).
    static func visible(_ req: Request) async throws -> [Found] {
        guard let viewer = req.signatory, req.holdsPermission(.viewEmergingConcerns) else { return [] }
        let rows = try await EmergingConcernRecord.query(on: req.db)
            .filter(\.$parties, .contains(inverse: false, .anywhere), ",\(viewer),")
            .sort(\.$number, .descending).all()
        return rows.compactMap { row in
            guard let (concern, panels) = row.stored,
                  EmergingConcernVisibility.mayRead(req.actor, concern, signatories: req.signatories) else { return nil }
            return Found(record: row, concern: concern, panels: panels)
        }
    }

    /// One page of the concerns the visitor may read, each written to its access log as listed,
    /// and how many there are in all (the pages and the API list the same way).
    static func listed(_ req: Request) async throws -> (page: [Found], number: Int, total: Int) {
        try req.authorizeAnywhere(.viewEmergingConcerns)
        let all = try await visible(req)
        let number = try req.pageNumber()
        let page = Array(all[Pagination.range(number).clamped(to: all.indices)])
        for found in page { try await log(found.concern.reference, .viewed, "listed the concern", req) }
        return (page, number, all.count)
    }

    /// The concern with `reference`, once the visitor may read it (`.viewEmergingConcerns`) or work
    /// on it (`.raiseEmergingConcern`); 404 to anyone it is not shared with, whatever their role.
    static func find(_ reference: String, allowing action: Action, _ req: Request) async throws -> Found {
        let actions: [Action] = [.viewEmergingConcerns, .raiseEmergingConcern]
        guard let row = try await EmergingConcernRecord.query(on: req.db).filter(\.$reference == reference.uppercased()).first(),
              let (concern, panels) = row.stored,
              EmergingConcernVisibility.mayRead(req.actor, concern, signatories: req.signatories) else {
            throw req.notVisible(anyOf: actions, "There is no emerging concern \(reference) shared with you")
        }
        if action == .raiseEmergingConcern, !EmergingConcernVisibility.mayWorkOn(req.actor, concern, signatories: req.signatories) {
            throw AppError.forbidden
        }
        return Found(record: row, concern: concern, panels: panels)
    }

    /// Writes one line of the access log for the visitor.
    static func log(_ concern: String, _ kind: AccessLogEntry.Kind, _ what: String, _ req: Request, on db: (any Database)? = nil) async throws {
        guard let user = req.signedIn?.user else { return }
        let entry = AccessLogEntry(concern: concern, userID: user.id?.uuidString ?? "", userName: user.displayName,
                                   organisation: req.signatory ?? "", kind: kind, what: what, at: Date())
        try await EmergingConcernAccessRecord(entry).create(on: db ?? req.db)
    }

    static func accessLog(of found: Found, _ req: Request) async throws -> [AccessLogEntry] {
        let rows = try await EmergingConcernAccessRecord.query(on: req.db).filter(\.$concernReference == found.concern.reference)
            .sort(\.$at, .descending).all()
        return AccessLogEntry.readable(rows.compactMap(\.entry), of: found.concern, viewer: req.signatory)
    }

    static func history(of reference: String, on db: any Database) async throws -> [EmergingConcernHistoryRecord] {
        try await EmergingConcernHistoryRecord.query(on: db).filter(\.$concernReference == reference).sort(\.$at, .descending).all()
    }

    /// Raises a concern from `form` as the visitor's signatory, shared and notified.
    static func raise(_ form: NewEmergingConcernForm, _ req: Request) async throws -> EmergingConcern {
        try req.authorizeAnywhere(.raiseEmergingConcern)
        let regions = try await Organisation.regionsByCode(on: req.db)
        guard let raiser = req.signatory, let user = req.signedIn?.user else { throw AppError.forbidden }
        if let code = FormProblems.clean(form.organisation)?.uppercased(), let region = regions[code],
           EmergingConcernVisibility.raisingSignatory(for: req.actor, about: Location(region: region, organisation: code),
                                                      signatories: req.signatories) == nil {
            throw InvalidForm(field: "organisation", "You cannot raise an emerging concern about \(code).")
        }
        let signatories = req.signatories
        let actor = ReviewStore.actorName(req)
        return try await req.db.audited(actor: req.auditActor) { db in
            let number = (try await EmergingConcernRecord.query(on: db).max(\.$number) ?? 0) + 1
            let concern = try form.validated(raisedBy: raiser, user: user.id?.uuidString ?? "", signatories: signatories,
                                             regionOf: { regions[$0] }, number: number, today: .today())
            let row = EmergingConcernRecord()
            row.number = number
            row.raisedAt = Date()
            try row.apply(concern, panels: [])
            try await row.create(on: db)
            try await EmergingConcernHistoryRecord(concern: concern.reference, at: Date(), actor: actor,
                                                   change: "Raised by \(raiser), shared with \(concern.sharedWithSorted.joined(separator: ", "))").create(on: db)
            try await log(concern.reference, .changed, "raised the concern", req, on: db)
            try await EmergingConcernNotices.shared(concern, with: concern.sharedWithSorted, req, on: db)
            return (concern, [concern.creationAudit])
        }
    }

    /// Saves a change: history, audit, access log, a notice to anyone newly party to it, and one
    /// to the other parties of `panelNotice` when the change is a panel's step.
    static func save(_ found: Found, _ concern: EmergingConcern, panels: [RegulatoryReviewPanel], _ change: EmergingConcernChange,
                     what: String, notify: [String] = [], panelNotice: RegulatoryReviewPanel? = nil, _ req: Request) async throws {
        let row = found.record
        let actor = ReviewStore.actorName(req)
        try await req.db.audited(actor: req.auditActor) { db in
            try row.apply(concern, panels: panels)
            try await row.update(on: db)
            try await EmergingConcernHistoryRecord(concern: concern.reference, at: Date(), actor: actor,
                                                   change: change.lines.joined(separator: "\n")).create(on: db)
            try await log(concern.reference, .changed, what, req, on: db)
            if !notify.isEmpty { try await EmergingConcernNotices.shared(concern, with: notify, req, on: db) }
            if let panel = panelNotice { try await EmergingConcernNotices.panel(panel, of: concern, change: change, req, on: db) }
            return ((), [change.audit])
        }
    }
}

/// Who is told: the regulator-liaison and quality-team accounts of the signatories a concern is
/// newly shared with, with its reference and a link only (never what it says).
enum EmergingConcernNotices {
    static func shared(_ concern: EmergingConcern, with codes: [String], _ req: Request, on db: any Database) async throws {
        try await send(concern, to: codes, req, on: db, subject: { "Emerging concern \(concern.reference) shared with \($0)" },
                       body: "An emerging concern has been shared with {code} under the Emerging Concerns protocol.",
                       kind: "emerging-concern-shared", key: "emerging-concern-shared:\(concern.reference)")
    }

    /// A panel's step (requested, convened, held, an action, closed), told to its parties.
    static func panel(_ panel: RegulatoryReviewPanel, of concern: EmergingConcern, change: EmergingConcernChange,
                      _ req: Request, on db: any Database) async throws {
        try await send(concern, to: panel.parties.sorted(), req, on: db, subject: { _ in "Regulatory review panel \(panel.reference): \(panel.status.displayName.lowercased())" },
                       body: "Regulatory review panel \(panel.reference) on an emerging concern, in which {code} takes part, is now \(panel.status.displayName.lowercased()).",
                       kind: "regulatory-panel", key: "regulatory-panel:\(panel.reference):\(change.audit.action):\(panel.actions.count):\(panel.actions.filter { $0.status == .done }.count)")
    }

    private static func send(_ concern: EmergingConcern, to codes: [String], _ req: Request, on db: any Database,
                             subject: (String) -> String, body: String, kind: String, key: String) async throws {
        let signatories = req.signatories
        let users = try await User.query(on: db).filter(\.$isActive == true).with(\.$roles).all()
        for user in users where user.id != req.signedIn?.user.id {
            let actor = user.actor
            guard let code = EmergingConcernVisibility.viewer(for: actor, signatories: signatories), codes.contains(code),
                  EmergingConcernVisibility.mayRead(actor, concern, signatories: signatories) else { continue }
            try await OutboxMessage(
                recipient: user.email, subject: subject(code),
                body: body.replacingOccurrences(of: "{code}", with: code) + " Read it, signed in, at "
                    + req.application.link("/quality/emerging-concerns/\(concern.reference)") + ". Please do not forward this message.",
                kind: kind, dedupeKey: "\(key):\(user.email)").create(on: db)
        }
    }
}
