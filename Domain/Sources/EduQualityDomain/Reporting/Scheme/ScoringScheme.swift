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
        score(theme, profession: profession) { position in
            guard case .rank(let rank) = answers[theme.items[position].code] ?? .unanswered else { return nil }
            return rank
        }.score
    }

    /// The one scoring rule, used by `respondentScore` and by the store as it appends: the mean
    /// of the item scores (summed in item order, then divided) of the theme's items shown to the
    /// profession, and how many of those were scored and positive. `rank(i)` is the respondent's
    /// rank for the theme's i-th item, nil when unanswered or not applicable. No score when fewer
    /// than the minimum were scored.
    @inline(__always)
    func score(_ theme: Theme, profession: String, rank: (Int) -> Int?) -> ThemeScore {
        var shown = 0, scored = 0, positive = 0, sum = 0.0
        for (position, item) in theme.items.enumerated() where item.isShown(to: profession) {
            shown += 1
            guard let rank = rank(position), let score = item.score(.rank(rank)) else { continue }
            sum += score
            scored += 1
            if item.isPositive(rank: rank) { positive += 1 }
        }
        guard shown > 0, scored >= minimumScoredItems.required(outOf: shown) else {
            return ThemeScore(score: nil, positive: 0, scored: 0)
        }
        // Counts fit in bytes: a theme has at most 255 items (checked in `init`).
        return ThemeScore(score: sum / Double(scored), positive: UInt8(positive), scored: UInt8(scored))
    }
}

public enum ScoringSchemeError: Error, Equatable, Sendable {
    case duplicateTheme(String)
    case duplicateItem(String)
    case emptyTheme(String)
    case tooManyItems(String)
    case invalidScale(item: String, points: Int)
}
