import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Taking the survey in the browser")
struct SurveyPagesTests {
    static let round = "NETS-OPEN"

    @Test("the survey page explains the survey and lists only open rounds", arguments: TestDatabase.all)
    func index(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            try await SurveyTestRounds.open(app)
            try await SurveyTestRounds.closed(app)
            try await SurveyTestRounds.upcoming(app)
            let b = SurveyBrowser(app)
            // MUT
            #expect(try await b.get("/survey") == .ok)
            // validate
            #expect(b.body.contains("href=\"/survey/NETS-OPEN/start\""))
            #expect(!b.body.contains("NETS-PAST") && !b.body.contains("NETS-NEXT"))
            #expect(b.body.contains("anonymous"))
            #expect(try await b.get("/survey/NETS-OPEN/start") == .ok)
            #expect(b.body.contains("href=\"/survey/NETS-OPEN/questions\""))
            #expect(try await b.get("/") == .ok)
            #expect(b.body.contains("href=\"/survey\""), "the home page links to the survey")
        }
    }

    @Test("a closed or upcoming round refuses politely, on every page", arguments: TestDatabase.all)
    func closedRounds(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.closed(app)
            try await SurveyTestRounds.upcoming(app)
            let b = SurveyBrowser(app)
            #expect(try await b.get("/survey/NETS-PAST/start") == .ok)
            #expect(b.body.contains("This survey has closed") && b.body.contains("Thank you for taking the time"))
            #expect(!b.body.contains("Start now"))
            #expect(try await b.get("/survey/NETS-PAST/questions") == .ok)
            #expect(!b.body.contains("name=\"profession\""))
            #expect(try await b.post("/survey/NETS-PAST/submit", SurveyAnswersFixture.wholeSurvey()) == .conflict)
            #expect(b.body.contains("we can no longer accept answers"))
            #expect(try await b.post("/survey/NETS-PAST/questions", SurveyAnswersFixture.placement() + [("page", "1")]) == .conflict)
            #expect(try await b.get("/survey/NETS-NEXT/start") == .ok)
            #expect(b.body.contains("This survey opens on"))
            #expect(try await b.post("/survey/NETS-NEXT/submit", SurveyAnswersFixture.wholeSurvey()) == .conflict)
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 0)
            #expect(try await b.get("/survey/NOPE-1/start") == .notFound)
        }
    }

    @Test("the placement page lists every problem by field, with a summary, and keeps what was entered",
          arguments: TestDatabase.all)
    func placementProblems(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            #expect(try await b.get("/survey/\(Self.round)/questions") == .ok)
            #expect(b.body.contains("Page 1 of "))
            #expect(b.resume == nil, "no code before anything is saved")
            // MUT
            let status = try await b.continuePage(Self.round, [("specialty", "cardiology"), ("site", "T002-01")])
            // validate
            #expect(status == .badRequest)
            #expect(b.body.contains("nhsuk-error-summary"))
            #expect(b.body.contains("<title>Error: About your placement"))
            for message in ["Choose your profession or learner group.", "Choose the organisation that provided your placement.",
                            "Choose the kind of placement."] {
                #expect(b.body.contains(message))
            }
            #expect(b.body.contains("href=\"#placement-type-hospital-inpatient\""), "the summary links to the first radio")
            #expect(b.body.contains("<option value=\"cardiology\" selected>"), "what was entered is kept")
            #expect(b.resume == nil)
            #expect(try await SurveyDraftRecord.query(on: app.db).count() == 0)
            // a site of another organisation
            try await b.continuePage(Self.round, SurveyAnswersFixture.placement(site: "T002-01"))
            #expect(b.status == .badRequest)
            #expect(b.body.contains("That site is not part of the organisation you chose."))
        }
    }

    @Test("the organisation list can be searched without JavaScript, keeping the other answers",
          arguments: TestDatabase.all)
    func organisationSearch(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            try await b.get("/survey/\(Self.round)/questions")
            let all = b.body.components(separatedBy: "<option value=\"T0").count
            // MUT
            #expect(try await b.continuePage(Self.round, [("profession", "student-midwife"), ("organisation-search", "thamesbank")],
                                             action: "search") == .ok)
            // validate
            #expect(b.body.contains("<option value=\"T001\""))
            #expect(b.body.contains("<option value=\"student-midwife\" selected>"))
            #expect(b.body.contains("organisations match “thamesbank”"))
            #expect(!b.body.contains("nhsuk-error-summary"), "searching is not answering")
            #expect(b.body.components(separatedBy: "<option value=\"T0").count < all)
            #expect(try await SurveyDraftRecord.query(on: app.db).count() == 0)
        }
    }

    /// Goes from the placement page to the comments page, answering "4" to every item shown;
    /// returns the theme pages' bodies.
    static func answerEveryPage(_ b: SurveyBrowser, profession: String) async throws -> [String] {
        try await b.get("/survey/\(round)/questions")
        try await b.continuePage(round, SurveyAnswersFixture.placement(profession: profession))
        var themes: [String] = []
        while !b.body.contains("<h1>In your own words</h1>") {
            #expect(b.status == .ok, "\(b.body.prefix(2_000))")
            guard b.status == .ok else { return themes }
            themes.append(b.body)
            let codes = b.body.components(separatedBy: "type=\"radio\" value=\"4\"").dropLast().compactMap { part in
                part.components(separatedBy: "name=\"").last.map { String($0.prefix { $0 != "\"" }) }
            }
            try await b.continuePage(round, codes.map { ($0, "4") })
        }
        return themes
    }

    @Test("a student nurse never sees the doctors' questions; a doctor never sees the nurses'",
          arguments: TestDatabase.all)
    func branches(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            // MUT
            let nurse = try await Self.answerEveryPage(SurveyBrowser(app), profession: "student-nurse")
            let doctor = try await Self.answerEveryPage(SurveyBrowser(app), profession: "doctor-foundation")
            // validate
            let nursePages = nurse.joined()
            let doctorPages = doctor.joined()
            #expect(!nursePages.contains("name=\"MED1\"") && !nursePages.contains("Medical education and training"))
            #expect(nursePages.contains("name=\"NMW1\"") && nursePages.contains("name=\"NMW3\""))
            #expect(doctorPages.contains("name=\"MED1\"") && !doctorPages.contains("name=\"NMW1\""))
            let q = try await app.surveyCatalog.questionnaire("core-2026")!
            let nurseTotal = SurveyPageFlow(questionnaire: q, profession: "student-nurse").count
            let doctorTotal = SurveyPageFlow(questionnaire: q, profession: "doctor-foundation").count
            #expect(doctor.count == nurse.count + 1, "doctors get one more page")
            #expect(nurse.first?.contains("Page 2 of \(nurseTotal)") == true)
            #expect(doctor.last?.contains("Page \(doctorTotal - 1) of \(doctorTotal)") == true)
            #expect(nurse.allSatisfy { $0.contains("nhsuk-back-link") }, "every page has a way back")
            #expect(nurse.first?.contains("<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">I received an induction") == true)
            #expect(nursePages.contains("value=\"NA\""), "“not applicable” where the item allows it")
        }
    }

    @Test("a learner goes through every page, checks the answers and sends them", arguments: TestDatabase.all)
    func completeJourney(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            _ = try await Self.answerEveryPage(b, profession: "student-nurse")
            #expect(try await SurveyDraftRecord.query(on: app.db).count() == 1)
            // comments, with one over the limit first
            try await b.continuePage(Self.round, [("WORKED-WELL", String(repeating: "a", count: 5_001))])
            #expect(b.status == .badRequest)
            #expect(b.body.contains("Please shorten this answer to 5,000 characters or fewer (it has 5,001)."))
            try await b.continuePage(Self.round, [("WORKED-WELL", "My practice assessor <b>really</b> cared."),
                                                  ("PATIENT-SAFETY", "Night staffing on ward 9 was unsafe.")])
            #expect(b.status == .ok)
            #expect(b.body.contains("Check your answers before sending them"))
            #expect(b.body.contains("Thamesbank University Hospitals NHS Foundation Trust"))
            #expect(b.body.contains("My practice assessor &lt;b&gt;really&lt;/b&gt; cared."))
            // back to change the first theme, then forward to the check page again
            try await b.post("/survey/\(Self.round)/go", [("page", "2")])
            #expect(b.body.contains("<h1>Induction</h1>"))
            #expect(b.body.contains("value=\"4\" checked"), "saved answers are shown")
            let q = try await app.surveyCatalog.questionnaire("core-2026")!
            let checkPage = SurveyPageFlow(questionnaire: q, profession: "student-nurse").count + 1
            try await b.post("/survey/\(Self.round)/go", [("page", String(checkPage))])
            #expect(b.body.contains("Check your answers before sending them"))
            let checkBody = b.body
            let token = try #require(b.draft)
            // MUT: send
            #expect(try await b.sendCheckPage(Self.round) == .created)
            // validate
            #expect(b.body.contains("Thank you: your answers have been sent"))
            let completion = b.body.range(of: "id=\"completion-code\">").map { String(b.body[$0.upperBound...].prefix { $0 != "<" }) }
            #expect(completion.flatMap(CompletionCode.init(userInput:)) != nil)
            #expect(try await SurveyDraftRecord.query(on: app.db).count() == 0, "the draft goes with the submission")
            let stored = try await SurveyResponseRecord.query(on: app.db).all()
            #expect(stored.count == 1)
            let r = try #require(stored.first)
            #expect(r.roundCode == Self.round && r.profession == "student-nurse" && r.organisation == "T001" && r.region == "LDN")
            #expect(r.site == "T001-01" && r.specialty == "acute-medicine" && r.level == "year-2" && r.source == "web")
            #expect(r.submittedOn == CalendarDay.today().iso)
            #expect(UUID(uuidString: r.responseKey) != nil)
            let sheet = PackedAnswers.sheet(r.answers)
            let answered = q.answersByCode(sheet)
            #expect(answered["IND1"] == .rank(4) && answered["NMW1"] == .rank(4) && answered["MED1"] == nil)
            let comments = try await SurveyCommentRecord.query(on: app.db).sort(\.$questionCode).all()
            #expect(comments.map(\.questionCode) == ["PATIENT-SAFETY", "WORKED-WELL"])
            #expect(comments.first?.triageStatus == CommentTriageOutcome.untriaged.rawValue)
            // sending the check page again (a double click, a reload) stores nothing more
            try await b.post("/survey/\(Self.round)/go", [("page", String(checkPage)), ("draft", token)])
            #expect(b.status == .notFound, "the draft has gone")
            let again = SurveyBrowser.hiddenFields(inFormPostingTo: "/survey/\(Self.round)/submit", in: checkBody)
            #expect(try await b.post("/survey/\(Self.round)/submit", again.filter { $0.0 != "_csrf" }) == .ok)
            #expect(b.body.contains("Thank you: your answers have been sent"))
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 1, "stored once")
        }
    }
}
