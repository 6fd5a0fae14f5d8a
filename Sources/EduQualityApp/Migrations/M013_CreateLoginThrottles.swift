import Fluent
import SQLKit

/// Failed sign-ins, for `LoginThrottle`, in the database so every instance and every restart sees
/// them. A row's key is the SHA-256 of the email as typed (lower-cased), alone or with a keyed
/// hash of the client's address: never an address or an email in clear. Replaces the lock kept on
/// the account (`users.failed_logins`, `users.locked_until` stay, unused).
struct M013_CreateLoginThrottles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_throttles")
            .field("key", .string, .identifier(auto: false))
            .field("email_hash", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure", .double, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "login_throttles_email_hash").on("login_throttles").column("email_hash").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_throttles").delete()
    }
}
