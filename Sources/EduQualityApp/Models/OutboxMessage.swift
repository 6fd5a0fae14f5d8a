import EduQualityDomain
import Fluent
import Foundation

/// A notice waiting in the outbox for delivery by mail (see `OutboxDelivery`).
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox"
    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "kind") var kind: String
    /// Stops the same notice (an overdue case, say) being queued twice.
    @OptionalField(key: "dedupe_key") var dedupeKey: String?
    @Field(key: "created_on") var createdOn: String
    @OptionalField(key: "sent_on") var sentOn: String?
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?

    init() {}
    init(recipient: String, subject: String, body: String, kind: String, dedupeKey: String?) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.kind = kind
        self.dedupeKey = dedupeKey
        self.createdOn = CalendarDay.today().iso
        self.attempts = 0
    }
}
