import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Subject-access export")
struct SubjectAccessTests {
    typealias F = RetentionFixtures

    static func export(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
    }

    @Test("a named reporter's export holds their concerns with every step, the notices to them, and nobody else's",
          arguments: TestDatabase.all)
    func reporter(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let mine = try await F.concern(app, raisedOn: "2026-10-01", closedOn: nil)
            let theirs = try await F.concern(app, email: "someone.else@example.org", raisedOn: "2026-10-01", closedOn: nil)
            try await F.notice(app, to: "named.reporter@example.org", queuedOn: "2026-10-02", sentOn: nil)
            try await F.notice(app, to: "someone.else@example.org", queuedOn: "2026-10-02", sentOn: nil)
            let admin = try await TestAccounts.browser(app, as: .administrator)

            // MUT (typed in capitals and with spaces, as people do)
            let response = try await admin.post("/admin/subject-access", form: ["email": "  Named.Reporter@example.org "])

            // validate
            #expect(response.status == .ok)
            #expect(response.headers.contentType == .json)
            #expect(response.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            #expect(response.headers.first(name: .cacheControl) == "no-store")
            let json = try Self.export(response)
            #expect(json["email"] as? String == "named.reporter@example.org")
            #expect(json["account"] == nil || json["account"] is NSNull)
            let concerns = json["concernsRaised"] as! [[String: Any]]
            #expect(concerns.map { $0["reference"] as? String } == [mine.reference])
            #expect(concerns[0]["whatHappened"] as? String == "SECRET what happened")
            #expect((concerns[0]["timeline"] as! [Any]).count == 6)
            #expect((json["notices"] as! [Any]).count == 1)
            #expect(!response.body.string.contains(theirs.reference) && !response.body.string.contains("someone.else"))
            // the export is audited with its counts
            let entry = try await AuditEntry.query(on: app.db).filter(\.$action == "subject-access.export").first()!
            #expect(entry.actor == TestAccounts.email(.administrator) && entry.entityID == "named.reporter@example.org")
            #expect(AuditLog.decode(entry.afterJSON)?["concerns-raised"] == "1")
        }
    }

    @Test("a staff account's export has its roles and what it did, never its password hash, key or token hashes",
          arguments: TestDatabase.all)
    func staff(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let email = TestAccounts.email(.regionalQualityTeam)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            // something the account did, in the audit log and as the owner of a record
            let user = try await User.query(on: app.db).filter(\.$email == email).first()!
            user.twoStepSecret = "SECRETKEYBASE32"
            try await user.update(on: app.db)
            try await APIToken(userID: user.id!, name: "Reporting script", tokenHash: "SECRET-TOKEN-HASH").create(on: app.db)
            _ = try await team.get("/account")
            let admin = try await TestAccounts.browser(app, as: .administrator)
            _ = try await admin.post("/admin/retention/purge", form: [:])

            let response = try await admin.post("/admin/subject-access", form: ["email": email])
            #expect(response.status == .ok)
            let body = response.body.string
            for secret in [user.passwordHash, "SECRETKEYBASE32", "SECRET-TOKEN-HASH"] { #expect(!body.contains(secret)) }
            let json = try Self.export(response)
            let account = json["account"] as! [String: Any]
            #expect(account["email"] as? String == email)
            #expect((account["roles"] as! [[String: Any]]).map { $0["role"] as? String } == ["regional-quality-team"])
            #expect((account["apiTokens"] as! [[String: Any]]).map { $0["name"] as? String } == ["Reporting script"])
            #expect((account["sessions"] as! [Any]).count >= 1)
            let audit = json["auditEntries"] as! [[String: Any]]
            #expect(audit.contains { $0["action"] as? String == "user.sign-in" })
            // the administrator's own export names the purge run they started
            let own = try Self.export(try await admin.post("/admin/subject-access", form: ["email": TestAccounts.email(.administrator)]))
            #expect((own["auditEntries"] as! [[String: Any]]).contains { $0["action"] as? String == "retention.purge" })
            #expect(own["namedIn"] is [Any])
        }
    }

    @Test("nothing found says so and is audited; a bad address is a 400; only administrators may export", arguments: TestDatabase.all)
    func refusals(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let nothing = try await admin.post("/admin/subject-access", form: ["email": "nobody@example.org"])
            #expect(nothing.status == .ok)
            #expect(nothing.body.string.contains("The service holds nothing about nobody@example.org"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "subject-access.export").count() == 1)
            for bad in ["", "not an address", "<b>@x"] {
                let refused = try await admin.post("/admin/subject-access", form: ["email": bad])
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains(##"href="#email""##))
                #expect(!refused.body.string.contains("<b>@x"))
            }
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "subject-access.export").count() == 1)
            #expect(try await TestBrowser(app).get("/admin/subject-access").status == .unauthorized)
            for role in Role.allCases where role != .administrator {
                let b = try await TestAccounts.browser(app, as: role)
                #expect(try await b.get("/admin/subject-access").status == .forbidden, "\(role)")
                #expect(try await b.post("/admin/subject-access", form: ["email": "nobody@example.org"]).status == .forbidden, "\(role)")
            }
        }
    }
}
