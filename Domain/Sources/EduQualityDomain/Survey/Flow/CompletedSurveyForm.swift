/// A whole survey sent at once, as a form sends it: the last step of the web survey, or any
/// client that posts every field in one request. Every page's rules apply together and every
/// problem is reported, so one request is checked exactly as the pages are one by one.
public struct CompletedSurveyForm: Hashable, Sendable {
    public var placement: PlacementEntry
    /// Item code → the radio button's value (`1`…`k`, `NA`, or empty for no answer).
    public var answers: [String: String]
    /// Free-text code → text; blank answers are dropped.
    public var freeTexts: [String: String]

    public init(placement: PlacementEntry, answers: [String: String] = [:], freeTexts: [String: String] = [:]) {
        self.placement = placement
        self.answers = answers
        self.freeTexts = freeTexts
    }

    /// The response, dated `today`, if the round is open on that day and every answer is valid.
    public func submit(in round: SurveyRound, questionnaire: Questionnaire, references: SurveyReferenceCodes,
                       today: CalendarDay) throws(SurveySubmissionRefusal) -> SurveyResponse {
        guard try round.versionTakingAnswers(on: today) == questionnaire.version else { throw .questionnaireChanged }

        var problems: [FieldProblem] = []
        var placement: PlacementDetails?
        switch questionnaire.validatePlacement(self.placement, round: round.code, references: references) {
        case .success(let valid): placement = valid
        case .failure(let invalid): problems += invalid.problems
        }
        let (entered, unreadable) = questionnaire.answers(fromForm: answers)
        problems += unreadable
        var sheet = AnswerSheet(for: questionnaire)
        for (code, answer) in entered {
            if let index = questionnaire.itemIndex(of: code) { sheet[index] = answer }
        }
        if let placement { problems += questionnaire.problems(in: sheet, profession: placement.profession) }
        let texts = freeTexts.filter { !$0.value.allSatisfy(\.isWhitespace) }
        problems += questionnaire.problems(inFreeTexts: texts)
        guard problems.isEmpty, let placement else { throw .invalid(SurveyFormInvalid(problems: problems)) }
        return SurveyResponse(placement: placement, answers: sheet, freeTexts: texts, submittedOn: today)
    }
}

extension Questionnaire {
    /// Reads radio-button values keyed by item code. Values that are no answer at all, and codes
    /// of no item, come back as problems.
    public func answers(fromForm values: [String: String]) -> (answers: [String: SurveyAnswer], problems: [FieldProblem]) {
        var answers: [String: SurveyAnswer] = [:]
        var problems: [FieldProblem] = []
        for (code, value) in values.sorted(by: { (itemIndex(of: $0.key) ?? .max, $0.key) < (itemIndex(of: $1.key) ?? .max, $1.key) }) {
            guard let item = item(code) else {
                problems.append(FieldProblem(field: code, message: "There is no such question in this survey."))
                continue
            }
            guard let answer = SurveyAnswer(formValue: value) else {
                problems.append(FieldProblem(field: code, message:
                    "Choose one of the \(item.scale.points) answers, or leave the question blank."))
                continue
            }
            if answer != .unanswered { answers[code] = answer }
        }
        return (answers, problems)
    }
}
