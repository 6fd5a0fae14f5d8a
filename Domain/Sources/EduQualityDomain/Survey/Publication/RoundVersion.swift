/// A frozen publication of a round's responses. Figures are drawn only from publications: the
/// reporting engine never shows a response until a publication includes it, so nobody can watch
/// figures move as single learners answer.
public struct RoundVersion: Hashable, Sendable {
    /// 1, 2, … within the round.
    public let number: Int
    public let madeOn: CalendarDay
    /// Responses this version added to the ones before it.
    public let responses: Int

    public init(number: Int, madeOn: CalendarDay, responses: Int) {
        self.number = number
        self.madeOn = madeOn
        self.responses = responses
    }
}
