/// A survey in progress, saved page by page. The web layer stores it under a resume code (a
/// hash of it, ideally) and throws it away on submission or when the round closes.
public struct SurveyDraft: Hashable, Sendable {
    public let round: SurveyRoundCode
    public let questionnaireVersion: String
    public private(set) var placement: PlacementDetails?
    /// The placement page as far as it was filled in when "Save and come back later" was chosen
    /// before it was complete: only choices that exist, shown again on resume.
    public private(set) var unfinishedPlacement: PlacementEntry?
    public private(set) var answers: AnswerSheet
    public private(set) var freeTexts: [String: String]
    /// The page to show next; on resume the learner lands here.
    public private(set) var currentPage: SurveyPage
    /// A day, like a response's submission date: enough to expire drafts, too coarse to identify.
    public private(set) var lastSavedOn: CalendarDay

    public init(questionnaire: Questionnaire, round: SurveyRoundCode, today: CalendarDay) {
        self.round = round
        self.questionnaireVersion = questionnaire.version
        self.placement = nil
        self.unfinishedPlacement = nil
        self.answers = AnswerSheet(for: questionnaire)
        self.freeTexts = [:]
        self.currentPage = .placement
        self.lastSavedOn = today
    }

    public func flow(in questionnaire: Questionnaire) -> SurveyPageFlow {
        SurveyPageFlow(questionnaire: questionnaire, profession: placement?.profession)
    }

    /// Saves the placement page and moves on. Changing profession clears answers to items the
    /// new profession is not asked.
    public mutating func savePlacement(_ entry: PlacementEntry, questionnaire: Questionnaire,
                                       references: SurveyReferenceCodes,
                                       today: CalendarDay) throws(SurveyFormInvalid) {
        let details: PlacementDetails
        switch questionnaire.validatePlacement(entry, round: round, references: references) {
        case .success(let valid): details = valid
        case .failure(let invalid): throw invalid
        }
        for (index, item) in questionnaire.items.enumerated() where !item.isShown(to: details.profession) {
            answers[index] = .unanswered
        }
        placement = details
        unfinishedPlacement = nil
        advance(from: .placement, questionnaire: questionnaire, today: today)
    }

    /// Keeps an unfinished placement page for later, before the first complete save: the draft
    /// stays on page 1, and answers naming no known choice are left out.
    public mutating func savePlacementForLater(_ entry: PlacementEntry, references: SurveyReferenceCodes, today: CalendarDay) {
        guard placement == nil else { return }
        var kept = PlacementEntry()
        for field in PlacementField.allCases {
            if let value = entry[field], references.contains(value, in: field) { kept[field] = value }
        }
        unfinishedPlacement = kept
        lastSavedOn = today
    }

    /// Saves one theme page (answers keyed by item code; codes of other themes are ignored).
    public mutating func saveTheme(_ themeIndex: Int, answers entered: [String: SurveyAnswer],
                                   questionnaire: Questionnaire, today: CalendarDay) throws(SurveyFormInvalid) {
        guard let placement else { throw SurveyFormInvalid(problems: [Self.placementFirst]) }
        let range = questionnaire.itemIndices(ofTheme: themeIndex)
        var updated = answers
        for index in range { updated[index] = entered[questionnaire.items[index].code] ?? .unanswered }
        let problems = questionnaire.problems(in: updated, profession: placement.profession, itemRange: range)
        guard problems.isEmpty else { throw SurveyFormInvalid(problems: problems) }
        answers = updated
        advance(from: .theme(themeIndex), questionnaire: questionnaire, today: today)
    }

    /// Saves the free-text page; blank answers are dropped.
    public mutating func saveComments(_ entered: [String: String], questionnaire: Questionnaire,
                                      today: CalendarDay) throws(SurveyFormInvalid) {
        let texts = entered.filter { !$0.value.allSatisfy(\.isWhitespace) }
        let problems = questionnaire.problems(inFreeTexts: texts)
        guard problems.isEmpty else { throw SurveyFormInvalid(problems: problems) }
        freeTexts = texts
        lastSavedOn = today
    }

    /// Moves to another page already reachable (the back link, or a page number on resume).
    public mutating func go(to page: SurveyPage, questionnaire: Questionnaire) {
        if flow(in: questionnaire).pages.contains(page) { currentPage = page }
    }

    /// Turns the draft into a response dated `today`, if the round accepts it.
    public func submit(in round: SurveyRound, questionnaire: Questionnaire, references: SurveyReferenceCodes,
                       today: CalendarDay) throws(SurveySubmissionRefusal) -> SurveyResponse {
        guard try round.versionTakingAnswers(on: today) == questionnaireVersion, questionnaire.version == questionnaireVersion,
              round.code == self.round else { throw .questionnaireChanged }
        guard let placement else { throw .placementMissing }
        let response = SurveyResponse(placement: placement, answers: answers, freeTexts: freeTexts, submittedOn: today)
        let problems = questionnaire.problems(in: response, references: references)
        guard problems.isEmpty else { throw .invalid(SurveyFormInvalid(problems: problems)) }
        return response
    }

    /// A draft is no use once its round has closed.
    public func hasExpired(in round: SurveyRound, today: CalendarDay) -> Bool {
        round.state(on: today) == .closed
    }

    private mutating func advance(from page: SurveyPage, questionnaire: Questionnaire, today: CalendarDay) {
        currentPage = flow(in: questionnaire).page(after: page) ?? page
        lastSavedOn = today
    }

    static let placementFirst = FieldProblem(field: PlacementField.profession.rawValue,
                                             message: "Please tell us about your placement first.")
}

/// The web layer stores drafts encoded; every stored field is part of the encoding, and nothing
/// else (no time of day, no device).
extension SurveyDraft: Codable {}

extension SurveyDraft {
    /// Whether a stored draft still belongs to `questionnaire`: same version, one answer slot per
    /// item, and a page that version has. A draft that does not fit cannot be resumed.
    public func fits(_ questionnaire: Questionnaire) -> Bool {
        questionnaireVersion == questionnaire.version && answers.count == questionnaire.items.count
            && flow(in: questionnaire).pages.contains(currentPage)
    }
}
