import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Text with a NUL or a control character is refused, never cut")
struct StorableTextTests {
    static let nulMessage = "contains a character that cannot be stored (NUL); remove it"

    /// Nothing stored and nothing audited, whatever was tried.
    static func nothingKept(_ app: Application, auditBefore: Int) async throws {
        #expect(try await ConcernRecord.query(on: app.db).count() == 0)
        #expect(try await OutboxMessage.query(on: app.db).count() == 0)
        #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
    }

    @Test("a NUL in a concern description: 400 from the form and the JSON API, nothing stored", arguments: TestDatabase.all)
    func concernDescription(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let audit = try await AuditEntry.query(on: app.db).count()
            // MUT: the API, with the NUL as a JSON escape
            let res = try await app.testing().sendRequest(.POST, "/api/v1/concerns", headers: ["Content-Type": "application/json"],
                                                          body: ByteBuffer(string: """
                {"anonymity":"anonymous","organisation":"T001","category":"supervision","pathway":1,
                 "description":"Before\\u0000after the NUL"}
                """))
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("\"field\":\"description\""))
            #expect(res.body.string.contains("Description \(Self.nulMessage)"))
            // MUT: the web form
            let learner = TestBrowser(app)
            try await learner.get("/concerns/new")
            let form = try await learner.post("/concerns/new", form: [
                "howRaised": "anonymous", "organisation": "T001", "category": "supervision",
                "whatHappened": "Before\u{0}after", "pathway": "1",
            ])
            #expect(form.status == .badRequest)
            #expect(form.body.string.contains("What happened \(Self.nulMessage)"))
            try await Self.nothingKept(app, auditBefore: audit)
        }
    }

    @Test("other control characters are refused too; tab, line feed and carriage return are kept")
    func otherControls() async throws {
        try await withTestApp(.sqlite) { app in
            let bell = try await app.testing().sendRequest(.POST, "/api/v1/concerns", headers: ["Content-Type": "application/json"],
                                                           body: ByteBuffer(string: """
                {"anonymity":"anonymous","organisation":"T001","category":"supervision","pathway":1,
                 "description":"Ring\\u0007ring","name":"x\\by"}
                """))
            #expect(bell.status == .badRequest)
            #expect(bell.body.string.contains("Description contains a control character that cannot be stored (U+0007); remove it"))
            #expect(bell.body.string.contains("\"field\":\"name\""))
            let created = try await ConcernAPI.raise(app, description: "Line one\\nline two\\r\\n\\tindented")
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(created.reference)!
            #expect(concern.submission.whatHappened == "Line one\nline two\r\n\tindented")
        }
    }

    @Test("a NUL in a guardian's name: 400 with the message, no entry, no audit", arguments: TestDatabase.all)
    func guardianName(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/speak-up/guardians/manage/new")
            let audit = try await AuditEntry.query(on: app.db).count()
            // MUT
            let res = try await admin.post("/speak-up/guardians/manage/new", form: [
                "name": "Priya\u{0} Shah", "organisation": "T005", "email": "priya.shah@example.org",
                "phone": "", "availability": ""])
            // validate
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("Name \(Self.nulMessage)"))
            #expect(try await GuardianDirectoryRecord.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == audit)
        }
    }

    @Test("a NUL in a survey comment: 400 on the questions page and on sending, nothing stored", arguments: TestDatabase.all)
    func surveyComment(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let audit = try await AuditEntry.query(on: app.db).count()
            let b = SurveyBrowser(app)
            // MUT: the whole survey sent at once, with a NUL in a comment
            let status = try await b.post("/survey/NETS-OPEN/submit",
                                          SurveyAnswersFixture.wholeSurvey(comment: "Supportive\u{0} team"))
            // validate
            #expect(status == .badRequest)
            #expect(b.body.contains("Worked well \(Self.nulMessage)"))
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 0)
            #expect(try await SurveyCommentRecord.query(on: app.db).count() == 0)
            // and a draft page with one saves nothing either
            let drafts = try await SurveyDraftRecord.query(on: app.db).count()
            #expect(try await b.post("/survey/NETS-OPEN/questions",
                                     SurveyAnswersFixture.placement() + [("page", "1"), ("action", "save"), ("COULD-IMPROVE", "a\u{0}b")]) == .badRequest)
            #expect(try await SurveyDraftRecord.query(on: app.db).count() == drafts)
            #expect(try await AuditEntry.query(on: app.db).count() == audit)
        }
    }

    @Test("a NUL in a search query is refused, not cut")
    func query() async throws {
        try await withTestApp(.sqlite) { app in
            let res = try await app.testing().sendRequest(.GET, "/speak-up/guardians?q=Pri%00ya")
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("Q \(Self.nulMessage)"))
        }
    }

    @Test("field labels read as words")
    func labels() {
        #expect(StorableText.label("whatHappened") == "What happened")
        #expect(StorableText.label("WORKED-WELL") == "Worked well")
        #expect(StorableText.label("answers.reporterEmail") == "Reporter email")
        #expect(StorableText.problem(field: "x", value: "fine\ttext\r\n") == nil)
    }
}
