import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Signatories: a configurable list")
struct SignatoryListTests {
    @Test("the seed file decodes to the domain reference's default list, with the quality body marked")
    func seedFile() throws {
        // setup
        let data = try Data(contentsOf: SurveyFixtures.seedFile("reference/signatories.json"))
        // MUT
        let list = try SignatoryList(try JSONDecoder().decode([Signatory].self, from: data))
        // validate
        #expect(list == SignatoryList.standard)
        #expect(list.all.count == 14)
        #expect(list.qualityBody?.code == "NEQB")
        #expect(["CQC", "GMC", "NMC", "HCPC", "GDC", "GPHC", "SWE", "HSSIB"].allSatisfy(list.contains))
    }

    @Test("codes are found whatever their case")
    func caseInsensitive() {
        #expect(SignatoryList.standard.named("gmc")?.code == "GMC")
        #expect(SignatoryList.standard.named("XYZ") == nil)
    }

    @Test("an administrator's list is checked: codes valid and unique, names given, one quality body at most",
          arguments: [
              [Signatory](),
              [Signatory(code: "GMC", name: "A"), Signatory(code: "gmc", name: "B")],
              [Signatory(code: "bad code", name: "A")],
              [Signatory(code: "GMC", name: " ")],
              [Signatory(code: "A", name: "A", isQualityBody: true), Signatory(code: "B", name: "B", isQualityBody: true)],
          ])
    func refused(list: [Signatory]) {
        let error = #expect(throws: InvalidForm.self) { try SignatoryList(list) }
        #expect(error?.message(for: "signatories") != nil)
    }

    @Test("a list without a quality body, or with an added signatory, is accepted")
    func configurable() throws {
        let list = try SignatoryList([Signatory(code: "GMC", name: "General Medical Council"),
                                      Signatory(code: "NEW-BODY", name: "A new regulator")])
        #expect(list.qualityBody == nil)
        #expect(list.contains("NEW-BODY"))
        let encoded = try JSONEncoder().encode(list.all)
        #expect(try JSONDecoder().decode([Signatory].self, from: encoded) == list.all)
    }
}
