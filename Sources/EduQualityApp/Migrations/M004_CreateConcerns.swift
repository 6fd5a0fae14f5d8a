import Fluent
import SQLKit

/// Concerns and their timelines. The concern row holds the submission as the learner gave it and
/// a projection of the current state for queues; the timeline rows are the record itself. No
/// column holds a time finer than the day, and anonymous rows hold no name, email or account.
struct M004_CreateConcerns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("concerns")
            .id()
            .field("reference", .string, .required).unique(on: "reference")
            .field("submitted_on", .string, .required)
            .field("how_raised", .string, .required)
            .field("reporter_name", .string)
            .field("reporter_email", .string)
            .field("account_id", .string)
            .field("region", .string, .required)
            .field("organisation", .string, .required)
            .field("site", .string)
            .field("category", .string, .required)
            .field("what_happened", .string, .required)
            .field("desired_outcome", .string)
            .field("initial_pathway", .int, .required)
            .field("recipient", .string, .required)
            .field("education_provider", .string)
            .field("status", .string, .required)
            .field("pathway", .int, .required)
            .field("handling_body", .string, .required)
            .field("handling_kind", .string, .required)
            .field("handling_code", .string, .required)
            .field("handling_site", .string)
            .field("acknowledge_by", .string, .required)
            .field("respond_by", .string, .required)
            .field("assignee", .string)
            .field("safety_region", .string)
            .field("receipt_locator", .string)
            .field("receipt_hash", .string)
            .field("timeline_length", .int, .required)
            .create()
        try await database.schema("concern_timeline")
            .id()
            .field("concern_id", .uuid, .required, .references("concerns", "id", onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("entry_json", .string, .required)
            .unique(on: "concern_id", "sequence")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX concerns_body ON concerns (handling_kind, handling_code)").run()
        try await sql.raw("CREATE INDEX concerns_locator ON concerns (receipt_locator)").run()
        try await sql.raw("CREATE INDEX concerns_account ON concerns (account_id)").run()
        try await sql.raw("CREATE INDEX concerns_safety_region ON concerns (safety_region)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("concern_timeline").delete()
        try await database.schema("concerns").delete()
    }
}
