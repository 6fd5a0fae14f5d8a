import Fluent
import Foundation

/// An audit event by someone without an account, waiting for the next batch to join the chain
/// (`DeferredAudit`). Written in the same transaction as the change it records; read only by
/// `AuditLog.appendPendingBatch`, which appends and deletes it. The key is random and the only
/// time kept is the start of the UTC day, so the table says nothing of the order events came in.
final class PendingAuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_pending_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "occurred_on") var occurredOn: Date
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "entity_type") var entityType: String
    @Field(key: "entity_id") var entityID: String
    @OptionalField(key: "before_json") var beforeJSON: String?
    @OptionalField(key: "after_json") var afterJSON: String?

    init() {}
}

/// The batch time the last scheduled batch of pending audit events served (one row).
final class AuditBatchState: Model, @unchecked Sendable {
    static let schema = "audit_batch_state"
    static let key = "deferred"
    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "last_boundary") var lastBoundary: Date

    init() {}

    init(lastBoundary: Date) {
        id = Self.key
        self.lastBoundary = lastBoundary
    }
}
