import EduQualityDomain
import Fluent
import Vapor

/// The background job's part for the ISF: the owner of each subject's current decision is
/// reminded a week before its review, and an overdue review is marked (audited) and noticed —
/// each once per decision.
enum ISFReviewJob {
    static func run(on db: any Database, today: CalendarDay) async throws {
        let records = try await ISFDecisionRecord.query(on: db).sort(\.$sequence).all()
        let latest = Dictionary(grouping: records) { "\($0.subjectKind):\($0.subjectCode)" }.compactMap { $0.value.last }
        for record in latest {
            guard let decision = record.decision, let kind = ISFReviewNotice.due(for: decision, on: today) else { continue }
            if kind == .reminder, record.reminded { continue }
            if kind == .overdue, record.overdueMarked { continue }
            let name = try await ISFSubjects.resolve(decision.subject, on: db)?.name ?? decision.subject.description
            var owner: User?
            if let id = UUID(uuidString: decision.decidedBy) { owner = try await User.find(id, on: db) }
            let recipient = owner.flatMap { $0.isActive ? $0.email : nil }
            try await db.audited(actor: "system:calendar") { db in
                if let recipient {
                    let notice = ISFReviewNotice(kind: kind, subjectName: name, decision: decision,
                                                 link: ResolvedSubject.href(decision.subject))
                    try await OutboxMessage(recipient: recipient, subject: notice.subject, body: notice.body, kind: kind.rawValue,
                                            dedupeKey: "\(kind.rawValue):\(decision.id)").create(on: db)
                }
                if kind == .reminder { record.reminded = true } else { record.overdueMarked = true }
                try await record.update(on: db)
                let event = kind == .overdue
                    ? [AuditEvent(action: "isf.review-overdue", entityType: "isf-decision", entityID: decision.id,
                                  after: ["subject": decision.subject.description, "nextReview": decision.nextReview.iso])]
                    : []
                return ((), event)
            }
        }
    }
}
