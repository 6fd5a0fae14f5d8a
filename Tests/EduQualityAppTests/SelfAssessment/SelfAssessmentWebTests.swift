import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Provider self-assessment through its pages and API: the window, drafts and submission, the
/// regional team's review and return, who sees what, reminders and the national view's CSV.
@Suite("Provider self-assessment")
struct SelfAssessmentWebTests {
    static var year: AssessmentYear { AssessmentYear(containing: .today()) }
    static var opens: CalendarDay { max(year.firstDay, CalendarDay.today().adding(days: -10)) }
    static var closes: CalendarDay { min(year.lastDay, CalendarDay.today().adding(days: 30)) }

    /// The national lead sets this year's window, open today.
    static func openWindow(_ app: Application) async throws -> TestBrowser {
        let national = try await TestAccounts.browser(app, as: .nationalQualityLead)
        let res = try await national.postJSON("/api/v1/self-assessments/windows",
                                              json: "{\"year\":\"\(year.label)\",\"opensOn\":\"\(opens.iso)\",\"closesOn\":\"\(closes.iso)\"}")
        #expect(res.status == .created, "\(res.body.string)")
        return national
    }

    static func standards(_ app: Application) async throws -> [String] {
        try await QualityFrameworkStore.current(on: app.db).standardCodes
    }

    /// Every standard rated; the first two partly met, with actions.
    static func ratingsJSON(_ codes: [String], rating: String = "meets") -> String {
        let items = codes.enumerated().map { i, c in
            "{\"code\":\"\(c)\",\"rating\":\"\(i < 2 ? "partly-meets" : rating)\",\"evidence\":\"Board report \(c)\",\"actions\":\"\(i < 2 ? "Plan" : "")\"}"
        }
        return "{\"standards\":[\(items.joined(separator: ","))]}"
    }

    static func submitted(_ app: Application, organisation: String = "T001") async throws -> String {
        let path = "/api/v1/self-assessments/\(year.label)/\(organisation)"
        let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
        let saved = try await provider.sendJSON(.PATCH, path, json: ratingsJSON(try await standards(app)))
        #expect(saved.status == .ok, "\(saved.body.string.prefix(500))")
        let res = try await provider.postJSON(path + "/submit", json: "{}")
        #expect(res.status == .ok, "\(res.body.string.prefix(500))")
        return path
    }

    @Test("the national lead sets one window a year; bad dates and a second window get a 400 naming the field", arguments: TestDatabase.all)
    func windows(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let national = try await Self.openWindow(app)
            let list = try await national.get("/api/v1/self-assessments/windows").body.string
            #expect(list.contains("\"total\":1") && list.contains("\"state\":\"open\"") && list.contains("\"frameworkVersion\":1"), "\(list)")
            for (json, field) in [
                ("{\"year\":\"\(Self.year.label)\",\"opensOn\":\"\(Self.opens.iso)\",\"closesOn\":\"\(Self.closes.iso)\"}", "year"),
                ("{\"year\":\"2030-32\",\"opensOn\":\"2030-05-01\",\"closesOn\":\"2030-06-01\"}", "year"),
                ("{\"year\":\"2030-31\",\"opensOn\":\"2030-05-01\",\"closesOn\":\"2031-05-01\"}", "closesOn"),
                ("{\"year\":\"2030-31\",\"opensOn\":\"not a day\",\"closesOn\":\"2030-06-01\"}", "opensOn"),
            ] {
                let res = try await national.postJSON("/api/v1/self-assessments/windows", json: json)
                #expect(res.status == .badRequest && res.headers.contentType?.subType == "problem+json")
                #expect(res.body.string.contains("\"field\":\"\(field)\""), "\(field): \(res.body.string)")
            }
            #expect(try await SelfAssessmentWindowRecord.query(on: app.db).count() == 1)
            let page = try await national.post("/quality/self-assessment/windows", form: ["year": "2030-31", "opensOn": "2030-05-01", "closesOn": "2030-04-30"])
            #expect(page.status == .badRequest && page.body.string.contains("The closing day must be after the opening day."))
            let later = Self.closes.adding(days: 1) <= Self.year.lastDay ? Self.closes.adding(days: 1) : Self.closes
            let moved = try await national.sendJSON(.PATCH, "/api/v1/self-assessments/windows/\(Self.year.label)", json: "{\"closesOn\":\"\(later.iso)\"}")
            #expect(moved.status == (later == Self.closes ? .badRequest : .ok), "\(moved.body.string)")
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            #expect(try await team.postJSON("/api/v1/self-assessments/windows", json: "{}").status == .forbidden)
            #expect(try await team.get("/quality/self-assessment/windows").status == .forbidden)
        }
    }

    @Test("a provider saves drafts, cannot submit an incomplete one, submits, and then cannot change it", arguments: TestDatabase.all)
    func providerFlow(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await Self.openWindow(app)
            let codes = try await Self.standards(app)
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            let path = "/quality/self-assessment/\(Self.year.label)/T001"
            #expect(try await provider.get(path).body.string.contains("Save as draft"))
            let draft = try await provider.post(path, form: ["intent": "save", "rating-\(codes[0])": "meets", "evidence-\(codes[0])": "Board <b>report</b>"])
            #expect(draft.status == .seeOther)
            let page = try await provider.get(path + "?done=saved").body.string
            #expect(page.contains("Board &lt;b&gt;report&lt;/b&gt;") && page.contains("Your draft has been saved"))
            let incomplete = try await provider.post(path, form: ["intent": "submit", "rating-\(codes[0])": "meets", "evidence-\(codes[0])": "x"])
            #expect(incomplete.status == .badRequest && incomplete.body.string.contains("Rate standard \(codes[1]) before submitting."))
            let bad = try await provider.post(path, form: ["intent": "save", "rating-\(codes[0])": "brilliant"])
            #expect(bad.status == .badRequest)
            let api = "/api/v1/self-assessments/\(Self.year.label)/T001"
            #expect(try await provider.sendJSON(.PATCH, api, json: "{\"standards\":[{\"code\":\"9.9\",\"rating\":\"meets\"}]}").status == .badRequest)
            #expect(try await provider.get(api).body.string.contains("\"status\":\"draft\""))
            _ = try await Self.submitted(app)
            let shown = try await provider.get(api).body.string
            #expect(shown.contains("\"status\":\"submitted\"") && shown.contains("\"submittedLate\":false"))
            #expect(try await provider.sendJSON(.PATCH, api, json: Self.ratingsJSON(codes, rating: "does-not-meet")).status == .badRequest)
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == "self-assessment").sort(\.$id).all().map(\.action)
            #expect(actions == ["self-assessment.start", "self-assessment.save", "self-assessment.save", "self-assessment.submit"], "\(actions)")
            #expect(try await provider.get(path).body.string.contains("Submitted"))
        }
    }

    @Test("a provider sees and edits only its own organisation; a regional team only its region; the national view is national only",
          arguments: TestDatabase.all)
    func scope(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let national = try await Self.openWindow(app)
            let y = Self.year.label
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await provider.get("/quality/self-assessment/\(y)/T002").status == .notFound)
            #expect(try await provider.sendJSON(.PATCH, "/api/v1/self-assessments/\(y)/T002", json: "{\"standards\":[]}").status == .notFound)
            #expect(try await provider.post("/quality/self-assessment/\(y)/T002", form: ["intent": "save"]).status == .notFound)
            let own = try await provider.get("/api/v1/self-assessments?year=\(y)").body.string
            #expect(own.contains("\"total\":1") && own.contains("\"organisation\":\"T001\""))
            #expect(try await provider.get("/quality/self-assessment/national").status == .forbidden)
            #expect(try await provider.get("/quality/self-assessment/national.csv").status == .forbidden)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            #expect(try await team.get("/quality/self-assessment/\(y)/T010").status == .notFound)
            #expect(try await team.sendJSON(.PATCH, "/api/v1/self-assessments/\(y)/T001", json: "{\"standards\":[]}").status == .forbidden)
            let region = try await team.get("/api/v1/self-assessments?year=\(y)").body.string
            #expect(region.contains("\"T002\"") && !region.contains("\"T010\""))
            let overview = try await team.get("/quality/self-assessment").body.string
            #expect(overview.contains("/quality/self-assessment/\(y)/T001") && !overview.contains("/\(y)/T010\""))
            #expect(try await team.get("/quality/self-assessment/national.csv").status == .forbidden)
            #expect(try await team.get("/api/v1/self-assessments/national").status == .forbidden)
            #expect(try await national.get("/quality/self-assessment/national").status == .ok)
            #expect(try await national.get("/quality/self-assessment?status=finished").status == .badRequest)
            #expect(try await national.get("/quality/self-assessment?year=20x6").status == .badRequest)
            #expect(try await national.get("/quality/self-assessment/1999-00/T001").status == .notFound)
            #expect(try await national.get("/quality/self-assessment/\(y)/GMC").status == .notFound)
            for role in [Role.regulatorLiaison, .learner, .ftsuGuardian, .administrator, .educator] {
                let other = try await TestAccounts.browser(app, as: role)
                #expect(try await other.get("/quality/self-assessment").status == .forbidden, "\(role)")
                #expect(try await other.get("/api/v1/self-assessments/\(y)/T001").status == .forbidden, "\(role)")
            }
            #expect(try await TestBrowser(app).get("/quality/self-assessment").status == .unauthorized)
        }
    }

    @Test("the regional team compares, agrees and challenges per standard, completes the review; returning needs a reason",
          arguments: TestDatabase.all)
    func review(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await Self.openWindow(app)
            let codes = try await Self.standards(app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let entry = try await QualityRegisterWebTests.open(team)
            let path = try await Self.submitted(app)
            let page = "/quality/self-assessment/\(Self.year.label)/T001"
            let comparison = try await team.get(page + "/review").body.string
            #expect(comparison.contains("Register entries tagged 1.2") && comparison.contains(entry))
            #expect(!comparison.contains("Review requirements"), "no requirements column while there are none")
            let noNote = try await team.post(page + "/review", form: ["verdict-\(codes[0])": "challenge", "intent": "save"])
            #expect(noNote.status == .badRequest && noNote.body.string.contains("Say why you challenge the rating of standard \(codes[0])."))
            let incomplete = try await team.post(page + "/review", form: ["verdict-\(codes[0])": "agree", "intent": "complete"])
            #expect(incomplete.status == .badRequest)
            // The provider does not see verdicts before the review is complete.
            #expect(try await team.post(page + "/review", form: ["verdict-\(codes[0])": "agree", "intent": "save"]).status == .seeOther)
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(!(try await provider.get(path).body.string.contains("\"verdict\":\"agree\"")))
            var fields = ["intent": "complete"]
            for code in codes { fields["verdict-\(code)"] = "agree" }
            fields["verdict-\(codes[1])"] = "challenge"
            fields["note-\(codes[1])"] = "Register entry \(entry) says otherwise"
            let done = try await team.post(page + "/review", form: fields)
            #expect(done.status == .seeOther, "\(done.body.string.prefix(1000))")
            let shown = try await provider.get(path).body.string
            #expect(shown.contains("\"status\":\"reviewed\"") && shown.contains("\"verdict\":\"challenge\""))
            #expect(try await provider.get(page).body.string.contains("says otherwise"))
            #expect(try await team.postJSON(path + "/return", json: "{\"reason\":\"x\"}").status == .badRequest, "reviewed is final")
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == "self-assessment").sort(\.$id).all().map(\.action)
            #expect(actions.suffix(2) == ["self-assessment.review", "self-assessment.complete-review"])
        }
    }

    @Test("a returned assessment goes back to the provider with the reason and is submitted again", arguments: [TestDatabase.sqlite])
    func returning(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await Self.openWindow(app)
            let path = try await Self.submitted(app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let noReason = try await team.postJSON(path + "/return", json: "{\"reason\":\" \"}")
            #expect(noReason.status == .badRequest && noReason.body.string.contains("\"field\":\"reason\""))
            let page = "/quality/self-assessment/\(Self.year.label)/T001"
            #expect(try await team.post(page + "/return", form: ["reason": "Add the governance minutes"]).status == .seeOther)
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            let returned = try await provider.get(page).body.string
            #expect(returned.contains("Add the governance minutes") && returned.contains("Save as draft"))
            #expect(try await provider.postJSON(path + "/submit", json: "{}").status == .ok)
            let history = try await provider.get(path).body.string
            #expect(history.contains("Returned to the provider: Add the governance minutes") && history.contains("Submitted again"))
        }
    }

    @Test("reminders go once two weeks before closing, the overdue notice once after, and none once submitted")
    func notices() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await Self.openWindow(app)
            _ = try await Self.submitted(app, organisation: "T001")
            let w = SelfAssessmentWindow(year: Self.year, opensOn: Self.opens, closesOn: Self.closes)
            let site = "https://eq.example"
            try await SelfAssessmentNoticeJob.run(on: app.db, today: w.closesOn.adding(days: -15), siteURL: site)
            #expect(try await SelfAssessmentNoticeRecord.query(on: app.db).count() == 0)
            // A provider lead at T002 to receive them.
            let grant = try await Grant.resolve(.providerEducationLead, scopeCode: "T002", on: app.db)
            try await AccountProvisioning.upsert(email: "t002@test.eduquality.test", name: "T002 lead", passwordHash: "x", grant: grant, on: app.db)
            try await SelfAssessmentNoticeJob.run(on: app.db, today: w.closesOn.adding(days: -14), siteURL: site)
            try await SelfAssessmentNoticeJob.run(on: app.db, today: w.closesOn.adding(days: -13), siteURL: site)
            let reminders = try await OutboxMessage.query(on: app.db).filter(\.$kind == "self-assessment-reminder").all()
            #expect(reminders.map(\.recipient) == ["t002@test.eduquality.test"])
            #expect(reminders.first?.body.contains("\(site)/quality/self-assessment/\(Self.year.label)/T002") == true)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestAccounts.email(.providerEducationLead)).count() == 0,
                    "T001 has submitted")
            try await SelfAssessmentNoticeJob.run(on: app.db, today: w.closesOn.adding(days: 1), siteURL: site)
            try await SelfAssessmentNoticeJob.run(on: app.db, today: w.closesOn.adding(days: 2), siteURL: site)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "self-assessment-overdue").count() == 1)
            let overdue = try await AuditEntry.query(on: app.db).filter(\.$action == "self-assessment.overdue").all().map(\.entityID)
            #expect(overdue.contains("\(Self.year.label)/T002") && !overdue.contains("\(Self.year.label)/T001"))
        }
    }

    @Test("the national view draws the chart and its CSV has a row for England and each region")
    func nationalView() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let national = try await Self.openWindow(app)
            _ = try await Self.submitted(app)
            let page = try await national.get("/quality/self-assessment/national").body.string
            #expect(page.contains("<svg") && page.contains("Completion and ratings by domain"))
            let csv = try await national.get("/quality/self-assessment/national.csv")
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("year,framework_version,region,organisations,not_started,draft,returned,submitted,reviewed,overdue,submitted_late,domain_1_meets") == true)
            #expect(lines.count == 1 + 1 + 7, "\(lines.count)")
            #expect(lines[1].hasPrefix("\(Self.year.label),1,ENG,") && lines[1].contains(",1,0,0,"))
            let json = try await national.get("/api/v1/self-assessments/national").body.string
            #expect(json.contains("\"region\":\"ENG\"") && json.contains("\"submitted\":1"))
        }
    }

    @Test("the demo shows every state: not started, draft, returned, submitted, reviewed with challenges, late and overdue")
    func demo() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            try await SelfAssessmentDemoSeeder(app: app).seed()
            try await SelfAssessmentDemoSeeder(app: app).seed()
            let records = try await SelfAssessmentRecord.query(on: app.db).all().compactMap(\.assessment)
            let current = Self.year
            let now = Dictionary(records.filter { $0.year == current }.map { ($0.organisation, $0.status) }) { a, _ in a }
            #expect(now["T001"] == .draft && now["T002"] == .submitted && now["T003"] == .reviewed && now["T004"] == .returned && now["T005"] == nil)
            #expect(records.contains { $0.reviews.values.contains { $0.verdict == .challenge } })
            let last = records.filter { $0.year < current }
            #expect(last.contains { $0.submittedLate } && last.contains { $0.status == .draft })
            #expect(try await SelfAssessmentWindowRecord.query(on: app.db).count() == 2)
        }
    }
}
