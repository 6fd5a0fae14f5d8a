/// A submitted response. It holds no account, address, device or time of day: only the day it
/// was submitted, which is as fine as anonymity allows.
public struct SurveyResponse: Hashable, Sendable {
    /// The source system's id for imported responses (unique within a round); nil when taken
    /// online.
    public var responseID: String?
    public var placement: PlacementDetails
    public var answers: AnswerSheet
    /// Free-text code → text; only questions answered are present.
    public var freeTexts: [String: String]
    public var submittedOn: CalendarDay

    public init(responseID: String? = nil, placement: PlacementDetails, answers: AnswerSheet,
                freeTexts: [String: String] = [:], submittedOn: CalendarDay) {
        self.responseID = responseID
        self.placement = placement
        self.answers = answers
        self.freeTexts = freeTexts
        self.submittedOn = submittedOn
    }
}
