import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Questionnaire files")
struct QuestionnaireFileTests {
    @Test("a valid file becomes a questionnaire with items in page order")
    func validFile() throws {
        // MUT
        let questionnaire = try SurveyFixtures.file().validated().get()
        // validate
        #expect(questionnaire.version == "test-1")
        #expect(questionnaire.items.map(\.code) == ["IND1", "IND2", "NMW1", "MED1", "EDS1"])
        #expect(questionnaire.itemIndices(ofTheme: 1) == 3..<4)
        #expect(questionnaire.item("NMW1")?.scale.points == 2)
        #expect(questionnaire.item("EDS1")?.isReverseKeyed == true)
        #expect(questionnaire.item("IND2")?.allowsNotApplicable == true)
        #expect(questionnaire.item("IND1")?.professions == nil)
        #expect(questionnaire.freeTextQuestion("SAFETY")?.kind == .patientSafety)
        #expect(questionnaire.placementQuestion(.site)?.isRequired == false)
    }

    @Test("JSON decodes, and the questionnaire writes itself back to the same questionnaire")
    func jsonRoundTrip() throws {
        // setup
        let data = try JSONEncoder().encode(SurveyFixtures.file())
        // MUT
        let decoded = try Questionnaire.decode(json: data)
        let again = try Questionnaire.decode(json: decoded.fileJSON())
        // validate
        #expect(decoded == SurveyFixtures.questionnaire())
        #expect(again == decoded)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let expected: [String]
        let change: @Sendable (inout QuestionnaireFile) -> Void
        init(_ expected: String..., change: @escaping @Sendable (inout QuestionnaireFile) -> Void) {
            self.expected = expected
            self.change = change
        }
        var testDescription: String { expected.joined(separator: " / ") }
    }

    static let cases: [Case] = [
        Case("format: missing") { $0.format = nil },
        Case("format: unsupported format 2; this version reads format 1") { $0.format = 2 },
        Case("version: missing") { $0.version = nil },
        Case("version: Code may contain only letters, digits, hyphens and full stops") { $0.version = "core 2026" },
        Case("title: is empty") { $0.title = "  " },
        Case("scales: missing", "themes[0].items[0].scale: unknown scale \"agreement\"",
             "themes[0].items[1].scale: unknown scale \"agreement\"", "themes[0].items[2].scale: unknown scale \"yes-no\"",
             "themes[1].items[0].scale: unknown scale \"agreement\"", "themes[2].items[0].scale: unknown scale \"agreement\"") {
            $0.scales = nil
        },
        Case("scales[1].code: duplicate scale \"agreement\"", "themes[0].items[2].scale: unknown scale \"yes-no\"") {
            $0.scales![1].code = "agreement"
        },
        Case("scales[1].code: \"9-point\" is not a code: start with a letter, then letters, digits, - or _ (at most 32)") {
            $0.scales!.append(.init(code: "9-point", labels: ["a", "b"]))
            $0.scales!.swapAt(1, 2)
            $0.scales![2].code = "yes-no"
        },
        Case("scales[1].labels: a scale needs 2 to 11 points, not 1", "themes[0].items[2].scale: unknown scale \"yes-no\"") {
            $0.scales![1].labels = ["Yes"]
        },
        Case("scales[1].labels[1]: duplicate label \"No\"", "themes[0].items[2].scale: unknown scale \"yes-no\"") {
            $0.scales![1].labels = ["No", "No"]
        },
        Case("scales[1].labels[0]: is empty", "themes[0].items[2].scale: unknown scale \"yes-no\"") {
            $0.scales![1].labels = ["", "Yes"]
        },
        Case("scales[1].labels: missing", "themes[0].items[2].scale: unknown scale \"yes-no\"") { $0.scales![1].labels = nil },
        Case("placement: missing") { $0.placement = nil },
        Case("placement[2].field: unknown field \"ward\" (expected one of profession, organisation, site, placement-type, specialty, training-level)") {
            $0.placement![2].field = "ward"
        },
        Case("placement[0].required: the profession question must be required", "placement[2].field: duplicate field \"profession\"") {
            $0.placement![2].field = "profession"
            $0.placement![0].required = false
        },
        Case("placement: missing the organisation question") { $0.placement!.remove(at: 1) },
        Case("placement[3].text: missing") { $0.placement![3].text = nil },
        Case("themes: needs at least one theme") { $0.themes = [] },
        Case("themes[1].code: duplicate theme \"induction\"") { $0.themes![1].code = "induction" },
        Case("themes[1].name: missing") { $0.themes![1].name = nil },
        Case("themes[1].items: needs at least one item") { $0.themes![1].items = [] },
        Case("themes[2].items[0].code: duplicate code \"IND3\"") {
            $0.themes![0].items![1].code = "IND3"
            $0.themes![2].items![0].code = "IND3"
        },
        Case("themes[2].items[0].code: duplicate code \"ind1\"") { $0.themes![2].items![0].code = "ind1" },
        Case("themes[0].items[0].code: \"profession\" is reserved for an import column") { $0.themes![0].items![0].code = "profession" },
        Case("themes[0].items[0].code: \"1ND\" is not a code: start with a letter, then letters, digits, - or _ (at most 32)") {
            $0.themes![0].items![0].code = "1ND"
        },
        Case("themes[0].items[0].text: missing") { $0.themes![0].items![0].text = nil },
        Case("themes[0].items[0].scale: missing") { $0.themes![0].items![0].scale = nil },
        Case("themes[0].items[0].scale: unknown scale \"likert\"") { $0.themes![0].items![0].scale = "likert" },
        Case("themes[0].items[2].professions: an empty list would show the item to nobody; use null for everyone") {
            $0.themes![0].items![2].professions = []
        },
        Case("themes[0].items[2].professions[1]: duplicate profession \"student-nurse\"") {
            $0.themes![0].items![2].professions = ["student-nurse", "student-nurse"]
        },
        Case("freeText[1].code: duplicate code \"EDS1\"") { $0.freeText![1].code = "EDS1" },
        Case("freeText[0].kind: unknown kind \"praise\" (expected one of worked-well, could-be-improved, patient-safety)") {
            $0.freeText![0].kind = "praise"
        },
        Case("freeText[0].kind: missing") { $0.freeText![0].kind = nil },
        Case("freeText[1].text: is empty") { $0.freeText![1].text = "" },
    ]

    @Test("every rule reports its problem with a path", arguments: cases)
    func problems(_ testCase: Case) {
        // setup
        var file = SurveyFixtures.file()
        testCase.change(&file)
        // MUT
        let result = file.validated()
        // validate
        guard case .failure(let invalid) = result else {
            Issue.record("expected problems")
            return
        }
        #expect(invalid.problems.map(\.description) == testCase.expected)
    }

    @Test("professions are checked against the reference list when one is given")
    func unknownProfession() {
        // setup
        var file = SurveyFixtures.file()
        file.themes![0].items![2].professions = ["student-nurse", "nurse"]
        // MUT
        let result = file.validated(knownProfessions: Set(SurveyFixtures.professions))
        // validate
        #expect(throws: QuestionnaireInvalid.self) { try result.get() }
        if case .failure(let invalid) = result {
            #expect(invalid.problems.map(\.description) == ["themes[0].items[2].professions[1]: unknown profession \"nurse\""])
        }
    }

    @Test("several problems come back together")
    func manyProblems() {
        // setup
        var file = SurveyFixtures.file()
        file.title = nil
        file.themes![1].name = ""
        file.freeText![0].code = "IND1"
        // MUT
        let result = file.validated()
        // validate
        guard case .failure(let invalid) = result else { Issue.record("expected problems"); return }
        #expect(invalid.problems.map(\.description) == [
            "title: missing", "themes[1].name: is empty", "freeText[0].code: duplicate code \"IND1\"",
        ])
    }

    @Test("JSON of the wrong type, unknown keys and broken JSON are problems with paths",
          arguments: [
            (#"{"format": 1, "themes": [{"items": [{"reverse": "yes"}]}]}"#, "themes[0].items[0].reverse: expected true or false"),
            (#"{"format": "one"}"#, "format: expected a whole number"),
            (#"{"themes": {"code": "x"}}"#, "themes: expected a list"),
            (#"{"format": 1,"#, "(file): not valid JSON"),
          ])
    func jsonProblems(json: String, expected: String) {
        // MUT
        let error = #expect(throws: QuestionnaireInvalid.self) {
            try Questionnaire.decode(json: Data(json.utf8))
        }
        // validate
        #expect(error?.problems.map(\.description) == [expected])
    }

    @Test("a misspelt key is reported rather than silently ignored")
    func unknownKey() throws {
        // setup
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(SurveyFixtures.file())) as! [String: Any]
        var themes = json["themes"] as! [[String: Any]]
        var items = themes[0]["items"] as! [[String: Any]]
        items[1]["allowNA"] = true
        themes[0]["items"] = items
        json["themes"] = themes
        json["author"] = "someone"
        // MUT
        let error = #expect(throws: QuestionnaireInvalid.self) {
            try Questionnaire.decode(json: JSONSerialization.data(withJSONObject: json))
        }
        // validate
        #expect(error?.problems.map(\.description) == ["author: unknown key", "themes[0].items[1].allowNA: unknown key"])
    }
}
