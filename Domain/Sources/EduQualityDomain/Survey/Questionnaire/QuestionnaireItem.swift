/// One scored question.
public struct QuestionnaireItem: Hashable, Sendable {
    /// Stable across versions so answers can be compared round to round.
    public let code: String
    public let text: String
    public let scale: AnswerScale
    /// Agreeing is the bad outcome (e.g. "I experienced discrimination"); scoring flips the rank.
    public let isReverseKeyed: Bool
    public let allowsNotApplicable: Bool
    /// Profession codes the item is shown to; nil means everyone (a core item).
    public let professions: [String]?

    public func isShown(to profession: String) -> Bool {
        professions?.contains(profession) ?? true
    }
}

/// An ordered answer scale: rank 1 is the first label, rank k the last (the best unless the item
/// is reverse-keyed).
public struct AnswerScale: Hashable, Sendable {
    public let code: String
    public let labels: [String]

    public var points: Int { labels.count }
    public func contains(rank: Int) -> Bool { rank >= 1 && rank <= labels.count }
    public func label(ofRank rank: Int) -> String? { contains(rank: rank) ? labels[rank - 1] : nil }

    static let allowedPoints = 2...11
}
