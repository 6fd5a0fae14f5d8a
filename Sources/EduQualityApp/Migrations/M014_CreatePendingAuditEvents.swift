import Fluent

/// Anonymous audit events wait here for their batch (`DeferredAudit`), and the time of the last
/// scheduled batch is kept beside them.
struct M014_CreatePendingAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_pending_events")
            .id()
            .field("occurred_on", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("before_json", .string)
            .field("after_json", .string)
            .create()
        try await database.schema("audit_batch_state")
            .field("name", .string, .identifier(auto: false))
            .field("last_boundary", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_batch_state").delete()
        try await database.schema("audit_pending_events").delete()
    }
}
