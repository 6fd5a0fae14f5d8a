import EduQualityDomain
import Fluent
import Foundation
import Logging
import SQLKit
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Survey responses keep nothing identifying")
struct SurveyAnonymityTests {
    static let probeAgent = "SurveyAnonymityProbe/4.1 (distinctive-agent)"
    static let probeAddress = "198.51.100.23"
    static let comment = "The night team on ward 12 never had a registrar available"
    static let round = "NETS-OPEN"

    /// Every text column of every row of `table`, joined.
    static func everything(in table: String, _ sql: any SQLDatabase) async throws -> (columns: Set<String>, text: String, rows: Int) {
        let rows = try await sql.raw("SELECT * FROM \(ident: table)").all()
        var columns: Set<String> = []
        var text = ""
        for row in rows {
            for column in row.allColumns {
                columns.insert(column.lowercased())
                if let value = try? row.decode(column: column, as: String.self) { text += value + "\n" }
            }
        }
        return (columns, text, rows.count)
    }

    @Test("a survey taken through the pages stores and logs no account, address, user agent or time of day",
          arguments: TestDatabase.all)
    func anonymous(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: capture everything logged at the most verbose level the service allows (info)
            try await SurveyTestRounds.open(app)
            let log = CapturedLog()
            app.logger = Logger(label: "test") { log.handler(label: $0) }
            app.logger.logLevel = .info
            let sessionsBefore = try await SessionRecord.query(on: app.db).count()
            let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: await TestPorts.free()))
            var headers = HTTPHeaders()
            headers.add(name: .userAgent, value: Self.probeAgent)
            headers.add(name: "X-Forwarded-For", value: Self.probeAddress)
            headers.add(name: "X-Real-IP", value: Self.probeAddress)
            let b = SurveyBrowser(tester: tester, headers: headers)

            // MUT: placement, save and come back later, resume, every page, send
            try await b.get("/survey/\(Self.round)/start")
            try await b.get("/survey/\(Self.round)/questions")
            try await b.continuePage(Self.round, SurveyAnswersFixture.placement(), action: "save")
            let code = try #require(b.resume)
            let saved = try await Self.everything(in: SurveyDraftRecord.schema, app.db as! any SQLDatabase)
            #expect(try await b.post("/survey/resume", [("resume", code)]) == .ok)
            #expect(b.body.contains("<h1>About your placement</h1>"), "back on the page saved")
            try await b.continuePage(Self.round, SurveyAnswersFixture.placement())
            while !b.body.contains("<h1>In your own words</h1>") && b.status == .ok {
                try await b.continuePage(Self.round, [("IND1", "4"), ("SUP1", "2"), ("EDS2", "3"), ("OVR1", "4")])
            }
            try await b.continuePage(Self.round, [("PATIENT-SAFETY", Self.comment)])
            #expect(b.body.contains("Check your answers"))
            #expect(try await b.sendCheckPage(Self.round) == .created)
            let completion = b.body.range(of: "id=\"completion-code\">").map { String(b.body[$0.upperBound...].prefix { $0 != "<" }) } ?? "?"

            // validate: the draft while it existed
            let leaks = [Self.probeAddress, "127.0.0.1", "SurveyAnonymityProbe", "distinctive-agent", code]
            #expect(saved.rows == 1)
            #expect(saved.columns == ["code_hash", "round_code", "draft_json", "saved_on"])
            for leak in leaks { #expect(!saved.text.contains(leak), "the draft row contains \(leak)") }
            #expect(saved.text.range(of: #"\d\d:\d\d"#, options: .regularExpression) == nil, "no time of day in the draft")
            #expect(saved.text.contains(CalendarDay.today().iso))
            #expect(try await SurveyDraftRecord.query(on: app.db).count() == 0, "the draft is deleted on submission")

            // the response row
            let sql = app.db as! any SQLDatabase
            let responses = try await Self.everything(in: SurveyResponseRecord.schema, sql)
            #expect(responses.rows == 1)
            // `version`: the round version that first included it (a day at the finest, like submitted_on).
            #expect(Set(responses.columns) == ["id", "round_code", "response_key", "submitted_on", "profession", "organisation",
                                               "region", "site", "placement_type", "specialty", "level", "answers", "source",
                                               "version"])
            let row = try #require(try await SurveyResponseRecord.query(on: app.db).first())
            #expect(row.submittedOn == CalendarDay.today().iso, "the day, and no more")
            #expect(UUID(uuidString: row.responseKey) != nil, "a random key, not the resume or completion code")
            for leak in leaks + [completion, Self.comment] {
                #expect(!responses.text.contains(leak), "the response row contains \(leak)")
            }
            // the comment row: the text and the placement, nothing of the person
            let comments = try await Self.everything(in: SurveyCommentRecord.schema, sql)
            #expect(comments.rows == 1)
            #expect(comments.text.contains(Self.comment))
            for forbidden in ["ip", "ip_address", "user_agent", "created_at", "updated_at", "remote_address", "account_id", "user_id"] {
                #expect(!comments.columns.contains(forbidden) && !responses.columns.contains(forbidden))
            }
            #expect(!comments.columns.contains("response_key") && !comments.columns.contains("response_id"),
                    "a comment does not point at its response")
            for leak in leaks + [completion, row.responseKey] {
                #expect(!comments.text.contains(leak), "the comment row contains \(leak)")
            }
            #expect(try await SurveyCommentRecord.query(on: app.db).first()?.submittedOn == CalendarDay.today().iso)
            // no audit entry, no session, no cookie but the form token
            let audit = try await AuditEntry.query(on: app.db).all()
            let auditText = audit.map { $0.actor + ($0.beforeJSON ?? "") + ($0.afterJSON ?? "") }.joined()
            for leak in leaks + [Self.comment] { #expect(!auditText.contains(leak)) }
            #expect(try await SessionRecord.query(on: app.db).count() == sessionsBefore)
            #expect(Set(b.setCookieNames) == [CSRFMiddleware.cookieName], "the survey sets no cookie of its own")

            // the captured log: method, path and status only
            let logged = log.text
            #expect(logged.contains("POST /survey/\(Self.round)/submit 201"))
            #expect(logged.contains("POST /survey/resume 200"))
            for leak in leaks + [completion, Self.comment, row.responseKey, "T001-01", "student-nurse"] {
                #expect(!logged.contains(leak), "the log contains \(leak)")
            }
        }
    }
}
