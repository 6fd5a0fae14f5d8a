/// One scored question of the learner survey, as the reporting engine needs it: an ordered scale
/// of k points, possibly reverse-keyed (where rank 1 is the good answer), possibly allowing "not
/// applicable", and possibly shown only to some professions (a profession-specific branch).
public struct ScoredItem: Sendable, Hashable, Codable {
    public let code: String
    public let scalePoints: Int
    public let isReverseKeyed: Bool
    public let allowsNotApplicable: Bool
    /// Profession codes the item is shown to; nil means every profession.
    public let professions: Set<String>?

    public init(code: String, scalePoints: Int = 5, isReverseKeyed: Bool = false,
                allowsNotApplicable: Bool = false, professions: Set<String>? = nil) {
        self.code = code
        self.scalePoints = scalePoints
        self.isReverseKeyed = isReverseKeyed
        self.allowsNotApplicable = allowsNotApplicable
        self.professions = professions
    }

    public func isShown(to profession: String) -> Bool {
        professions?.contains(profession) ?? true
    }

    /// The rank after reverse keying: k is always the best answer.
    func keyedRank(_ rank: Int) -> Int {
        isReverseKeyed ? scalePoints + 1 - rank : rank
    }

    /// Item score 0–100: 100·(r−1)/(k−1), or 100·(k−r)/(k−1) for reverse-keyed items; nil for
    /// "not applicable" and unanswered, which are excluded from every score.
    public func score(_ answer: Answer) -> Double? {
        guard case .rank(let rank) = answer else { return nil }
        return 100 * Double(keyedRank(rank) - 1) / Double(scalePoints - 1)
    }

    /// Whether a rank is one of the top two after reverse keying (the "% positive" answers).
    public func isPositive(rank: Int) -> Bool {
        keyedRank(rank) >= scalePoints - 1
    }
}

/// A learner's answer to one item.
public enum Answer: Sendable, Hashable, Codable {
    case rank(Int)
    case notApplicable
    case unanswered
}
