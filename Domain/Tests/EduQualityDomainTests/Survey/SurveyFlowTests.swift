import Testing
@testable import EduQualityDomain

@Suite("Taking the survey page by page")
struct SurveyFlowTests {
    static let questionnaire = SurveyFixtures.questionnaire()
    static let today = SurveyFixtures.day("2026-10-01")

    static func draft(profession: String) throws -> SurveyDraft {
        var draft = SurveyDraft(questionnaire: questionnaire, round: SurveyFixtures.round().code, today: today)
        try draft.savePlacement(PlacementEntry(SurveyFixtures.placementDetails(profession: profession)),
                                questionnaire: questionnaire, references: SurveyFixtures.references(), today: today)
        return draft
    }

    @Test("themes without an item for the profession are skipped, and progress counts the rest",
          arguments: [("doctor-foundation", 5), ("student-nurse", 4), ("physiotherapy", 4)])
    func pages(profession: String, total: Int) {
        // MUT
        let flow = SurveyPageFlow(questionnaire: Self.questionnaire, profession: profession)
        // validate
        #expect(flow.count == total)
        #expect(flow.pages.first == .placement && flow.pages.last == .comments)
        #expect(flow.progress(of: .theme(0))?.description == "Page 2 of \(total)")
        #expect(flow.pages.contains(.theme(1)) == (profession == "doctor-foundation"))
    }

    @Test("before a profession is chosen only core themes count")
    func beforeProfession() {
        let flow = SurveyPageFlow(questionnaire: Self.questionnaire, profession: nil)
        #expect(flow.pages == [.placement, .theme(0), .theme(2), .comments])
        #expect(flow.progress(of: .placement)?.description == "Page 1 of 4")
    }

    @Test("a doctor goes through every page to a response dated today")
    func completeDraft() throws {
        // setup
        var draft = try Self.draft(profession: "doctor-foundation")
        #expect(draft.currentPage == .theme(0))
        // MUT
        try draft.saveTheme(0, answers: ["IND1": .rank(4), "IND2": .notApplicable], questionnaire: Self.questionnaire,
                            today: Self.today)
        #expect(draft.currentPage == .theme(1))
        try draft.saveTheme(1, answers: ["MED1": .rank(2)], questionnaire: Self.questionnaire, today: Self.today)
        try draft.saveTheme(2, answers: [:], questionnaire: Self.questionnaire, today: Self.today)
        #expect(draft.currentPage == .comments)
        try draft.saveComments(["WELL": "Supportive team.", "SAFETY": "  "], questionnaire: Self.questionnaire,
                               today: Self.today)
        let response = try draft.submit(in: SurveyFixtures.round(), questionnaire: Self.questionnaire,
                                        references: SurveyFixtures.references(), today: Self.today)
        // validate
        #expect(response.submittedOn == Self.today)
        #expect(response.responseID == nil)
        #expect(Self.questionnaire.answersByCode(response.answers) == ["IND1": .rank(4), "IND2": .notApplicable, "MED1": .rank(2)])
        #expect(response.freeTexts == ["WELL": "Supportive team."])
    }

    @Test("a page with a problem is not saved and says which field is wrong")
    func pageProblems() throws {
        var draft = try Self.draft(profession: "student-nurse")
        #expect(throws: SurveyFormInvalid(problems: [
            FieldProblem(field: "IND1", message: "“Not applicable” is not an answer to this question."),
        ])) {
            try draft.saveTheme(0, answers: ["IND1": .notApplicable, "IND2": .rank(3)], questionnaire: Self.questionnaire,
                                today: Self.today)
        }
        #expect(draft.answers.answeredCount == 0)
        #expect(draft.currentPage == .theme(0))
    }

    @Test("changing profession clears answers the new profession is not asked")
    func changeProfession() throws {
        var draft = try Self.draft(profession: "student-nurse")
        try draft.saveTheme(0, answers: ["IND1": .rank(4), "NMW1": .rank(2)], questionnaire: Self.questionnaire, today: Self.today)
        try draft.savePlacement(PlacementEntry(SurveyFixtures.placementDetails(profession: "physiotherapy")),
                                questionnaire: Self.questionnaire, references: SurveyFixtures.references(), today: Self.today)
        #expect(Self.questionnaire.answersByCode(draft.answers) == ["IND1": .rank(4)])
    }

    @Test("an unfinished placement page can be kept for later, with only choices that exist")
    func placementForLater() throws {
        // setup
        var draft = SurveyDraft(questionnaire: Self.questionnaire, round: SurveyFixtures.round().code, today: Self.today)
        // MUT
        draft.savePlacementForLater(PlacementEntry(organisation: "RJ1", site: "NOT-A-SITE"),
                                    references: SurveyFixtures.references(), today: Self.today)
        // validate
        #expect(draft.placement == nil && draft.currentPage == .placement)
        #expect(draft.unfinishedPlacement == PlacementEntry(organisation: "RJ1"))
        try draft.savePlacement(PlacementEntry(SurveyFixtures.placementDetails(profession: "student-nurse")),
                                questionnaire: Self.questionnaire, references: SurveyFixtures.references(), today: Self.today)
        #expect(draft.unfinishedPlacement == nil && draft.currentPage == .theme(0))
    }

    @Test("theme pages wait for the placement page")
    func placementFirst() {
        var draft = SurveyDraft(questionnaire: Self.questionnaire, round: SurveyFixtures.round().code, today: Self.today)
        #expect(throws: SurveyFormInvalid.self) {
            try draft.saveTheme(0, answers: [:], questionnaire: Self.questionnaire, today: Self.today)
        }
    }

    @Test("a closed or not yet open round refuses politely")
    func closedRound() throws {
        let draft = try Self.draft(profession: "student-nurse")
        let refusal = #expect(throws: SurveySubmissionRefusal.roundClosed(closed: SurveyFixtures.day("2026-11-30"))) {
            try draft.submit(in: SurveyFixtures.round(), questionnaire: Self.questionnaire,
                             references: SurveyFixtures.references(), today: SurveyFixtures.day("2026-12-01"))
        }
        #expect(refusal?.description.contains("closed on 30 November 2026") == true)
        #expect(throws: SurveySubmissionRefusal.roundNotYetOpen(opens: SurveyFixtures.day("2026-09-01"))) {
            try draft.submit(in: SurveyFixtures.round(), questionnaire: Self.questionnaire,
                             references: SurveyFixtures.references(), today: SurveyFixtures.day("2026-08-01"))
        }
        #expect(draft.hasExpired(in: SurveyFixtures.round(), today: SurveyFixtures.day("2026-12-01")))
    }
}
