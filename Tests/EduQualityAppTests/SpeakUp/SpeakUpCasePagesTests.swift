import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Guardian case records")
struct SpeakUpCasePagesTests {
    typealias F = SpeakUpWebFixtures

    @Test("a guardian records a case with several themes and edits it; both are audited without the case text",
          arguments: TestDatabase.all)
    func recordAndEdit(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            #expect(try await guardian.get("/speak-up/cases").headers.first(name: .location) == "/speak-up/cases/T001")
            try await guardian.get("/speak-up/cases/T001/new")
            // MUT: record
            let recorded = try await guardian.post("/speak-up/cases/T001/new", pairs: F.caseForm())
            #expect(recorded.status == .seeOther)
            let record = try #require(try await SpeakUpCaseRecord.query(on: app.db).with(\.$themes).first())
            let saved = try #require(record.speakUpCase)
            #expect(record.reference == "T001-FTSU-0001")
            #expect(saved.raisedOn == CalendarDay(iso: "2026-05-10"))
            #expect(saved.howRaised == .anonymous && saved.themes == [.bullyingHarassment, .workerSafetyWellbeing])
            #expect(saved.outcome == "SECRET OUTCOME TEXT: meeting held" && saved.speakUpAgain == .maybe)
            let location = try #require(recorded.headers.first(name: .location))
            let page = try await guardian.get(location).body.string
            #expect(page.contains("Case T001-FTSU-0001") && page.contains("The case has been saved."))
            #expect(page.contains("value=\"bullying-harassment\" checked") && page.contains("SECRET OUTCOME TEXT"))
            // MUT: edit
            let edited = try await guardian.post("/speak-up/cases/T001/\(saved.id)", pairs: F.caseForm(
                howRaised: "open", themes: ["other"], outcome: "SECRET OUTCOME TEXT: resolved"))
            #expect(edited.status == .seeOther)
            let again = try #require(try await SpeakUpCaseRecord.query(on: app.db).with(\.$themes).first()?.speakUpCase)
            #expect(again.howRaised == .open && again.themes == [.other] && again.outcome == "SECRET OUTCOME TEXT: resolved")
            #expect(try await SpeakUpCaseThemeRecord.query(on: app.db).count() == 1)
            // validate: the audit log names the guardian and the reference, and holds no case text
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == "speak-up-case").sort(\.$id).all()
            #expect(entries.map(\.action) == ["speak-up-case.record", "speak-up-case.update"])
            #expect(entries.allSatisfy { $0.actor == TestAccounts.email(.ftsuGuardian) && $0.entityID == "T001-FTSU-0001" })
            #expect(entries.allSatisfy { !($0.beforeJSON ?? "").contains("SECRET") && !($0.afterJSON ?? "").contains("SECRET") })
            #expect(entries[1].afterJSON?.contains("\"outcome\":\"changed\"") == true)
            #expect(try await AuditLog.verify(on: app.db).0 == nil)
        }
    }

    @Test("references count up per organisation")
    func references() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            try await F.speakUpCase(app, organisation: "T002")
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            try await guardian.get("/speak-up/cases/T001/new")
            try await guardian.post("/speak-up/cases/T001/new", pairs: F.caseForm())
            try await guardian.post("/speak-up/cases/T001/new", pairs: F.caseForm())
            let references = try await SpeakUpCaseRecord.query(on: app.db).sort(\.$reference).all().map(\.reference)
            #expect(references == ["T001-FTSU-0001", "T001-FTSU-0002", "T002-FTSU-0001"])
        }
    }

    @Test("a bad case form is shown again with a message per field, keeps what was typed, and saves nothing")
    func validation() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            try await guardian.get("/speak-up/cases/T001/new")
            let empty = try await guardian.post("/speak-up/cases/T001/new", pairs: [])
            #expect(empty.status == .badRequest)
            for message in ["Enter the date the concern was raised.", "Choose whether the concern was raised openly",
                            "Choose the worker group from the list.", "Choose at least one theme.",
                            "Say whether the person reported detriment", "would you speak up again?"] {
                #expect(empty.body.string.contains(message), "missing \(message)")
            }
            #expect(empty.body.string.contains("href=\"#themes\"") && empty.body.string.contains("id=\"themes\""))
            let impossible = try await guardian.post("/speak-up/cases/T001/new", pairs: F.caseForm(day: "31", month: "2"))
            #expect(impossible.status == .badRequest)
            #expect(impossible.body.string.contains("must be a real date"))
            #expect(impossible.body.string.contains("value=\"31\"") && impossible.body.string.contains("SECRET OUTCOME TEXT: meeting held"))
            let future = try await guardian.post("/speak-up/cases/T001/new", pairs: F.caseForm(year: "2999"))
            #expect(future.body.string.contains("cannot be in the future"))
            let odd = try await guardian.post("/speak-up/cases/T001/new", pairs: F.caseForm(howRaised: "loudly", themes: ["parking"]))
            #expect(odd.status == .badRequest)
            #expect(odd.body.string.contains("Choose themes from the list."))
            let long = try await guardian.post("/speak-up/cases/T001/new", pairs: F.caseForm(outcome: String(repeating: "x", count: 4_001)))
            #expect(long.body.string.contains("Keep the outcome to 4000 characters or fewer."))
            #expect(try await SpeakUpCaseRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("the case list filters by quarter, theme and how raised, and refuses values that are not choices",
          arguments: TestDatabase.all)
    func filters(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            try await F.speakUpCase(app, on: "2026-04-01", howRaised: .open, themes: [.patientSafetyQuality, .other])     // 0001, Q1
            try await F.speakUpCase(app, on: "2026-06-30", howRaised: .anonymous, themes: [.bullyingHarassment])         // 0002, Q1
            try await F.speakUpCase(app, on: "2026-07-01", howRaised: .anonymous, themes: [.other])                      // 0003, Q2
            try await F.speakUpCase(app, organisation: "T002", on: "2026-05-01")
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            func references(_ query: String) async throws -> [String] {
                let body = try await guardian.get("/speak-up/cases/T001\(query)").body.string
                return ["T001-FTSU-0001", "T001-FTSU-0002", "T001-FTSU-0003", "T002-FTSU-0001"].filter(body.contains)
            }
            #expect(try await references("") == ["T001-FTSU-0001", "T001-FTSU-0002", "T001-FTSU-0003"])
            #expect(try await references("?quarter=2026-27%20Q1") == ["T001-FTSU-0001", "T001-FTSU-0002"])
            #expect(try await references("?theme=other") == ["T001-FTSU-0001", "T001-FTSU-0003"])
            #expect(try await references("?howRaised=anonymous&theme=other") == ["T001-FTSU-0003"])
            #expect(try await references("?quarter=2026-27%20Q1&theme=other&howRaised=open") == ["T001-FTSU-0001"])
            let listed = try await guardian.get("/speak-up/cases/T001").body.string
            #expect(listed.contains("1 April 2026") && listed.contains("Bullying or harassment"))
            #expect(!listed.contains("SECRET OUTCOME TEXT"))
            for bad in ["?quarter=2026%20Q1", "?quarter=2026-28%20Q1", "?theme=parking", "?howRaised=loudly", "?page=-1"] {
                #expect(try await guardian.get("/speak-up/cases/T001\(bad)").status == .badRequest, "\(bad)")
            }
            #expect(try await guardian.get("/speak-up/cases/T001/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test("the list paginates, newest first")
    func pagination() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            for day in 1...30 { try await F.speakUpCase(app, on: "2026-04-\(day < 10 ? "0" : "")\(day)") }
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            let first = try await guardian.get("/speak-up/cases/T001").body.string
            #expect(first.contains("Page 1 of 2, 30 in all") && first.contains("T001-FTSU-0030") && !first.contains("T001-FTSU-0001<"))
            let second = try await guardian.get("/speak-up/cases/T001?page=2").body.string
            #expect(second.contains("T001-FTSU-0001<") && !second.contains("T001-FTSU-0030"))
        }
    }
}
