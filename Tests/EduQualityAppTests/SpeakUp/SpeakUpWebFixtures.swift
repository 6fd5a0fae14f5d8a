import EduQualityDomain
import Fluent
import Foundation
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Small factories for the speak-up suites: directory entries, cases and a second organisation's
/// guardian, written straight to the database, and forms with repeated fields (checkboxes).
enum SpeakUpWebFixtures {
    static let otherGuardianEmail = "ftsu-guardian.t002@test.eduquality.test"

    @discardableResult
    static func guardian(_ app: Application, name: String = "Zoë Adams", organisation: String = "T001",
                         email: String = "zoe.adams@example.org", phone: String? = "01632 960001",
                         availability: String? = "Weekdays") async throws -> UUID {
        let id = UUID()
        let entry = GuardianDirectoryEntry(id: id.uuidString, name: name, organisation: organisation, organisationName: "",
                                           email: email, phone: phone, availability: availability)
        try await GuardianDirectoryRecord(id: id, entry: entry).create(on: app.db)
        return id
    }

    /// A case at `organisation`, numbered after the ones already there.
    @discardableResult
    static func speakUpCase(_ app: Application, organisation: String = "T001", on iso: String = "2026-05-10",
                            howRaised: HowRaised = .confidential, themes: Set<SpeakUpTheme> = [.patientSafetyQuality],
                            detriment: Bool = false, outcome: String? = "SECRET OUTCOME TEXT",
                            again: SpeakUpAgain = .yes) async throws -> SpeakUpCaseRecord {
        let id = UUID()
        let c = SpeakUpCase(id: id.uuidString, raisedOn: CalendarDay(iso: iso)!, organisation: organisation,
                            howRaised: howRaised, workerGroup: "Learners and students", themes: themes,
                            detrimentReported: detriment, outcome: outcome, speakUpAgain: again)
        let highest = try await SpeakUpCaseRecord.query(on: app.db).filter(\.$organisationCode == organisation).max(\.$number)
        let record = SpeakUpCaseRecord(id: id, reference: .next(organisation: organisation, after: highest), from: c)
        try await record.create(on: app.db)
        try await record.replaceThemes(with: themes, on: app.db)
        return record
    }

    /// A guardian of T002 (Southwark Riverside, also in London), signed in.
    static func otherGuardian(_ app: Application) async throws -> TestBrowser {
        let grant = try await Grant.resolve(.ftsuGuardian, scopeCode: "T002", on: app.db)
        try await AccountProvisioning.upsert(email: otherGuardianEmail, name: "Other Guardian",
                                             passwordHash: try Bcrypt.hash(TestAccounts.password, cost: 4),
                                             grant: grant, on: app.db)
        let browser = TestBrowser(app)
        try await browser.signIn(otherGuardianEmail, password: TestAccounts.password)
        return browser
    }

    /// A complete case form as a browser sends it.
    static func caseForm(day: String = "10", month: String = "5", year: String = "2026", howRaised: String = "anonymous",
                         themes: [String] = ["bullying-harassment", "worker-safety-wellbeing"],
                         outcome: String = "SECRET OUTCOME TEXT: meeting held") -> [(String, String)] {
        [("raisedOnDay", day), ("raisedOnMonth", month), ("raisedOnYear", year), ("howRaised", howRaised),
         ("workerGroup", "Learners and students")]
            + themes.map { ("themes", $0) }
            + [("detrimentReported", "no"), ("outcome", outcome), ("speakUpAgain", "maybe")]
    }
}

extension TestBrowser {
    /// Posts a form whose fields may repeat, as a browser sends checked checkboxes.
    @discardableResult
    func post(_ path: String, pairs: [(String, String)]) async throws -> TestingHTTPResponse {
        if csrfToken == nil { try await get("/login") }
        let body = (pairs + [("_csrf", csrfToken ?? "")])
            .map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }
}
