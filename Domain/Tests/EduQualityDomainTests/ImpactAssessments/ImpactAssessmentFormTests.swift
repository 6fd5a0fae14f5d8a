import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Impact assessments: the configurable form")
struct ImpactAssessmentFormTests {
    @Test("the seed file decodes to the default form: seven sections, rated none / low / medium / high")
    func seedFile() throws {
        let data = try Data(contentsOf: SurveyFixtures.seedFile("reference/impact-assessment-form.json"))
        let form = try ImpactAssessmentForm(try JSONDecoder().decode(ImpactAssessmentForm.Definition.self, from: data))
        #expect(form == ImpactAssessmentForm.standard)
        #expect(form.scale.map(\.code) == ["none", "low", "medium", "high"])
        #expect(form.sections.map(\.code) == ["placement-capacity", "supervision", "curriculum-coverage",
                                              "learning-opportunities", "facilities", "travel", "wellbeing"])
        #expect(form.scaleList == "none, low, medium or high")
        #expect(form.severity(of: "high") == 3 && form.severity(of: "none") == 0)
    }

    @Test("an administrator adds a section in the file, optional or required, without code")
    func addSection() throws {
        let json = """
        {"scale": [{"code": "minor", "name": "Minor"}, {"code": "major", "name": "Major"}],
         "sections": [{"code": "research", "title": "Research time", "help": "Protected research sessions."},
                      {"code": "library", "title": "Library", "required": false}]}
        """
        let form = try ImpactAssessmentForm(try JSONDecoder().decode(ImpactAssessmentForm.Definition.self, from: Data(json.utf8)))
        #expect(form.requiredSections.map(\.code) == ["research"])
        #expect(form.section("library")?.help == "")
        #expect(form.scaleList == "minor or major")
    }

    @Test("a broken definition is refused", arguments: [
        ImpactAssessmentForm.Definition(scale: [.init(code: "low", name: "Low")], sections: [.init(code: "a", title: "A", help: "")]),
        ImpactAssessmentForm.Definition(scale: [.init(code: "low", name: "Low"), .init(code: "low", name: "Low")],
                                        sections: [.init(code: "a", title: "A", help: "")]),
        ImpactAssessmentForm.Definition(scale: [.init(code: "a", name: "A"), .init(code: "b", name: "B")], sections: []),
        ImpactAssessmentForm.Definition(scale: [.init(code: "a", name: "A"), .init(code: "b", name: "B")],
                                        sections: [.init(code: "bad code", title: "A", help: "")]),
        ImpactAssessmentForm.Definition(scale: [.init(code: "a", name: "A"), .init(code: "b", name: "B")],
                                        sections: [.init(code: "x", title: " ", help: "")]),
    ])
    func refused(definition: ImpactAssessmentForm.Definition) {
        #expect(throws: InvalidForm.self) { try ImpactAssessmentForm(definition) }
    }
}
