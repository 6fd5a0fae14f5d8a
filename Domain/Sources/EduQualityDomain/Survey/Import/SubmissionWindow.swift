/// Which `submitted_on` days an import accepts for a round. A response cannot predate the
/// round's opening (its questionnaire was not out yet) and cannot be in the future. By default
/// it must fall within the round's dates; paper returns keyed in late may be dated a few days
/// after closing, so an administrator can allow grace days.
public struct SubmissionWindow: Hashable, Sendable {
    public var graceDaysAfterClosing: Int

    public init(graceDaysAfterClosing: Int) { self.graceDaysAfterClosing = max(0, graceDaysAfterClosing) }

    public static let roundDates = SubmissionWindow(graceDaysAfterClosing: 0)

    public func lastDay(of round: SurveyRound) -> CalendarDay { round.closes.adding(days: graceDaysAfterClosing) }
}
