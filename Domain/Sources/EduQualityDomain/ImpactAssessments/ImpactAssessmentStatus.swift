/// Where an impact assessment stands: draft → submitted → under review → decided; the submitter
/// may withdraw it at any point before the decision.
public enum ImpactAssessmentStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case draft
    case submitted
    case underReview = "under-review"
    case decided
    case withdrawn

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Submitted"
        case .underReview: "Under review"
        case .decided: "Decided"
        case .withdrawn: "Withdrawn"
        }
    }

    public enum Event: String, CaseIterable, Sendable {
        case submit
        case startReview = "start-review"
        case decide, withdraw
    }

    /// Where `event` leads from here (nil: not allowed).
    public func after(_ event: Event) -> ImpactAssessmentStatus? {
        switch (self, event) {
        case (.draft, .submit): .submitted
        case (.submitted, .startReview): .underReview
        case (.underReview, .decide): .decided
        case (.draft, .withdraw), (.submitted, .withdraw), (.underReview, .withdraw): .withdrawn
        default: nil
        }
    }

    /// The team and the submitter may exchange comments once it is submitted, until it is
    /// withdrawn (after a decision, about its conditions).
    public var takesComments: Bool { self == .submitted || self == .underReview || self == .decided }
}

/// The quality team's decision.
public enum ImpactDecisionOutcome: String, CaseIterable, Codable, Sendable, Hashable {
    case supported
    case supportedWithConditions = "supported-with-conditions"
    case notSupported = "not-supported"

    public var displayName: String {
        switch self {
        case .supported: "Supported"
        case .supportedWithConditions: "Supported with conditions"
        case .notSupported: "Not supported"
        }
    }
}
