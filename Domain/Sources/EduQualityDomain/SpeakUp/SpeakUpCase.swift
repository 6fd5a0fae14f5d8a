/// A case recorded by a Freedom to Speak Up guardian. Holds no name: the
/// guardian keeps the person's identity in their own confidential records, not here.
public struct SpeakUpCase: Hashable, Sendable {
    public let id: String
    public let raisedOn: CalendarDay
    public let organisation: String
    public let howRaised: HowRaised
    public let workerGroup: String
    /// At least one.
    public let themes: Set<SpeakUpTheme>
    public let detrimentReported: Bool
    public let outcome: String?
    public let speakUpAgain: SpeakUpAgain

    public init(id: String, raisedOn: CalendarDay, organisation: String, howRaised: HowRaised, workerGroup: String,
                themes: Set<SpeakUpTheme>, detrimentReported: Bool, outcome: String?, speakUpAgain: SpeakUpAgain) {
        self.id = id
        self.raisedOn = raisedOn
        self.organisation = organisation
        self.howRaised = howRaised
        self.workerGroup = workerGroup
        self.themes = themes
        self.detrimentReported = detrimentReported
        self.outcome = outcome
        self.speakUpAgain = speakUpAgain
    }

    public var financialQuarter: FinancialQuarter { FinancialQuarter(containing: raisedOn) }
}

/// The outcome is the guardian's free text about a person's concern: kept out of log lines.
extension SpeakUpCase: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "SpeakUpCase(\(id), \(organisation), \(financialQuarter.label), outcome redacted)" }
    public var debugDescription: String { description }
}
