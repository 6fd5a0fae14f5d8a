import EduQualityDomain
import Foundation
import SQLKit
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Receipt codes are stored as keyed digests")
struct ReceiptDigestTests {
    @Test("an anonymous concern's receipt code is stored as its HMAC under the receipt secret and found by it",
          arguments: TestDatabase.all)
    func storedAsDigest(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            let created = try await ConcernAPI.raise(app)
            let typed = try #require(created.receiptCode)
            let code = try #require(ReceiptCode(typed: typed))
            // MUT
            let res = try await ConcernAPI.followUp(app, code: code.grouped)
            // validate
            #expect(res.status == .ok)
            let row = try await Self.row(app, created.reference)
            #expect(try row.decode(column: "receipt_digest", as: String.self)
                    == ReceiptDigest(secret: app.config.receiptSecret).digest(code))
            #expect(ReceiptDigest(secret: AppConfig.randomSecret()).digest(code)
                    != ReceiptDigest(secret: app.config.receiptSecret).digest(code))
        }
    }

    @Test("a concern raised when codes were bcrypt-hashed is found on first use and moved to the digest",
          arguments: TestDatabase.all)
    func legacyBcryptRehashed(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: a row as M004 stored it, the locator in clear beside the bcrypt hash
            let created = try await ConcernAPI.raise(app)
            let typed = try #require(created.receiptCode)
            let code = try #require(ReceiptCode(typed: typed))
            let sql = app.db as! any SQLDatabase
            let hash = try Bcrypt.hash(code.canonical, cost: 4)
            try await sql.raw("""
                UPDATE concerns SET receipt_digest = NULL, receipt_locator = \(bind: code.locator), receipt_hash = \(bind: hash)
                WHERE reference = \(bind: created.reference)
                """).run()
            // a wrong code sharing the locator finds nothing and leaves the row as it was
            let wrong = code.locator + String(repeating: "0", count: ReceiptCode.secretLength)
            #expect(try await ConcernAPI.followUp(app, code: wrong).status == .notFound)
            #expect(try await Self.row(app, created.reference).decode(column: "receipt_hash", as: String.self) == hash)
            // MUT
            let first = try await ConcernAPI.followUp(app, code: code.grouped)
            // validate: found, and now stored as the digest only
            #expect(first.status == .ok)
            #expect(first.body.string.contains(created.reference))
            let row = try await Self.row(app, created.reference)
            #expect(try row.decode(column: "receipt_digest", as: String.self)
                    == ReceiptDigest(secret: app.config.receiptSecret).digest(code))
            #expect(try row.decodeNil(column: "receipt_hash"))
            #expect(try row.decodeNil(column: "receipt_locator"))
            #expect(try await ConcernAPI.followUp(app, code: code.grouped).status == .ok)
        }
    }

    @Test("without RECEIPT_SECRET the secret is made once in the data folder, private, and kept")
    func secretFile() throws {
        // setup
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eq-receipt-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = ReceiptSecretFile(directory: folder)
        // MUT
        let first = try file.secret()
        let second = try file.secret()
        // validate
        #expect(first.count == 32)
        #expect(first == second)
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        try "not a secret".write(toFile: file.path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try file.secret() }
    }

    private static func row(_ app: Application, _ reference: String) async throws -> any SQLRow {
        try await (app.db as! any SQLDatabase).raw("SELECT * FROM concerns WHERE reference = \(bind: reference)").first()!
    }
}
