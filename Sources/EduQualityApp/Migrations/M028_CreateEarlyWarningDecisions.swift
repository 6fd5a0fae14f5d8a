import Fluent

/// Early-warning signals dismissed, or turned into register entries, by a quality lead.
struct M028_CreateEarlyWarningDecisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("early_warning_decisions")
            .id()
            .field("organisation_code", .string, .required)
            .field("quarter", .string, .required)
            .field("sources", .string, .required)
            .field("kind", .string, .required)
            .field("reason", .string, .required)
            .field("register_entry", .string)
            .field("signatory", .string)
            .field("by_name", .string, .required)
            .field("decided_on", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("early_warning_decisions").delete()
    }
}
