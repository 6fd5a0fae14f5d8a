import EduQualityDomain
import Fluent
import Foundation

/// Puts concern notifications in the outbox: handlers of the body hear of new and overdue cases,
/// reporters with an account hear of replies. The texts come from the domain templates, which
/// carry only the reference, the pathway and a link, absolute (`Application.siteURL`), since a
/// notice is read in a mail program, away from the site.
struct ConcernNotifier {
    /// The handlers of a case's body told of it (new, escalated or transferred), in the write.
    static func newCase(siteURL: String) -> ConcernStore.Notices {
        { concern, db in try await ConcernNotifier(db: db, siteURL: siteURL).newCase(concern) }
    }

    /// A reporter with an account told of a reply or an outcome, in the write.
    static func replyReceived(siteURL: String, accountEmail: String?) -> ConcernStore.Notices {
        { concern, db in try await ConcernNotifier(db: db, siteURL: siteURL).replyReceived(concern, accountEmail: accountEmail) }
    }

    let db: any Database
    /// The site's address, before each link's path.
    let siteURL: String

    /// The body's handlers hear of a new case. When the regional team stands in for a body with no
    /// handlers, or the body has no handlers at all, the national quality lead is told as well, so
    /// a case never arrives unannounced.
    func newCase(_ concern: Concern) async throws {
        let note = ConcernNotification.newCase(concern, link: siteURL + "/concerns/cases/\(concern.reference.value)")
        let handlers = try await handlers(of: concern.handlingBody)
        var recipients = handlers.map { ($0, "new-case") }
        if concern.currentStage.rerouting != nil || handlers.isEmpty {
            recipients += try await nationalLeads().filter { !handlers.contains($0) }.map { ($0, "unhandled-case") }
        }
        for (email, kind) in recipients {
            try await enqueue(email, note, kind: kind, dedupe: "new-case:\(concern.reference.value):\(concern.timeline.count):\(email)")
        }
    }

    func overdue(_ concern: Concern, on today: CalendarDay) async throws {
        let status = concern.overdue(on: today)
        guard status.isOverdue else { return }
        let note = ConcernNotification.overdueCase(concern, overdue: status, link: siteURL + "/concerns/cases/\(concern.reference.value)")
        let stage = concern.stages.count
        for email in try await handlers(of: concern.handlingBody) {
            let what = status.response ? "response" : "acknowledgement"
            try await enqueue(email, note, kind: "overdue-case",
                              dedupe: "overdue:\(concern.reference.value):stage\(stage):\(what):\(email)")
        }
    }

    func replyReceived(_ concern: Concern, accountEmail: String?) async throws {
        guard let email = accountEmail,
              let note = ConcernNotification.replyReceived(concern, link: siteURL + "/concerns/mine/\(concern.reference.value)") else { return }
        try await enqueue(email, note, kind: "reply", dedupe: "reply:\(concern.reference.value):\(concern.timeline.count)")
    }

    /// Everyone whose role handles that body's queue (not the national team, which sees queues
    /// but is not paged for each case).
    func handlers(of body: HandlingBody) async throws -> [String] {
        let grants = try await RoleGrant.query(on: db).with(\.$user).all()
        return Array(Set(grants.compactMap { grant -> String? in
            guard grant.user.isActive, let assignment = grant.assignment,
                  assignment.role != .nationalQualityLead, assignment.scope != .national else { return nil }
            let actor = Actor(userID: grant.user.id?.uuidString, assignments: [assignment])
            return Authorization.isAllowed(actor, .viewConcern, .caseQueue(body)) ? grant.user.email : nil
        })).sorted()
    }

    private func nationalLeads() async throws -> [String] {
        let grants = try await RoleGrant.query(on: db).filter(\.$role == Role.nationalQualityLead.rawValue).with(\.$user).all()
        return Array(Set(grants.filter(\.user.isActive).map(\.user.email))).sorted()
    }

    private func enqueue(_ recipient: String, _ note: ConcernNotification, kind: String, dedupe: String) async throws {
        guard try await OutboxMessage.query(on: db).filter(\.$dedupeKey == dedupe).count() == 0 else { return }
        try await OutboxMessage(recipient: recipient, subject: note.subject, body: note.body, kind: kind, dedupeKey: dedupe)
            .create(on: db)
    }
}
