import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Quarterly speak-up return")
struct SpeakUpReturnsTests {
    typealias F = SpeakUpWebFixtures

    /// Three T001 cases in 2026-27 Q1, one in Q2, one at T002 in Q1.
    static func seedCases(_ app: Application) async throws {
        try await F.speakUpCase(app, on: "2026-04-01", howRaised: .open, themes: [.patientSafetyQuality, .bullyingHarassment],
                                detriment: true, again: .yes)
        try await F.speakUpCase(app, on: "2026-05-15", howRaised: .anonymous, themes: [.workerSafetyWellbeing], again: .notAsked)
        try await F.speakUpCase(app, on: "2026-06-30", howRaised: .confidential, themes: [.other], outcome: "Comma, \"quoted\" text", again: .no)
        try await F.speakUpCase(app, on: "2026-07-01", howRaised: .open)
        try await F.speakUpCase(app, organisation: "T002", on: "2026-05-01", howRaised: .confidential, themes: [.inappropriateAttitudesBehaviours])
    }

    @Test("the guardian's CSV has the documented columns, their organisation's counts, and no case text",
          arguments: TestDatabase.all)
    func guardianCSV(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            try await Self.seedCases(app)
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            // MUT
            let res = try await guardian.get("/speak-up/returns.csv?quarter=2026-27%20Q1")
            // validate
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.type == "text" && res.headers.contentType?.subType == "csv")
            #expect(res.headers.first(name: .contentDisposition) == "attachment; filename=\"speak-up-return-2026-27-Q1.csv\"")
            let lines = res.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.split(separator: ",").map(String.init) == SpeakUpQuarterlyReturn.columns)
            #expect(lines.dropFirst() == ["T001,2026-27 Q1,3,1,1,1,1,1,1,0,1,1,1,1,0,1"])
            for text in ["SECRET", "Comma", "quoted", "Learners"] { #expect(!res.body.string.contains(text)) }
        }
    }

    @Test("the national quality lead sees every organisation that lists a guardian or asks for one")
    func nationalReturn() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            try await Self.seedCases(app)
            try await F.guardian(app, organisation: "T003", email: "t003@example.org")
            let national = try await TestAccounts.browser(app, as: .nationalQualityLead)
            let csv = try await national.get("/speak-up/returns.csv?quarter=2026-27%20Q1").body.string
            let rows = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.prefix(while: { $0 != "," }) }
            #expect(rows == ["T001", "T002", "T003"])
            let one = try await national.get("/speak-up/returns.csv?quarter=2026-27%20Q1&organisation=T004").body.string
            #expect(one.hasSuffix("T004,2026-27 Q1,0,0,0,0,0,0,0,0,0,0,0,0,0,0\r\n"))
            let page = try await national.get("/speak-up/returns?quarter=2026-27%20Q1")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Thamesbank University Hospitals") && page.body.string.contains("Southwark Riverside"))
            #expect(!page.body.string.contains("SECRET"))
        }
    }

    @Test("the return page shows the guardian's counts, defaults to the last completed quarter, and links the CSV")
    func page() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            try await Self.seedCases(app)
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            let body = try await guardian.get("/speak-up/returns?quarter=2026-27%20Q1").body.string
            #expect(body.contains("1 April 2026 to 30 June 2026"))
            #expect(body.contains("href=\"/speak-up/returns.csv?quarter=2026-27%20Q1\""))
            #expect(body.contains("Thamesbank") && !body.contains("Southwark Riverside"))
            // one organisation reads down the page, a row per measure
            let flat = body.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
            let cell = "<td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">"
            #expect(flat.contains("Cases</th> \(cell)3</td>"))
            #expect(flat.contains("Raised anonymously</th> \(cell)1</td>"))
            #expect(flat.contains("Detriment reported</th> \(cell)1</td>"))
            let lastCompleted = FinancialQuarter.lastCompleted(on: .today()).label
            #expect(try await guardian.get("/speak-up/returns").body.string.contains("(financial quarter \(lastCompleted))"))
        }
    }

    @Test("an unknown quarter is a 400, on the page and the CSV")
    func unknownQuarter() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            for path in ["/speak-up/returns", "/speak-up/returns.csv"] {
                for quarter in ["2026-27%20Q5", "Q3", "2026-28%20Q1", "%3Cscript%3E"] {
                    #expect(try await guardian.get("\(path)?quarter=\(quarter)").status == .badRequest, "\(path) \(quarter)")
                }
            }
            #expect(try await guardian.get("/speak-up/returns?organisation=NOPE").status == .forbidden)
        }
    }
}
