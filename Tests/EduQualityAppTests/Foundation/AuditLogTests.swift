import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Audit log")
struct AuditLogTests {
    @Test("changes are recorded with who, what, before and after", arguments: TestDatabase.all)
    func recorded(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/organisations/T001")
            let res = try await admin.post("/admin/organisations/T001", form: ["name": "Renamed Trust", "type": "nhs-trust", "region": "LDN"])
            #expect(res.status == .seeOther)
            let entry = try await AuditEntry.query(on: app.db).filter(\.$action == "organisation.update")
                .filter(\.$entityID == "T001").first()
            #expect(entry?.actor == TestAccounts.email(.administrator))
            #expect(entry?.afterJSON?.contains("Renamed Trust") == true)
            #expect(entry?.beforeJSON?.contains("Thamesbank") == true)
            let (broken, count) = try await AuditLog.verify(on: app.db)
            #expect(broken == nil)
            #expect(count == (try await AuditEntry.query(on: app.db).count()))
        }
    }

    @Test("the database refuses to update or delete audit rows", arguments: TestDatabase.all)
    func appendOnly(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let sql = app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_entries SET actor = 'someone' WHERE sequence = 1").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("DELETE FROM audit_entries WHERE sequence = 1").run()
            }
        }
    }

    @Test("a tampered row is found by `eduquality audit verify`", arguments: TestDatabase.all)
    func tamper(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let sql = app.db as! any SQLDatabase
            // setup: someone with database rights bypasses the guard and edits entry 5
            if sql.dialect.name == "postgresql" {
                try await sql.raw("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only").run()
            } else {
                try await sql.raw("DROP TRIGGER audit_entries_no_update").run()
            }
            try await sql.raw("UPDATE audit_entries SET after_json = '{\"name\":\"Forged\"}' WHERE sequence = 5").run()
            // MUT
            let (broken, _) = try await AuditLog.verify(on: app.db)
            // validate
            #expect(broken == .contentAltered(sequence: 5))
            app.environment.arguments = ["eduquality", "audit", "verify"]
            await #expect(throws: AuditVerificationFailed.self) { try await app.execute() }
        }
    }

    @Test("concurrent writers keep one unbroken chain", arguments: TestDatabase.all)
    func concurrentWriters(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        try await app.db.audited(actor: "test") { db in
                            ((), [AuditEvent(action: "test.write", entityType: "test", entityID: "\(i)")])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let (broken, _) = try await AuditLog.verify(on: app.db)
            #expect(broken == nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "test.write").count() == 20)
        }
    }
}
