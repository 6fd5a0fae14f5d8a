import Fluent
import SQLKit

/// Failed look-ups of secret codes (`FailedLookups`) and the leases of background jobs
/// (`JobLease`), in the database so that every instance and every restart sees them.
/// A failed look-up is one row per count it adds: under its code's keyed digest (never the code,
/// nor its locator, in clear) or under `*` for everyone. A lease is one row per job name.
struct M024_CreateSharedLimitsAndJobLeases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("failed_lookups")
            .id()
            .field("kind", .string, .required)
            .field("key_digest", .string, .required)
            .field("failed_at", .double, .required)
            .create()
        try await database.schema("job_leases")
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string, .required)
            .field("expires_at", .double, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "failed_lookups_key_time").on("failed_lookups")
                .column("kind").column("key_digest").column("failed_at").run()
            try await sql.create(index: "failed_lookups_time").on("failed_lookups").column("failed_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_leases").delete()
        try await database.schema("failed_lookups").delete()
    }
}
