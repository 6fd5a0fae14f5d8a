import EduQualityDomain
import Fluent
import Vapor

/// Who is told about a review, and the background job's part: each overdue immediate mandatory
/// requirement is notified to its region's quality team once.
enum ReviewNotices {
    /// Active accounts holding `action` at `location`.
    static func recipients(_ action: Action, at location: Location, on db: any Database) async throws -> [String] {
        try await User.query(on: db).filter(\.$isActive == true).with(\.$roles).all()
            .filter { Authorization.isAllowed($0.actor, action, .located(location)) && !Authorization.isAllowed($0.actor, action, .service) }
            .map(\.email)
    }

    /// The provider's notices for the report's stage now (none for other stages).
    static func forReportStage(_ review: Review, _ req: Request) async throws -> [OutboxMessage] {
        let provider = try await Organisation.query(on: req.db).filter(\.$code == review.organisation).first()?.name ?? review.organisation
        let notice: ReviewNotice
        let kind: String
        switch review.report.stage {
        case .factualAccuracy:
            guard let due = review.report.commentsDue else { return [] }
            notice = .factualAccuracy(review: review.reference, provider: provider, due: due,
                                      link: req.application.link("/quality/reviews/\(review.reference)#report"))
            kind = "review-factual-accuracy"
        case .published:
            notice = .published(review: review.reference, provider: provider, link: req.application.link("/reviews/\(review.reference)"))
            kind = "review-published"
        default:
            return []
        }
        return try await recipients(.respondToReview, at: review.location, on: req.db).map {
            OutboxMessage(recipient: $0, subject: notice.subject, body: notice.body, kind: kind,
                          dedupeKey: "\(kind):\(review.reference):\(review.report.versions.count)")
        }
    }

    static func run(_ app: Application, today: CalendarDay) async throws {
        let due = try await RequirementRecord.query(on: app.db)
            .filter(\.$kind == RequirementKind.immediateMandatory.rawValue)
            .filter(\.$overdueNotified == false).all()
        for record in due {
            guard let requirement = record.requirement, requirement.isOverdue(on: today) else { continue }
            let provider = try await Organisation.query(on: app.db).filter(\.$code == requirement.organisation).first()?.name
                ?? requirement.organisation
            let notice = ReviewNotice.overdueImmediate(requirement, provider: provider,
                                                       link: app.link("/quality/requirements/\(requirement.reference)"))
            let recipients = try await recipients(.manageReviews, at: requirement.location, on: app.db)
            try await app.db.audited(actor: "system:calendar") { db in
                for recipient in recipients {
                    try await OutboxMessage(recipient: recipient, subject: notice.subject, body: notice.body,
                                            kind: "requirement-overdue", dedupeKey: "requirement-overdue:\(requirement.reference)").create(on: db)
                }
                record.overdueNotified = true
                try await record.update(on: db)
                return ((), [AuditEvent(action: "requirement.overdue", entityType: "requirement", entityID: requirement.reference,
                                        after: ["due": requirement.due?.iso ?? "", "notified": String(recipients.count)])])
            }
        }
    }
}
