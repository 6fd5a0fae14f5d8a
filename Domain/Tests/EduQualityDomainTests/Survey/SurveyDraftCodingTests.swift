import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Saving a draft and sending a whole survey at once")
struct SurveyDraftCodingTests {
    static let questionnaire = SurveyFixtures.questionnaire()
    static let today = SurveyFixtures.day("2026-10-01")

    static func halfDone() throws -> SurveyDraft {
        var draft = SurveyDraft(questionnaire: questionnaire, round: SurveyFixtures.round().code, today: today)
        try draft.savePlacement(PlacementEntry(SurveyFixtures.placementDetails(profession: "doctor-foundation")),
                                questionnaire: questionnaire, references: SurveyFixtures.references(), today: today)
        try draft.saveTheme(0, answers: ["IND1": .rank(4), "IND2": .notApplicable], questionnaire: questionnaire, today: today)
        try draft.saveComments(["WELL": "Kind “team”, ward 7 — thank you."], questionnaire: questionnaire, today: today)
        return draft
    }

    @Test("a draft reads back exactly as it was saved")
    func roundTrip() throws {
        // setup
        let draft = try Self.halfDone()
        // MUT
        let data = try JSONEncoder().encode(draft)
        let decoded = try JSONDecoder().decode(SurveyDraft.self, from: data)
        // validate
        #expect(decoded == draft)
        #expect(decoded.currentPage == .theme(1))
        #expect(decoded.fits(Self.questionnaire))
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"2026-10-01\""), "the day only, as a date")
        #expect(!json.contains("T00:") && !json.contains("Z\""), "no time of day")
    }

    @Test("every page can be saved and read back", arguments: [SurveyPage.placement, .theme(0), .theme(12), .comments])
    func pages(page: SurveyPage) throws {
        let data = try JSONEncoder().encode([page])
        #expect(try JSONDecoder().decode([SurveyPage].self, from: data) == [page])
    }

    @Test("a stored page that is not a page is refused")
    func badPage() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([SurveyPage].self, from: Data(#"["theme-x"]"#.utf8)) }
    }

    @Test("a draft of another questionnaire does not fit")
    func doesNotFit() throws {
        var other = SurveyFixtures.file()
        other.version = "test-2"
        other.themes![0].items!.append(SurveyFixtures.item("IND9"))
        let changed = try other.validated().get()
        #expect(try !Self.halfDone().fits(changed))
    }

    static func form(profession: String = "student-nurse", answers: [String: String] = [:],
                     freeTexts: [String: String] = [:]) -> CompletedSurveyForm {
        CompletedSurveyForm(placement: PlacementEntry(SurveyFixtures.placementDetails(profession: profession)),
                            answers: answers, freeTexts: freeTexts)
    }

    @Test("a whole survey in one form becomes a response dated today")
    func wholeForm() throws {
        // MUT
        let response = try Self.form(answers: ["IND1": "4", "IND2": "NA", "NMW1": "2", "EDS1": ""],
                                     freeTexts: ["WELL": "Good mentor.", "SAFETY": "   "])
            .submit(in: SurveyFixtures.round(), questionnaire: Self.questionnaire, references: SurveyFixtures.references(),
                    today: Self.today)
        // validate
        #expect(Self.questionnaire.answersByCode(response.answers) == ["IND1": .rank(4), "IND2": .notApplicable, "NMW1": .rank(2)])
        #expect(response.freeTexts == ["WELL": "Good mentor."])
        #expect(response.submittedOn == Self.today)
        #expect(response.placement.profession == "student-nurse")
    }

    @Test("every problem of every page is reported at once, in page order")
    func allProblems() {
        var form = Self.form(answers: ["EDS1": "banana", "MED1": "3", "IND1": "NA"],
                             freeTexts: ["WELL": String(repeating: "x", count: 5_001)])
        form.placement.organisation = nil
        #expect(throws: SurveySubmissionRefusal.invalid(SurveyFormInvalid(problems: [
            FieldProblem(field: "organisation", message: "Choose the organisation that provided your placement."),
            FieldProblem(field: "EDS1", message: "Choose one of the 5 answers, or leave the question blank."),
            FieldProblem(field: "WELL", message: "Please shorten this answer to 5,000 characters or fewer (it has 5,001)."),
        ]))) {
            try form.submit(in: SurveyFixtures.round(), questionnaire: Self.questionnaire,
                            references: SurveyFixtures.references(), today: Self.today)
        }
        form.placement.organisation = "RJ1"
        let refusal = #expect(throws: SurveySubmissionRefusal.self) {
            try form.submit(in: SurveyFixtures.round(), questionnaire: Self.questionnaire,
                            references: SurveyFixtures.references(), today: Self.today)
        }
        guard case .invalid(let invalid) = refusal else { Issue.record("expected field problems"); return }
        #expect(invalid.problems.map(\.field) == ["EDS1", "IND1", "MED1", "WELL"])
    }

    @Test("a question of no item is refused rather than ignored")
    func unknownItem() {
        let refusal = #expect(throws: SurveySubmissionRefusal.self) {
            try Self.form(answers: ["NOPE": "1"]).submit(in: SurveyFixtures.round(), questionnaire: Self.questionnaire,
                                                        references: SurveyFixtures.references(), today: Self.today)
        }
        #expect(refusal == .invalid(SurveyFormInvalid(problems: [
            FieldProblem(field: "NOPE", message: "There is no such question in this survey."),
        ])))
    }

    @Test("a closed round refuses a whole form before looking at it")
    func closed() {
        #expect(throws: SurveySubmissionRefusal.roundClosed(closed: SurveyFixtures.day("2026-11-30"))) {
            try CompletedSurveyForm(placement: PlacementEntry()).submit(
                in: SurveyFixtures.round(), questionnaire: Self.questionnaire, references: SurveyFixtures.references(),
                today: SurveyFixtures.day("2027-01-04"))
        }
    }

    @Test("radio values read as answers", arguments: [("", SurveyAnswer.unanswered), ("NA", .notApplicable), ("3", .rank(3))])
    func formValues(value: String, answer: SurveyAnswer) {
        #expect(SurveyAnswer(formValue: value) == answer)
        #expect(answer.formValue == value)
    }

    @Test("values that are no answer are refused", arguments: ["0", "-1", "na", "4000", "x"])
    func badFormValues(value: String) {
        #expect(SurveyAnswer(formValue: value) == nil)
    }
}
