import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("The survey's pages in detail: counts, dates, saving early, clearing answers, errors and the check page")
struct SurveyPageDetailsTests {
    static let round = "NETS-OPEN"

    @Test("the survey list names each round with its dates, and the start page counts the pages there are")
    func listAndCount() async throws {
        try await withTestApp(.sqlite) { app in
            let open = try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            try await b.get("/survey")
            #expect(b.body.contains("round \(Self.round)</a>"))
            #expect(b.body.contains("Open from \(open.opens.longDescription) until \(open.closes.longDescription)"))
            try await b.get("/survey/\(Self.round)/start")
            let stated = try #require(b.body.range(of: "There are ").map { Int(b.body[$0.upperBound...].prefix { $0.isNumber }) } ?? nil)
            try await b.get("/survey/\(Self.round)/questions")
            #expect(b.body.contains("Page 1 of \(stated)<"), "the start page said \(stated)")
        }
    }

    @Test("\"Save and come back later\" works before page 1 is complete, and brings back what was chosen")
    func saveUnfinishedPlacement() async throws {
        try await withTestApp(.sqlite) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            try await b.get("/survey/\(Self.round)/questions")
            // MUT
            #expect(try await b.continuePage(Self.round, [("profession", "student-nurse"), ("organisation", "NOPE")], action: "save") == .ok)
            // validate
            #expect(b.body.contains("Your answers are saved"))
            let code = try #require(b.body.range(of: "id=\"resume-code\">").map { String(b.body[$0.upperBound...].prefix { $0 != "<" }) })
            let later = SurveyBrowser(app)
            #expect(try await later.post("/survey/resume", [("resume", code)]) == .ok)
            #expect(later.body.contains("About your placement") && later.body.contains("Page 1 of "))
            #expect(later.body.contains("<option value=\"student-nurse\" selected>"))
            // and it goes on as usual once complete
            #expect(try await later.continuePage(Self.round, SurveyAnswersFixture.placement()) == .ok)
            #expect(later.body.contains("Page 2 of "))
        }
    }

    @Test("an optional answer can be cleared again")
    func clearAnswer() async throws {
        try await withTestApp(.sqlite) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            try await b.get("/survey/\(Self.round)/questions")
            try await b.continuePage(Self.round, SurveyAnswersFixture.placement())
            #expect(b.body.contains("id=\"IND1-none\" name=\"IND1\" type=\"radio\" value=\"\""))
            try await b.continuePage(Self.round, [("IND1", "2"), ("IND2", "3")])
            try await b.post("/survey/\(Self.round)/go", [("page", "2")])
            #expect(b.body.contains("id=\"IND1-2\" name=\"IND1\" type=\"radio\" value=\"2\" checked"))
            // MUT
            try await b.continuePage(Self.round, [("IND1", ""), ("IND2", "3")])
            // validate
            try await b.post("/survey/\(Self.round)/go", [("page", "2")])
            #expect(!b.body.contains("name=\"IND1\" type=\"radio\" value=\"2\" checked"))
            #expect(b.body.contains("id=\"IND2-3\" name=\"IND2\" type=\"radio\" value=\"3\" checked"))
        }
    }

    @Test("a select box's error is linked to it with aria-describedby, and the check page is one compact list")
    func errorsAndCheckPage() async throws {
        try await withTestApp(.sqlite) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            try await b.get("/survey/\(Self.round)/questions")
            #expect(try await b.continuePage(Self.round, [("profession", "not-a-profession")]) == .badRequest)
            #expect(b.body.contains("id=\"profession\" name=\"profession\" aria-describedby=\"profession-error\""))
            #expect(b.body.contains("id=\"profession-error\""))
            // the check page: full width, the question beside its answer
            for _ in 0..<20 where !b.body.contains("Check your answers before sending them") {
                try await b.continuePage(Self.round, b.page == "1" ? SurveyAnswersFixture.placement() : [])
            }
            #expect(b.body.contains("<div class=\"nhsuk-grid-column-full\">"))
            #expect(b.body.contains("class=\"nhsuk-summary-list eq-check-list\""))
        }
    }
}
