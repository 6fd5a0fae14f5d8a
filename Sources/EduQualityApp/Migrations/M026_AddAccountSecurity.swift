import Fluent
import SQLKit

/// Two-step sign-in, temporary passwords, the list of a person's sessions and the account
/// settings. On `users`: the TOTP secret (Base32; set and unconfirmed never happens, enrolment
/// keeps the candidate in the session), when it was turned on, the last time step a code was
/// accepted for (a code is never accepted twice), and when a temporary password stops working
/// (nil for a password its owner chose). Recovery codes are kept as SHA-256 digests. Each
/// signed-in session has a row in `account_sessions` (no address: the service never stores
/// one), which the session names; deleting the row signs that session out. Times are seconds
/// since 1970. One column per `ALTER TABLE`, as SQLite requires.
struct M026_AddAccountSecurity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("password_expires_at", .double).update()
        try await database.schema("users").field("two_step_secret", .string).update()
        try await database.schema("users").field("two_step_enabled_at", .double).update()
        try await database.schema("users").field("two_step_last_counter", .int64).update()
        try await database.schema("two_step_recovery_codes")
            .id()
            .field("user_id", .uuid, .required)
            .field("code_hash", .string, .required)
            .field("used_at", .double)
            .create()
        try await database.schema("account_sessions")
            .id()
            .field("user_id", .uuid, .required)
            .field("started_at", .double, .required)
            .field("last_seen_at", .double, .required)
            .field("user_agent", .string, .required)
            .create()
        try await database.schema("account_settings")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "two_step_recovery_codes_user").on("two_step_recovery_codes").column("user_id").run()
            try await sql.create(index: "account_sessions_user").on("account_sessions").column("user_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["account_settings", "account_sessions", "two_step_recovery_codes"] {
            try await database.schema(table).delete()
        }
        for field in ["two_step_last_counter", "two_step_enabled_at", "two_step_secret", "password_expires_at"] {
            try await database.schema("users").deleteField(.string(field)).update()
        }
    }
}
