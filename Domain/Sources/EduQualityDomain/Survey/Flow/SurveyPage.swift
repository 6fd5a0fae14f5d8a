/// One page of the survey form: the placement questions first, one page per theme, then the
/// free-text questions.
public enum SurveyPage: Hashable, Sendable {
    case placement
    /// The theme's index in `Questionnaire.themes`.
    case theme(Int)
    case comments
}

/// "Page 2 of 7", for the progress indicator.
public struct SurveyProgress: Hashable, Sendable, CustomStringConvertible {
    public let number: Int
    public let total: Int

    public var description: String { "Page \(number) of \(total)" }
}
