import Fluent

/// Notifications waiting to be delivered (or shown on the outbox page when no mail server is set).
/// Dates are kept to the day: a notice about a new anonymous case must not time its submission.
struct M005_CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox")
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("kind", .string, .required)
            .field("dedupe_key", .string).unique(on: "dedupe_key")
            .field("created_on", .string, .required)
            .field("sent_on", .string)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").delete()
    }
}
