/// Where a provider's self-assessment stands. A draft is saved as often as the provider likes;
/// submitting it is final for the provider. The regional team (or the national lead) then either
/// completes its review (reviewed: final for everyone) or returns it with a reason, and the
/// provider changes and submits it again.
public enum SelfAssessmentStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case draft, submitted, returned, reviewed

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Submitted"
        case .returned: "Returned to the provider"
        case .reviewed: "Reviewed"
        }
    }

    /// The statuses an assessment may move to from this one.
    public var next: Set<SelfAssessmentStatus> {
        switch self {
        case .draft, .returned: [.submitted]
        case .submitted: [.returned, .reviewed]
        case .reviewed: []
        }
    }

    /// The provider may change its ratings.
    public var isEditableByProvider: Bool { self == .draft || self == .returned }
}

/// How far an organisation has got with a year's assessment, for lists and the national view:
/// the status, or not started when it has none. `overdue` is separate: any not yet submitted
/// once the window has closed.
public enum SelfAssessmentProgress: String, CaseIterable, Codable, Sendable, Hashable {
    case notStarted = "not-started"
    case draft, returned, submitted, reviewed

    public init(_ status: SelfAssessmentStatus?) {
        switch status {
        case nil: self = .notStarted
        case .draft: self = .draft
        case .returned: self = .returned
        case .submitted: self = .submitted
        case .reviewed: self = .reviewed
        }
    }

    public var displayName: String {
        switch self {
        case .notStarted: "Not started"
        case .draft: "Draft"
        case .returned: "Returned to the provider"
        case .submitted: "Submitted, awaiting review"
        case .reviewed: "Reviewed"
        }
    }

    public var isSubmitted: Bool { self == .submitted || self == .reviewed }

    /// Not submitted although the window has closed.
    public func isOverdue(_ window: SelfAssessmentWindow, on today: CalendarDay) -> Bool {
        !isSubmitted && window.state(on: today) == .closed
    }
}
