import Foundation
import Testing
@testable import EduQualityDomain

@Suite("The demo GMC survey file")
struct GMCSurveyDemoFileTests {
    struct Organisation: Decodable {
        let code: String, region: String
        let sites: [Entry]?
    }
    struct Entry: Decodable { let code: String }

    static func load<T: Decodable>(_ path: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: QualityFrameworkFixtures.seedFile(path)))
    }

    @Test("is valid against the demo organisations and the shipped codes, across regions and every flag")
    func demoFileIsValid() throws {
        // setup
        let organisations: [Organisation] = try Self.load("demo/organisations.json")
        let specialties: [Entry] = try Self.load("reference/specialties.json")
        let indicators: [Entry] = try Self.load("reference/gmc-indicators.json")
        let codes = GMCSurveyReferenceCodes(
            regionOfOrganisation: Dictionary(uniqueKeysWithValues: organisations.map { ($0.code, $0.region) }),
            organisationOfSite: Dictionary(uniqueKeysWithValues: organisations.flatMap { o in (o.sites ?? []).map { ($0.code, o.code) } }),
            specialties: Set(specialties.map(\.code)), indicators: indicators.map(\.code))
        var reader = try CSVReader(fileAt: QualityFrameworkFixtures.seedFile("demo/gmc-survey-2026.csv").path)
        let national = Actor(userID: "n", assignments: [try RoleAssignment(role: .nationalQualityLead, scope: .national)])
        // MUT
        let plan = GMCSurveyImportPlan(try GMCSurveyFile.read(&reader, codes: codes, actor: national,
                                                              today: CalendarDay(year: 2026, month: 12, day: 2)!), stored: [:])
        // validate
        #expect(plan.errors == [])
        #expect((60...150).contains(plan.new.count))
        #expect(Set(plan.new.map(\.flag)) == Set(GMCFlag.allCases))
        #expect(Set(plan.new.compactMap { codes.regionOfOrganisation[$0.organisation] }).count >= 4)
        #expect(indicators.allSatisfy { $0.code.allSatisfy { $0.isLowercase || $0 == "-" } })
    }
}
