import Testing
@testable import EduQualityDomain

@Suite("Validating a survey response")
struct SurveyResponseValidationTests {
    static let questionnaire = SurveyFixtures.questionnaire()

    static func response(profession: String = "student-nurse",
                         answers: [String: SurveyAnswer] = [:], freeTexts: [String: String] = [:]) -> SurveyResponse {
        var sheet = AnswerSheet(for: questionnaire)
        for (code, answer) in answers { sheet[questionnaire.itemIndex(of: code)!] = answer }
        return SurveyResponse(placement: SurveyFixtures.placementDetails(profession: profession), answers: sheet,
                              freeTexts: freeTexts, submittedOn: SurveyFixtures.day("2026-10-01"))
    }

    static func problems(_ response: SurveyResponse) -> [String] {
        questionnaire.problems(in: response, references: SurveyFixtures.references()).map(\.description)
    }

    @Test("a complete, valid response has no problems; unanswered items are allowed")
    func valid() {
        let response = Self.response(answers: ["IND1": .rank(5), "IND2": .notApplicable, "NMW1": .rank(2), "EDS1": .rank(1)],
                                     freeTexts: ["WELL": "Good teaching."])
        #expect(Self.problems(response) == [])
        #expect(Self.problems(Self.response()) == [])
    }

    @Test("an item outside the learner's branch may not be answered")
    func branches() {
        #expect(Self.problems(Self.response(profession: "physiotherapy", answers: ["NMW1": .rank(1)]))
                == ["NMW1: This question is not asked of your profession; leave it blank."])
        #expect(Self.problems(Self.response(profession: "doctor-foundation", answers: ["MED1": .rank(4)])) == [])
        #expect(Self.problems(Self.response(answers: ["MED1": .notApplicable]))
                == ["MED1: This question is not asked of your profession; leave it blank."])
    }

    @Test("not applicable only where the item allows it")
    func notApplicable() {
        #expect(Self.problems(Self.response(answers: ["IND1": .notApplicable]))
                == ["IND1: “Not applicable” is not an answer to this question."])
    }

    @Test("ranks must be on the item's scale", arguments: [0, 6, -1, 300])
    func ranks(rank: Int) {
        #expect(Self.problems(Self.response(answers: ["IND1": .rank(rank)]))
                == ["IND1: Choose one of the 5 answers, or leave the question blank."])
    }

    @Test("a two-point item rejects a rank of 3")
    func shortScale() {
        #expect(Self.problems(Self.response(answers: ["NMW1": .rank(3)]))
                == ["NMW1: Choose one of the 2 answers, or leave the question blank."])
    }

    @Test("free text is limited to 5,000 characters, counted as people see them")
    func freeTextLength() {
        // setup: "é" written as e + combining accent is one character but three bytes
        let atLimit = String(repeating: "e\u{301}", count: 5_000)
        let tooLong = String(repeating: "a", count: 5_001)
        // MUT / validate
        #expect(Self.problems(Self.response(freeTexts: ["WELL": atLimit])) == [])
        #expect(Self.problems(Self.response(freeTexts: ["WELL": tooLong]))
                == ["WELL: Please shorten this answer to 5,000 characters or fewer (it has 5,001)."])
        #expect(Self.problems(Self.response(freeTexts: ["HELLO": "x"])) == ["HELLO: There is no such question in this survey."])
    }

    @Test("placement answers must be known codes, and the site must belong to the organisation")
    func placement() {
        // setup
        let entry = PlacementEntry(profession: "nurse", organisation: "RJ1", site: "RM2-01",
                                   placementType: "", specialty: "cardiology", trainingLevel: "year-9")
        // MUT
        let result = Self.questionnaire.validatePlacement(entry, round: SurveyFixtures.round().code,
                                                          references: SurveyFixtures.references())
        // validate
        guard case .failure(let invalid) = result else { Issue.record("expected problems"); return }
        #expect(invalid.problems.map(\.description) == [
            "profession: Choose a profession or learner group from the list.",
            "placement-type: Choose the kind of placement.",
            "specialty: Choose a specialty or department from the list.",
            "training-level: Choose a stage of training from the list.",
            "site: That site is not part of the organisation you chose.",
        ])
    }

    @Test("required placement questions must be answered; optional ones may be left out")
    func requiredPlacement() throws {
        let empty = Self.questionnaire.validatePlacement(PlacementEntry(), round: SurveyFixtures.round().code,
                                                         references: SurveyFixtures.references())
        guard case .failure(let invalid) = empty else { Issue.record("expected problems"); return }
        #expect(invalid.problems.map(\.field) == ["profession", "organisation", "placement-type"])

        let minimal = PlacementEntry(profession: "pharmacy", organisation: "RM2", placementType: "community")
        let details = try Self.questionnaire.validatePlacement(minimal, round: SurveyFixtures.round().code,
                                                               references: SurveyFixtures.references()).get()
        #expect(details.site == nil && details.specialty == nil && details.trainingLevel == nil)
    }

    @Test("answers pack into one byte each and back")
    func packing() {
        for answer in [SurveyAnswer.unanswered, .notApplicable, .rank(1), .rank(5), .rank(11)] {
            #expect(SurveyAnswer(packed: answer.packed) == answer)
        }
        #expect(SurveyAnswer.rank(0).packed == 254)
        #expect(SurveyAnswer.rank(999).packed == 254)
    }
}
