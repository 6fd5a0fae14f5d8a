import Fluent
import SQLKit

/// Receipt codes are stored as a keyed hash (`ReceiptDigest`) in a unique, indexed column, so a
/// follow-up finds its concern with one index look-up. Rows made before keep their bcrypt hash
/// and locator until the reporter's first follow-up, which verifies the hash and moves the row
/// to the digest (`ReceiptLookup`).
struct M015_AddReceiptDigests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("concerns").field("receipt_digest", .string).update()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "concerns_receipt_digest").on("concerns").column("receipt_digest").unique().run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "concerns_receipt_digest").run()
        }
        try await database.schema("concerns").deleteField("receipt_digest").update()
    }
}
