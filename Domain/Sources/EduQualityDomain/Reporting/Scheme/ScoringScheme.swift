/// The themes and items a round's responses are scored with, and the minimum-items rule. The
/// survey model owns questionnaires; this is the reporting engine's own minimal view of them.
public struct ScoringScheme: Sendable, Hashable, Codable {
    public let themes: [Theme]
    public let minimumScoredItems: MinimumScoredItems

    public init(themes: [Theme], minimumScoredItems: MinimumScoredItems = .halfRoundedUp) throws(ScoringSchemeError) {
        var itemCodes = Set<String>(), themeCodes = Set<String>()
        for theme in themes {
            guard themeCodes.insert(theme.code).inserted else { throw .duplicateTheme(theme.code) }
            guard !theme.items.isEmpty else { throw .emptyTheme(theme.code) }
            // Per-respondent answer counts per theme are stored as bytes.
            guard theme.items.count <= 255 else { throw .tooManyItems(theme.code) }
            for item in theme.items {
                guard itemCodes.insert(item.code).inserted else { throw .duplicateItem(item.code) }
                // Ranks are stored as bytes with 0 and 255 reserved (unanswered, not applicable).
                guard (2...254).contains(item.scalePoints) else { throw .invalidScale(item: item.code, points: item.scalePoints) }
            }
        }
        self.themes = themes
        self.minimumScoredItems = minimumScoredItems
    }

    /// All items in theme order; an item's position here is its column in the store.
    public var items: [ScoredItem] { themes.flatMap(\.items) }

    /// The respondent's score for a theme: the mean of their scored items among those shown to
    /// their profession, or nil when fewer than the minimum (default ⌈m/2⌉) were scored.
    public func respondentScore(theme: Theme, profession: String, answers: [String: Answer]) -> Double? {
        let shown = theme.items(shownTo: profession)
        guard !shown.isEmpty else { return nil }
        let scores = shown.compactMap { item in item.score(answers[item.code] ?? .unanswered) }
        guard scores.count >= minimumScoredItems.required(outOf: shown.count) else { return nil }
        return scores.reduce(0, +) / Double(scores.count)
    }
}

public enum ScoringSchemeError: Error, Equatable, Sendable {
    case duplicateTheme(String)
    case duplicateItem(String)
    case emptyTheme(String)
    case tooManyItems(String)
    case invalidScale(item: String, points: Int)
}
