/// Why a finished survey could not be accepted, worded for the learner.
public enum SurveySubmissionRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case roundNotYetOpen(opens: CalendarDay)
    case roundClosed(closed: CalendarDay)
    case roundWithoutQuestionnaire
    case questionnaireChanged
    case placementMissing
    case invalid(SurveyFormInvalid)

    public var description: String {
        switch self {
        case .roundNotYetOpen(let opens):
            "This survey opens on \(opens.longDescription). Please come back then; thank you for your interest."
        case .roundClosed(let closed):
            "This survey closed on \(closed.longDescription), so we can no longer accept answers. Thank you for taking the time."
        case .roundWithoutQuestionnaire:
            "This survey is not ready yet. Please try again later."
        case .questionnaireChanged:
            "This survey has changed since you started it. Please start again."
        case .placementMissing:
            "Please tell us about your placement first."
        case .invalid(let invalid):
            "Some answers need attention:\n\(invalid)"
        }
    }
}

extension SurveyRound {
    /// The questionnaire version this round takes answers to on `today`, or why it takes none.
    public func versionTakingAnswers(on today: CalendarDay) throws(SurveySubmissionRefusal) -> String {
        switch state(on: today) {
        case .upcoming: throw .roundNotYetOpen(opens: opens)
        case .closed: throw .roundClosed(closed: closes)
        case .open: break
        }
        guard let attached = questionnaireVersion else { throw .roundWithoutQuestionnaire }
        return attached
    }
}
