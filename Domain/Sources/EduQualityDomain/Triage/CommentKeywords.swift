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

    public init(lists: [List]) { self.lists = lists }

    public struct Match: Sendable, Hashable {
        public let score: Int
        /// The names of the lists that matched, in list order.
        public let lists: [String]
    }

    public func match(_ text: String) -> Match {
        let words = Self.words(text)
        let joined = " " + words.joined(separator: " ") + " "
        var score = 0
        var matched: [String] = []
        for list in lists {
            let hit = list.terms.contains { term in
                let t = Self.words(term).joined(separator: " ")
                return !t.isEmpty && joined.contains(" \(t) ")
            }
            if hit {
                score += list.weight
                matched.append(list.name)
            }
        }
        return Match(score: score, lists: matched)
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
