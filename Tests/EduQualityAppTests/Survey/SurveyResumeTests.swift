import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Saving the survey and coming back to it")
struct SurveyResumeTests {
    static let round = "NETS-OPEN"

    /// Answers the placement page and the first theme, then saves on the second theme page.
    static func saveOnThirdPage(_ b: SurveyBrowser) async throws -> String {
        try await b.get("/survey/\(round)/questions")
        try await b.continuePage(round, SurveyAnswersFixture.placement())
        try await b.continuePage(round, [("IND1", "2"), ("IND2", "3")])
        #expect(b.body.contains("Page 3 of "))
        try await b.continuePage(round, [("SUP1", "5"), ("SUP2", "NA")], action: "save")
        #expect(b.status == .ok)
        #expect(b.body.contains("Your answers are saved"))
        return b.body.range(of: "id=\"resume-code\">").map { String(b.body[$0.upperBound...].prefix { $0 != "<" }) } ?? ""
    }

    @Test("saving shows a grouped resume code, and the code brings the learner back to the saved page",
          arguments: TestDatabase.all)
    func saveAndResume(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            // setup
            let code = try await Self.saveOnThirdPage(SurveyBrowser(app))
            #expect(ResumeCode(userInput: code)?.value == code)
            #expect(code.split(separator: "-").count == 4, "grouped for reading")
            let drafts = try await SurveyDraftRecord.query(on: app.db).all()
            #expect(drafts.count == 1)
            #expect(drafts.first?.id == SurveyDraftStore.hash(ResumeCode(userInput: code)!))
            #expect(drafts.first?.savedOn == CalendarDay.today().iso)
            // MUT: a new browser, the code typed in lower case without hyphens
            let later = SurveyBrowser(app)
            #expect(try await later.get("/survey/resume") == .ok)
            let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
            #expect(try await later.post("/survey/resume", [("resume", typed)]) == .ok)
            // validate
            #expect(later.body.contains("<h1>Clinical supervision</h1>"))
            #expect(later.body.contains("Page 3 of "))
            #expect(later.body.contains("id=\"SUP1-5\" name=\"SUP1\" type=\"radio\" value=\"5\" checked"))
            #expect(later.body.contains("id=\"SUP2-NA\" name=\"SUP2\" type=\"radio\" value=\"NA\" checked"))
            #expect(later.resume == code)
            // and goes on from there
            try await later.post("/survey/\(Self.round)/go", [("page", "2")])
            #expect(later.body.contains("id=\"IND1-2\" name=\"IND1\" type=\"radio\" value=\"2\" checked"))
        }
    }

    @Test("a wrong code is refused, and guessing at one code is stopped", arguments: TestDatabase.all)
    func wrongCodes(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            #expect(try await b.post("/survey/resume", [("resume", "")]) == .badRequest)
            #expect(b.body.contains("Enter the resume code you were given."))
            for _ in 1...5 {
                #expect(try await b.post("/survey/resume", [("resume", "ZZZZ-ZZZZ-ZZZZ-ZZZ2")]) == .notFound)
            }
            #expect(b.body.contains("No saved survey matches this code"))
            #expect(try await b.post("/survey/resume", [("resume", "zzzz zzzz zzzz zzz2")]) == .tooManyRequests)
            #expect(b.body.contains("Too many attempts"))
            #expect(b.body.contains(" minutes.") && !b.body.contains("seconds"), "the lock-out speaks minutes")
            // another code is a look-up of its own
            #expect(try await b.post("/survey/resume", [("resume", "ZZZZ-ZZZZ-ZZZZ-ZZZ3")]) == .notFound)
            // a code in a page's form is no look-up at all: the page starts afresh
            #expect(try await b.post("/survey/\(Self.round)/questions", [("resume", "ZZZZ-ZZZZ-ZZZZ-ZZZ2"), ("page", "1")]) != .tooManyRequests)
        }
    }

    @Test("a draft whose round has closed is refused politely and deleted", arguments: TestDatabase.all)
    func expiredDraft(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            try await SurveyTestRounds.open(app, code: "NETS-OTHER")
            let code = try await Self.saveOnThirdPage(SurveyBrowser(app))
            let other = SurveyBrowser(app)
            try await other.get("/survey/NETS-OTHER/questions")
            try await other.continuePage("NETS-OTHER", SurveyAnswersFixture.placement(), action: "save")
            #expect(try await SurveyDraftRecord.query(on: app.db).count() == 2)
            // MUT
            try await SurveyTestRounds.close(app, code: Self.round)
            let later = SurveyBrowser(app)
            let status = try await later.post("/survey/resume", [("resume", code)])
            // validate
            #expect(status == .conflict)
            #expect(later.body.contains("This survey has closed"))
            #expect(later.body.contains("Any answers you had saved for it have been deleted."))
            let left = try await SurveyDraftRecord.query(on: app.db).all()
            #expect(left.map(\.roundCode) == ["NETS-OTHER"], "expired drafts are cleaned up, others kept")
        }
    }

    @Test("a page form sent with a closed round's draft is refused and the draft deleted", arguments: TestDatabase.all)
    func closedWhileAnswering(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            try await b.get("/survey/\(Self.round)/questions")
            try await b.continuePage(Self.round, SurveyAnswersFixture.placement())
            try await SurveyTestRounds.close(app, code: Self.round)
            #expect(try await b.continuePage(Self.round, [("IND1", "3")]) == .conflict)
            #expect(b.body.contains("we can no longer accept answers"))
            #expect(try await SurveyDraftRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("a tampered answer is refused with a message for that question", arguments: TestDatabase.all)
    func tampered(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            try await b.get("/survey/\(Self.round)/questions")
            try await b.continuePage(Self.round, SurveyAnswersFixture.placement())
            #expect(try await b.continuePage(Self.round, [("IND1", "NA"), ("IND2", "9"), ("IND3", "yes")]) == .badRequest)
            #expect(b.body.contains("“Not applicable” is not an answer to this question."))
            #expect(b.body.contains("Choose one of the 5 answers, or leave the question blank."))
            #expect(b.body.contains("href=\"#IND1-1\""))
            #expect(b.body.contains("<h1>Induction</h1>"))
        }
    }
}
