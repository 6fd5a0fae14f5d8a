/// A frozen cut of a round's responses. Figures are drawn only from versions: the reporting
/// engine never shows a response until a version includes it, so nobody can watch figures move
/// as single learners answer. Quality staff see interim versions of a round that is not yet
/// published (at most one a day); everyone sees its publications.
public struct RoundVersion: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case interim
        case publication
    }

    /// 1, 2, … within the round.
    public let number: Int
    public let kind: Kind
    public let madeOn: CalendarDay
    /// Responses this version added to the ones before it.
    public let responses: Int

    public init(number: Int, kind: Kind, madeOn: CalendarDay, responses: Int) {
        self.number = number
        self.kind = kind
        self.madeOn = madeOn
        self.responses = responses
    }
}
