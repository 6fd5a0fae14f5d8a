import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Thousands of learners can share one address (a hospital, a university). Pages carry their
/// draft in a signed token, so nothing one learner does on the resume page reaches the others.
@Suite("Survey drafts behind a shared address")
struct SurveySharedAddressTests {
    static let round = "NETS-OPEN"

    /// Answers every page from the placement to the check page, then sends.
    static func completeEveryPage(_ b: SurveyBrowser) async throws {
        #expect(try await b.get("/survey/\(round)/questions") == .ok)
        #expect(try await b.continuePage(round, SurveyAnswersFixture.placement()) == .ok)
        #expect(b.draft != nil, "page 2 carries the draft's token")
        while !b.body.contains("<h1>In your own words</h1>") && b.status == .ok {
            try await b.continuePage(round, [("IND1", "4"), ("SUP1", "2"), ("EDS2", "3"), ("OVR1", "4")])
            #expect(b.status == .ok, "every page of their own survey")
        }
        #expect(try await b.continuePage(round, [("WORKED-WELL", "Kind team.")]) == .ok)
        #expect(b.body.contains("Check your answers"))
        #expect(try await b.sendCheckPage(round) == .created)
    }

    static func typeWrongCodes(_ b: SurveyBrowser, count: Int, same: Bool) async throws {
        for i in 0..<count {
            let code = same ? "ZZZZ-ZZZZ-ZZZZ-ZZZZ" : ResumeCode.generate().value
            let status = try await b.post("/survey/resume", [("resume", code)])
            #expect(status == .notFound || (same && i >= 5 && status == .tooManyRequests))
        }
    }

    @Test("one learner mistyping codes again and again does not stop 25 others on the same address", arguments: TestDatabase.all)
    func sharedAddress(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            // setup: everyone behind one address
            var headers = HTTPHeaders()
            headers.add(name: "X-Forwarded-For", value: "203.0.113.7")
            let learners = (0..<25).map { _ in SurveyBrowser(app, headers: headers) }
            let mistyper = SurveyBrowser(app, headers: headers)
            // MUT: the mistyper fails 30 times, with one code and with many, between the others' pages
            try await Self.typeWrongCodes(mistyper, count: 15, same: false)
            try await Self.typeWrongCodes(mistyper, count: 10, same: true)
            for (i, learner) in learners.enumerated() {
                try await Self.completeEveryPage(learner)
                if i % 5 == 0 { try await Self.typeWrongCodes(mistyper, count: 1, same: false) }
            }
            // validate
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 25)
            #expect(try await SurveyDraftRecord.query(on: app.db).count() == 0)
            // and a learner on the same address who saved can still come back with their code
            let saver = SurveyBrowser(app, headers: headers)
            let code = try await SurveyResumeTests.saveOnThirdPage(saver)
            try await Self.typeWrongCodes(mistyper, count: 5, same: false)
            #expect(try await SurveyBrowser(app, headers: headers).post("/survey/resume", [("resume", code)]) == .ok)
        }
    }

    @Test("a forged or altered draft token is a 400 and changes nothing", arguments: TestDatabase.all)
    func forgedToken(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            try await SurveyTestRounds.open(app, code: "NETS-OTHER")
            let b = SurveyBrowser(app)
            _ = try await SurveyResumeTests.saveOnThirdPage(b)
            try await b.post("/survey/\(Self.round)/go", [("page", "3")])
            let token = try #require(b.draft)
            let before = try await SurveyDraftRecord.query(on: app.db).all().map(\.draftJSON)
            let parts = token.split(separator: "|").map(String.init)
            let otherCode = ResumeCode.generate().value
            let flipped = String(parts[2].dropLast()) + (parts[2].hasSuffix("0") ? "1" : "0")
            let forgeries = [
                parts[0] + "|" + parts[1] + "|" + flipped,                   // a changed signature
                parts[0] + "|" + otherCode + "|" + parts[2],                 // another code, same signature
                "NETS-OTHER|" + parts[1] + "|" + parts[2],                   // another round
                parts[0] + "|" + parts[1],                                   // no signature
                "not a token at all",
            ]
            for forged in forgeries {
                for path in ["questions", "go", "submit"] {
                    let status = try await b.post("/survey/\(Self.round)/\(path)",
                                                  [("draft", forged), ("page", "3"), ("SUP1", "1"), ("action", "continue")])
                    #expect(status == .badRequest, "\(path) with \(forged)")
                    #expect(!b.body.contains("Too many attempts"))
                }
            }
            // a token signed for this round, sent to another round's pages
            #expect(try await b.post("/survey/NETS-OTHER/questions", [("draft", token), ("page", "3")]) == .badRequest)
            // validate: nothing changed, and the real token still works
            #expect(try await SurveyDraftRecord.query(on: app.db).all().map(\.draftJSON) == before)
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 0)
            #expect(try await b.post("/survey/\(Self.round)/go", [("draft", token), ("page", "3")]) == .ok)
            #expect(b.body.contains("<h1>Clinical supervision</h1>"))
        }
    }

    @Test("failed look-ups are limited per code", arguments: TestDatabase.all)
    func perCode(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let code = try await SurveyResumeTests.saveOnThirdPage(SurveyBrowser(app))
            let guesser = SurveyBrowser(app)
            // a code one symbol away from a real one, tried over and over
            let near = String(code.dropLast()) + (code.hasSuffix("2") ? "3" : "2")
            for _ in 0..<5 { #expect(try await guesser.post("/survey/resume", [("resume", near)]) == .notFound) }
            #expect(try await guesser.post("/survey/resume", [("resume", near)]) == .tooManyRequests)
            // the real code, from the same client, is its own key
            #expect(try await guesser.post("/survey/resume", [("resume", code)]) == .ok)
            // a success is not a failure: the real code can be looked up again and again
            for _ in 0..<8 { #expect(try await SurveyBrowser(app).post("/survey/resume", [("resume", code)]) == .ok) }
        }
    }

    @Test("failed look-ups are limited across everyone, and pages in progress carry on", arguments: TestDatabase.all)
    func global(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            // A window longer than the test, so that a slow machine cannot let early failures expire.
            app.resumeAttempts = FailedLookups(FailedLookupLimits(perCode: 5, global: 8, globalWindow: 3_600))
            let learner = SurveyBrowser(app)
            try await learner.get("/survey/\(Self.round)/questions")
            try await learner.continuePage(Self.round, SurveyAnswersFixture.placement())
            // many clients, each a few distinct wrong codes
            for _ in 0..<4 { try await Self.typeWrongCodes(SurveyBrowser(app), count: 2, same: false) }
            let status = try await SurveyBrowser(app).post("/survey/resume", [("resume", ResumeCode.generate().value)])
            #expect(status == .tooManyRequests)
            // the learner already answering never looks anything up
            #expect(try await learner.continuePage(Self.round, [("IND1", "2")]) == .ok)
            #expect(learner.body.contains("Page 3 of "))
        }
    }
}
