import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Quality Framework and crosswalk files")
struct QualityFrameworkFileTests {
    typealias F = QualityFrameworkFixtures

    @Test("the shipped framework is version 1 with six domains")
    func shippedFramework() throws {
        let framework = try QualityFrameworkFile.decode(Data(contentsOf: F.seedFile("reference/quality-framework.json")))
        #expect(framework.version == 1)
        #expect(framework.domains.map(\.code) == ["1", "2", "3", "4", "5", "6"])
        #expect(framework.domains[0].name == "Learning environment and culture")
        #expect(framework.standard("3.4")?.text.contains("induction") == true)
        #expect(framework.standard("7.1") == nil)
    }

    @Test("a framework file with wrong codes lists every problem")
    func badFramework() {
        let json = """
        [{"number": 1, "name": "One", "standards": [{"code": "1.1", "text": "A"}, {"code": "2.1", "text": "B"}, {"code": "1.1", "text": " "}]},
         {"number": 1, "name": "", "standards": []}]
        """
        #expect(throws: QualityFrameworkFileInvalid(problems: [
            "standard 2.1 in domain 1: the code must be 1.<number>",
            "standard 1.1 appears twice", "standard 1.1 has no text",
            "domain 1 appears twice", "domain 1 has no name", "domain 1 has no standards",
        ])) { try QualityFrameworkFile.decode(Data(json.utf8)) }
    }

    @Test("every shipped crosswalk maps only to standards of the shipped framework")
    func shippedCrosswalks() throws {
        let framework = try QualityFrameworkFile.decode(Data(contentsOf: F.seedFile("reference/quality-framework.json")))
        let known = QualityFrameworkCodes(versions: [framework])
        let gmc = try CrosswalkScheme.decode(Data(contentsOf: F.seedFile("reference/crosswalks/gmc-promoting-excellence.json")), known: known)
        let nmc = try CrosswalkScheme.decode(Data(contentsOf: F.seedFile("reference/crosswalks/nmc-sssa.json")), known: known)
        #expect(gmc.scheme == "gmc-promoting-excellence" && nmc.scheme == "nmc-sssa")
        #expect(gmc.note?.isEmpty == false && nmc.note?.isEmpty == false)
        // Every theme of Promoting Excellence is mapped.
        for theme in 1...5 { #expect(gmc.standards.contains { $0.code.hasPrefix("S\(theme).") }) }
        let crosswalk = Crosswalk([gmc, nmc])
        let induction = crosswalk.entries(for: "3.4")
        #expect(induction.map(\.code) == ["R1.13"] && induction[0].scheme == "gmc-promoting-excellence")
        #expect(crosswalk.entries(for: "1.1").map { "\($0.scheme) \($0.code)" }
                == ["gmc-promoting-excellence S1.1", "gmc-promoting-excellence R1.1", "gmc-promoting-excellence R1.8",
                    "nmc-sssa 1", "nmc-sssa 2"])
        #expect(crosswalk.entries(for: "9.9") == [])
    }

    @Test("a crosswalk to an unknown standard, or with repeated or empty entries, is refused")
    func badCrosswalk() {
        let json = """
        {"scheme": "gmc-promoting-excellence", "name": "GMC", "standards": [
          {"code": "S1.1", "text": "Safe", "maps": ["1.1", "8.1"]},
          {"code": "S1.1", "text": "", "maps": []},
          {"code": "S1.2", "text": "Culture", "maps": ["1.2", "1.2"]}]}
        """
        #expect(throws: CrosswalkInvalid(problems: [
            "gmc-promoting-excellence S1.1 maps to 8.1, which is not a Quality Framework standard",
            "gmc-promoting-excellence S1.1 appears twice", "gmc-promoting-excellence S1.1 has no text",
            "gmc-promoting-excellence S1.1 maps to no framework standard",
            "gmc-promoting-excellence S1.2 lists a framework standard twice",
        ])) { try CrosswalkScheme.decode(Data(json.utf8), known: QualityFrameworkCodes(versions: [F.version1()])) }
    }

    @Test("a crosswalk may map a standard an older version retired: it shows wherever the standard exists")
    func retiredStandards() throws {
        let v1 = F.version1()
        var v2 = v1.nextDraft()
        _ = try v2.apply(.retireStandard(code: "1.3"), used: QualityFrameworkCodes(versions: [v1]))
        let scheme = CrosswalkScheme(scheme: "x", name: "X", standards: [RegulatorStandard(code: "A", text: "a", maps: ["1.3"])])
        #expect(scheme.problems(known: QualityFrameworkCodes(versions: [v1, v2])) == [])
        #expect(scheme.problems(known: QualityFrameworkCodes(versions: [v2])) == ["x A maps to 1.3, which is not a Quality Framework standard"])
    }
}
