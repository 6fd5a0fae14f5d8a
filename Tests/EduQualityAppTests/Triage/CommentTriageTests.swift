import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Survey comment triage")
struct CommentTriageTests {
    /// A patient-safety comment at T001 (London) and a bullying one at T010 (South East).
    static func seed(_ app: Application) async throws -> (london: Int, southEast: Int) {
        func comment(_ org: String, _ region: String, _ kind: String, _ text: String, score: Int, keywords: String) async throws -> Int {
            let c = SurveyCommentRecord()
            c.roundCode = "NETS-2026"; c.questionCode = "PS1"; c.kind = kind; c.text = text; c.submittedOn = "2026-11-20"
            c.profession = "student-nurse"; c.organisation = org; c.region = region; c.site = nil
            c.placementType = "hospital-inpatient"; c.keywordScore = score; c.keywords = keywords
            c.triageStatus = CommentTriageOutcome.untriaged.rawValue
            try await c.create(on: app.db)
            return c.id!
        }
        let london = try await comment("T001", "LDN", "patient-safety", "Patients were left unsafe overnight.", score: 10, keywords: "patient-safety")
        let southEast = try await comment("T010", "SE", "could-be-improved", "I was shouted at by a consultant.", score: 8, keywords: "bullying-undermining")
        return (london, southEast)
    }

    @Test("a regional team sees its region's comments only, never a respondent", arguments: TestDatabase.all)
    func scope(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await Self.seed(app)
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let page = try await region.get("/triage").body.string
            #expect(page.contains("Patients were left unsafe overnight."))
            #expect(!page.contains("shouted at"))
            #expect(try await region.get("/triage?region=SE").status == .forbidden)
            let national = try await TestAccounts.browser(app, as: .nationalQualityLead)
            #expect(try await national.get("/triage").body.string.contains("shouted at"))
            for role in [Role.learner, .providerEducationLead, .administrator] {
                #expect(try await TestAccounts.browser(app, as: role).get("/triage").status == .forbidden)
            }
            #expect(try await TestBrowser(app).get("/triage").status == .unauthorized)
        }
    }

    @Test("an immediate serious risk is shared with the provider and opened as a concern", arguments: TestDatabase.all)
    func seriousRisk(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let (london, southEast) = try await Self.seed(app)
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            try await region.get("/triage")
            // another region's comment cannot be triaged from here
            #expect(try await region.post("/triage/\(southEast)", form: ["outcome": "no-action"]).status == .forbidden)
            #expect(try await region.post("/triage/\(london)", form: ["outcome": ""]).status == .badRequest)
            let res = try await region.post("/triage/\(london)", form: ["outcome": "immediate-serious-risk", "note": "Escalated"])
            #expect(res.status == .seeOther)
            let comment = try await SurveyCommentRecord.find(london, on: app.db)!
            #expect(comment.triageStatus == "immediate-serious-risk")
            let reference = try #require(comment.concernReference)
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(reference)!
            #expect(concern.category == .patientSafety && concern.pathway == .placementProvider)
            #expect(concern.handlingBody == .organisation("T001", site: nil))
            // the provider is told and can read it
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await lead.get("/comments/shared").body.string.contains("Patients were left unsafe overnight."))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "shared-comment").count() >= 1)
            // a triaged comment stays triaged
            #expect(try await region.post("/triage/\(london)", form: ["outcome": "no-action"]).status == .conflict)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "survey-comment.triage").count() == 1)
        }
    }

    /// Stores `count` respondents of NETS-2026 at T001 with the given placement.
    static func respondents(_ app: Application, _ count: Int, site: String?, profession: String, level: String?) async throws {
        for _ in 0..<count {
            let r = SurveyResponseRecord()
            r.roundCode = "NETS-2026"; r.responseKey = UUID().uuidString; r.submittedOn = "2026-11-20"
            r.profession = profession; r.organisation = "T001"; r.region = "LDN"; r.site = site
            r.placementType = "hospital-inpatient"; r.level = level; r.answers = ""; r.source = "test"
            try await r.create(on: app.db)
        }
    }

    /// A London comment placed at T001-01, by a student nurse in year 2.
    static func placedComment(_ app: Application, text: String, kind: String = "patient-safety") async throws -> Int {
        let c = SurveyCommentRecord()
        c.roundCode = "NETS-2026"; c.questionCode = "PS1"; c.kind = kind; c.text = text; c.submittedOn = "2026-11-20"
        c.profession = "student-nurse"; c.organisation = "T001"; c.region = "LDN"; c.site = "T001-01"; c.level = "year-2"
        c.placementType = "hospital-inpatient"; c.keywordScore = 5; c.keywords = "patient-safety"
        c.triageStatus = CommentTriageOutcome.untriaged.rawValue
        try await c.create(on: app.db)
        return c.id!
    }

    @Test("a shared comment carries the round, never the day, and a placement shared by at least threshold respondents",
          arguments: TestDatabase.all)
    func coarsened(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: 10 respondents at T001-01, only 2 of them student nurses; 1 student nurse elsewhere in T001
            try await TestAccounts.createAll(on: app)
            try await Self.respondents(app, 2, site: "T001-01", profession: "student-nurse", level: "year-2")
            try await Self.respondents(app, 8, site: "T001-01", profession: "doctor-foundation", level: "foundation-1")
            try await Self.respondents(app, 1, site: "T001-02", profession: "student-nurse", level: "year-2")
            let id = try await Self.placedComment(app, text: "The ward was short of staff every night.")
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            // the regional team sees everything
            let queue = try await region.get("/triage").body.string
            #expect(queue.contains("20 November 2026") && queue.contains("Thamesbank General Hospital"))
            // MUT
            #expect(try await region.post("/triage/\(id)", form: ["outcome": "share-with-provider"]).status == .seeOther)
            // validate: the provider sees the round and the site (10 share it), not the profession or level (2 do)
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            let shared = try await lead.get("/comments/shared").body.string
            #expect(shared.contains("The ward was short of staff every night."))
            #expect(shared.contains("Survey round NETS-2026"))
            #expect(!shared.contains("2026-11-20"), "no day")
            #expect(shared.contains("Thamesbank General Hospital"))
            #expect(!shared.contains("Student nurse") && !shared.contains("student-nurse"), "2 student nurses at the site")
            #expect(!shared.contains("Year 2") && !shared.contains("year-2"))
            // one more student nurse at the site: now 3 share site and profession
            try await Self.respondents(app, 1, site: "T001-01", profession: "student-nurse", level: "year-1")
            let later = try await lead.get("/comments/shared").body.string
            #expect(later.range(of: "Thamesbank General Hospital, [^.<]*[Nn]urs", options: .regularExpression) != nil, "\(later)")
        }
    }

    @Test("an immediate serious risk opens a concern whose placement is coarsened the same way")
    func seriousRiskCoarsened() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            try await Self.respondents(app, 2, site: "T001-01", profession: "student-nurse", level: "year-2")
            let id = try await Self.placedComment(app, text: "A patient was left without help.")
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            try await region.get("/triage")
            #expect(try await region.post("/triage/\(id)", form: ["outcome": "immediate-serious-risk"]).status == .seeOther)
            let reference = try #require(try await SurveyCommentRecord.find(id, on: app.db)?.concernReference)
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(reference)!
            #expect(concern.handlingBody == .organisation("T001", site: nil), "2 respondents at the site: no site")
        }
    }

    @Test("comment text is escaped once on the triage and shared pages")
    func escapedOnce() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let id = try await Self.placedComment(app, text: "A&E wasn't <b>safe</b> \"at night\"")
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let queue = try await region.get("/triage").body.string
            #expect(try await region.post("/triage/\(id)", form: ["outcome": "share-with-provider"]).status == .seeOther)
            let shared = try await TestAccounts.browser(app, as: .providerEducationLead).get("/comments/shared").body.string
            for page in [queue, shared] {
                #expect(page.contains("A&amp;E wasn&#39;t &lt;b&gt;safe&lt;/b&gt; &quot;at night&quot;")
                        || page.contains("A&amp;E wasn't &lt;b&gt;safe&lt;/b&gt; &quot;at night&quot;"))
                #expect(!page.contains("&amp;amp;") && !page.contains("&amp;#39;") && !page.contains("&amp;lt;"))
                #expect(!page.contains("<b>safe</b>"))
            }
        }
    }

    @Test("a comment sent through the survey pages is stored as typed and escaped once on the triage page")
    func throughThePages() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            _ = try await SurveyPagesTests.answerEveryPage(b, profession: "student-nurse")
            let typed = "A&E wasn't safe at night: <b>nobody</b> came"
            try await b.continuePage(SurveyPagesTests.round, [("PATIENT-SAFETY", typed)])
            #expect(try await b.sendCheckPage(SurveyPagesTests.round) == .created)
            let stored = try await SurveyCommentRecord.query(on: app.db).filter(\.$kind == "patient-safety").all()
            #expect(stored.map(\.text) == [typed])
            let queue = try await TestAccounts.browser(app, as: .regionalQualityTeam).get("/triage").body.string
            #expect(!queue.contains("&amp;amp;") && !queue.contains("&amp;#39;") && !queue.contains("&amp;lt;"))
            #expect(queue.contains("A&amp;E wasn"))
        }
    }
}
