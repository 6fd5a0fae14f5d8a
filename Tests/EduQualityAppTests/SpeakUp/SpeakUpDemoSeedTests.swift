import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import VaporTesting

@Suite("Speak-up demo data")
struct SpeakUpDemoSeedTests {
    @Test("every NHS trust lists a guardian; T001 has about forty cases over the last four quarters; a second run adds nothing")
    func demo() async throws {
        try await withTestApp(.sqlite) { app in
            // MUT
            _ = try await DemoSeeder(app: app).seed()
            try await SpeakUpDemoSeeder(app: app).seed()
            // validate
            let trusts = try await Organisation.query(on: app.db).filter(\.$type == "nhs-trust").all().map(\.code)
            let listed = try await GuardianDirectoryRecord.query(on: app.db).all()
            #expect(Set(listed.map(\.organisationCode)) == Set(trusts) && listed.count == trusts.count)
            #expect(listed.contains { $0.organisationCode == "T001" && $0.email == "guardian@demo.eduquality.test" })
            let cases = try await SpeakUpCaseRecord.query(on: app.db).with(\.$themes).all().compactMap(\.speakUpCase)
            #expect(cases.count == 40 && cases.allSatisfy { $0.organisation == "T001" && $0.raisedOn <= .today() })
            let quarters = Set(cases.map(\.financialQuarter))
            #expect(quarters == Set(FinancialQuarter(containing: .today()).recent(4)))
            #expect(Set(cases.map(\.howRaised)).count == 3 && cases.allSatisfy { !$0.themes.isEmpty })
        }
    }
}
