/// A provider's rating of itself against one Quality Framework standard.
public enum SelfRating: String, CaseIterable, Codable, Sendable, Hashable {
    case meets
    case partlyMeets = "partly-meets"
    case doesNotMeet = "does-not-meet"

    public var displayName: String {
        switch self {
        case .meets: "Meets"
        case .partlyMeets: "Partly meets"
        case .doesNotMeet: "Does not meet"
        }
    }

    /// A standard not fully met needs the actions the provider will take.
    public var needsActions: Bool { self != .meets }
}

/// The regional team's view of a provider's rating of one standard: agreed, or challenged with
/// a note saying why.
public enum ReviewVerdict: String, CaseIterable, Codable, Sendable, Hashable {
    case agree, challenge

    public var displayName: String {
        switch self {
        case .agree: "Agreed"
        case .challenge: "Challenged"
        }
    }
}

/// One standard as the provider assessed it. Everything may be empty while the assessment is a draft.
public struct StandardSelfAssessment: Hashable, Sendable, Codable {
    public var rating: SelfRating?
    public var evidence: String
    public var actions: String

    public init(rating: SelfRating? = nil, evidence: String = "", actions: String = "") {
        self.rating = rating
        self.evidence = evidence
        self.actions = actions
    }

    public var isComplete: Bool {
        guard let rating, !evidence.isEmpty else { return false }
        return !rating.needsActions || !actions.isEmpty
    }
}

/// The regional team's review of one standard.
public struct StandardReview: Hashable, Sendable, Codable {
    public var verdict: ReviewVerdict
    public var note: String
    /// Who recorded it (a display name) and on which day.
    public var by: String
    public var on: CalendarDay

    public init(verdict: ReviewVerdict, note: String, by: String, on: CalendarDay) {
        self.verdict = verdict
        self.note = note
        self.by = by
        self.on = on
    }
}
