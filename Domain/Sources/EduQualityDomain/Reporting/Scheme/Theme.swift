/// A reporting indicator: a theme of the questionnaire (induction, clinical supervision, …) whose
/// items are averaged into one respondent score.
public struct Theme: Sendable, Hashable, Codable {
    public let code: String
    public let items: [ScoredItem]

    public init(code: String, items: [ScoredItem]) {
        self.code = code
        self.items = items
    }

    /// The theme's items shown to a profession: the m of the ⌈m/2⌉ rule.
    public func items(shownTo profession: String) -> [ScoredItem] {
        items.filter { $0.isShown(to: profession) }
    }
}

/// How many of a theme's m shown items must be scored for a respondent to get a theme score:
/// ⌈m · numerator / denominator⌉, at least 1. Default one half, i.e. ⌈m/2⌉.
public struct MinimumScoredItems: Sendable, Hashable, Codable {
    public let numerator: Int
    public let denominator: Int

    public static let halfRoundedUp = MinimumScoredItems(numerator: 1, denominator: 2)

    public init(numerator: Int, denominator: Int) {
        precondition(denominator > 0 && numerator >= 0 && numerator <= denominator,
                     "the minimum is a fraction between 0 and 1")
        self.numerator = numerator
        self.denominator = denominator
    }

    public func required(outOf m: Int) -> Int {
        max(1, (m * numerator + denominator - 1) / denominator)
    }
}
