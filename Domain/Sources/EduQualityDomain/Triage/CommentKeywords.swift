/// Configurable word lists that pre-flag free-text comments for the triage queue: each list has
/// a name (`patient-safety`, `bullying`…) and a weight; a comment's score is the sum of the
/// weights of the lists it matches, and the queue shows higher scores first. Matching is on
/// whole words or phrases, ignoring case, so "harm" does not match "pharmacy".
public struct CommentKeywords: Sendable, Hashable, Codable {
    public struct List: Sendable, Hashable, Codable {
        public let name: String
        public let weight: Int
        public let terms: [String]

        public init(name: String, weight: Int, terms: [String]) {
            self.name = name
            self.weight = weight
            self.terms = terms
        }
    }

    public let lists: [List]
    /// Each list's terms as lower-case words, worked out once: every survey comment is matched.
    private let normalised: [[[String]]]

    public init(lists: [List]) {
        self.lists = lists
        self.normalised = lists.map { $0.terms.map(Self.words).filter { !$0.isEmpty } }
    }

    private enum CodingKeys: String, CodingKey { case lists }

    public init(from decoder: any Decoder) throws {
        self.init(lists: try decoder.container(keyedBy: CodingKeys.self).decode([List].self, forKey: .lists))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lists, forKey: .lists)
    }

    public struct Match: Sendable, Hashable {
        public let score: Int
        /// The names of the lists that matched, in list order.
        public let lists: [String]
    }

    public func match(_ text: String) -> Match {
        let words = Self.words(text)
        guard !words.isEmpty else { return Match(score: 0, lists: []) }
        let present = Set(words)
        var score = 0
        var matched: [String] = []
        for (list, terms) in zip(lists, normalised) {
            let hit = terms.contains { term in
                guard present.contains(term[0]) else { return false }
                return term.count == 1 || Self.contains(words, phrase: term)
            }
            if hit {
                score += list.weight
                matched.append(list.name)
            }
        }
        return Match(score: score, lists: matched)
    }

    private static func contains(_ words: [String], phrase: [String]) -> Bool {
        guard words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if Array(words[start..<start + phrase.count]) == phrase { return true }
        }
        return false
    }

    /// Lower-case words of letters and digits; everything else separates words.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }
}

/// Where a triaged comment ended: nothing to do, shared with the provider, or an immediate
/// serious risk (shared at once and opened as a concern).
public enum CommentTriageOutcome: String, CaseIterable, Sendable, Codable {
    case untriaged
    case noAction = "no-action"
    case shareWithProvider = "share-with-provider"
    case immediateSeriousRisk = "immediate-serious-risk"

    public var displayName: String {
        switch self {
        case .untriaged: "Not yet triaged"
        case .noAction: "No action"
        case .shareWithProvider: "Share with provider"
        case .immediateSeriousRisk: "Immediate serious risk"
        }
    }

    /// A comment is triaged once; an outcome cannot be changed back to untriaged.
    public func mayChange(to next: CommentTriageOutcome) -> Bool {
        self == .untriaged && next != .untriaged
    }
}

/// A comment judged an immediate serious risk becomes a concern at the placement provider
/// (pathway 1). Its category follows what the comment was about.
public enum CommentEscalation {
    public static func category(freeTextKind: String, keywordLists: [String]) -> ConcernCategory {
        if freeTextKind == FreeTextKind.patientSafety.rawValue || keywordLists.contains("patient-safety") { return .patientSafety }
        if keywordLists.contains("sexual-safety") { return .sexualSafety }
        if keywordLists.contains("bullying-undermining") { return .bullyingHarassmentUndermining }
        return .other
    }

    /// Comments older than this many days are shown as waiting long in the triage queue.
    public static let weeklyTriageDays = 7

    /// Age bands for the queue's counts: this week, this month, older.
    public static func ageBand(submittedOn: CalendarDay, today: CalendarDay) -> String {
        let days = submittedOn.days(to: today)
        return days <= weeklyTriageDays ? "up to a week" : days <= 30 ? "8 to 30 days" : "over 30 days"
    }
}
