import EduQualityDomain
import Fluent
import Foundation
import Logging
import SQLKit
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Anonymous concerns keep nothing identifying")
struct ConcernAnonymityTests {
    static let probeAgent = "AnonymityProbe/7.3 (unique-agent-string)"
    static let secretText = "Supervision was missing on every night shift in ward 7"

    @Test("an anonymous concern stores and logs no account, address, user agent or time of day",
          arguments: TestDatabase.all)
    func anonymous(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: capture everything logged, at the most verbose level the service allows (info)
            let log = CapturedLog()
            app.logger = Logger(label: "test") { log.handler(label: $0) }
            app.logger.logLevel = .info
            let sessionsBefore = try await SessionRecord.query(on: app.db).count()
            let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: await TestPorts.free()))
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.add(name: .userAgent, value: Self.probeAgent)
            headers.add(name: "X-Forwarded-For", value: "203.0.113.77")
            let body = """
            {"anonymity":"anonymous","organisation":"T001","site":"T001-01","category":"supervision","pathway":1,
             "description":"\(Self.secretText)","desiredOutcome":"A named supervisor."}
            """
            // MUT
            let res = try await tester.sendRequest(.POST, "/api/v1/concerns", headers: headers, body: ByteBuffer(string: body))
            // validate: the answer
            #expect(res.status == .created)
            struct Created: Decodable { let reference: String; let receiptCode: String }
            let created = try JSONDecoder().decode(Created.self, from: Data(res.body.string.utf8))
            #expect(created.receiptCode.split(separator: "-").count == 5)
            // the stored row
            let sql = app.db as! any SQLDatabase
            let row = try await sql.raw("SELECT * FROM concerns WHERE reference = \(bind: created.reference)").first()!
            #expect(try row.decodeNil(column: "reporter_name"))
            #expect(try row.decodeNil(column: "reporter_email"))
            #expect(try row.decodeNil(column: "account_id"))
            #expect(try row.decode(column: "submitted_on", as: String.self) == CalendarDay.today().iso)
            let digest = try row.decode(column: "receipt_digest", as: String.self)
            #expect(digest.count == 64 && digest.allSatisfy(\.isHexDigit))
            #expect(try row.decodeNil(column: "receipt_hash"))
            #expect(try row.decodeNil(column: "receipt_locator"))
            let columns = row.allColumns.map { $0.lowercased() }
            for forbidden in ["ip", "ip_address", "user_agent", "created_at", "updated_at", "remote_address"] {
                #expect(!columns.contains(forbidden))
            }
            var everything = ""
            for column in row.allColumns {
                if let text = try? row.decode(column: column, as: String.self) { everything += text + "\n" }
            }
            let timeline = try await sql.raw("SELECT entry_json FROM concern_timeline").all()
            for r in timeline { everything += try r.decode(column: "entry_json", as: String.self) }
            // the audit events wait for their batch, out of the chain, and join it day-only
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "concern").count() == 0)
            try await AuditLog.appendPendingBatch(on: app.db)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "concern").all()
            #expect(!audit.isEmpty)
            for a in audit { everything += a.actor + (a.beforeJSON ?? "") + (a.afterJSON ?? "") }
            for leak in ["203.0.113.77", "127.0.0.1", "AnonymityProbe", created.receiptCode] {
                #expect(!everything.contains(leak), "stored data contains \(leak)")
            }
            #expect(audit.allSatisfy { $0.actor == "anonymous reporter" })
            let midnight = Double(Int(Date().timeIntervalSince1970) / 86_400 * 86_400)
            #expect(audit.allSatisfy { $0.occurredAt.timeIntervalSince1970 == midnight }, "audit keeps the day only")
            #expect(try await SessionRecord.query(on: app.db).count() == sessionsBefore)
            // the captured log
            let logged = log.text
            #expect(logged.contains("POST /api/v1/concerns 201"), "the request is logged, by method and path only")
            for leak in ["203.0.113.77", "127.0.0.1", "AnonymityProbe", created.receiptCode, Self.secretText, "A named supervisor"] {
                #expect(!logged.contains(leak), "the log contains \(leak)")
            }
            // following up leaks nothing either
            var follow = HTTPHeaders()
            follow.add(name: "X-Receipt-Code", value: created.receiptCode)
            follow.add(name: .userAgent, value: Self.probeAgent)
            let view = try await tester.sendRequest(.GET, "/api/v1/concerns/follow-up", headers: follow)
            #expect(view.status == .ok)
            for leak in ["AnonymityProbe", "127.0.0.1", created.receiptCode] {
                #expect(!log.text.contains(leak))
            }
        }
    }

    @Test("the new-case notice to handlers carries no text of an anonymous concern", arguments: TestDatabase.all)
    func notification(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await ConcernAPI.raise(app, description: Self.secretText)
            let messages = try await OutboxMessage.query(on: app.db).all()
            #expect(!messages.isEmpty, "handlers of T001 are told")
            #expect(Set(messages.map(\.recipient)).contains(TestAccounts.email(.providerEducationLead)))
            for m in messages {
                #expect(!m.body.contains("ward 7") && !m.subject.contains("ward 7"))
                #expect(m.createdOn == CalendarDay.today().iso)
            }
        }
    }
}

/// Small helpers for raising concerns through the API in tests.
enum ConcernAPI {
    struct Created: Decodable { let reference: String; let receiptCode: String? }

    static func raise(_ app: Application, anonymity: String = "anonymous", organisation: String = "T001",
                      site: String? = "T001-01", category: String = "supervision", pathway: Int = 1,
                      description: String = "No supervisor on nights.", extra: String = "") async throws -> Created {
        var headers = HTTPHeaders()
        headers.contentType = .json
        let siteField = site.map { "\"site\":\"\($0)\"," } ?? ""
        let body = """
        {"anonymity":"\(anonymity)","organisation":"\(organisation)",\(siteField)"category":"\(category)","pathway":\(pathway),
         "description":"\(description)"\(extra)}
        """
        let res = try await app.testing().sendRequest(.POST, "/api/v1/concerns", headers: headers, body: ByteBuffer(string: body))
        precondition(res.status == .created, "raising failed: \(res.status) \(res.body.string)")
        return try JSONDecoder().decode(Created.self, from: Data(res.body.string.utf8))
    }

    static func followUp(_ app: Application, code: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "X-Receipt-Code", value: code)
        return try await app.testing().sendRequest(.GET, "/api/v1/concerns/follow-up", headers: headers)
    }
}
