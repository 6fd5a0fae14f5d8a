/// The three pathways a learner's concern takes, starting locally. A learner moves on when a
/// concern is not resolved at one pathway, or goes straight to a later one when an earlier one is
/// inappropriate for it.
public enum EscalationPathway: Int, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case placementProvider = 1
    case educationProvider = 2
    case regionalQualityTeam = 3

    /// The pathway an escalation moves to; nil at pathway 3, the last one.
    public var next: EscalationPathway? { EscalationPathway(rawValue: rawValue + 1) }

    public var title: String {
        switch self {
        case .placementProvider: "Pathway 1: your placement provider"
        case .educationProvider: "Pathway 2: your education provider or school"
        case .regionalQualityTeam: "Pathway 3: the regional quality team"
        }
    }

    public var whoHandles: String {
        switch self {
        case .placementProvider:
            "The organisation where you are on placement: your supervisor, the ward or department "
                + "manager, the education manager, the organisation's Freedom to Speak Up guardian, "
                + "or the guardian of safe working hours."
        case .educationProvider:
            "The university, school or programme responsible for your training: your link tutor, "
                + "head of school, director of medical education or training programme director."
        case .regionalQualityTeam:
            "The regional quality team for healthcare education, who can involve the postgraduate "
                + "dean or the regulator."
        }
    }

    public var guidance: String {
        switch self {
        case .placementProvider:
            "Start here for most concerns about your placement. The people closest to the problem "
                + "can usually put it right fastest."
        case .educationProvider:
            "Choose this if you raised the concern with your placement provider and it was not "
                + "resolved, or if raising it with the placement provider is not appropriate — for "
                + "example because the concern is about the people you would raise it with."
        case .regionalQualityTeam:
            "Choose this if your concern was not resolved by your placement or education provider, "
                + "if it is about the education provider itself, or if it is serious enough that "
                + "the regional quality team should know straight away."
        }
    }

    public static func < (a: EscalationPathway, b: EscalationPathway) -> Bool { a.rawValue < b.rawValue }
}

/// Fixed wording the form and the follow-up pages show around the pathways.
public enum RaisingGuidance {
    public static let goingStraightToALaterPathway =
        "You do not have to start at pathway 1. If raising your concern locally is not appropriate "
        + "— because it is about the people you would raise it with, because you fear detriment, or "
        + "because it has already been raised locally without result — choose a later pathway. "
        + "Nobody will send it back to you for skipping a step."

    public static let notASeriousIncidentReport =
        "This does not replace your organisation's local serious-incident reporting. If a patient "
        + "has been harmed or is at immediate risk, report it through the local incident system and "
        + "tell the person in charge now."

    public static let escalationRight =
        "If your concern is not resolved within the response time, or you are not satisfied with "
        + "the outcome, you can escalate it to the next pathway. It moves with its whole history."
}

/// Why a case moved to the next pathway (recorded in the audit trail).
public enum EscalationTrigger: String, Sendable, Hashable, CaseIterable {
    /// A handler sent it on.
    case handler
    /// The reporter: no outcome by the response date.
    case noOutcomeInTime = "no-outcome-in-time"
    /// The reporter: an outcome they are not satisfied with.
    case outcomeNotSatisfactory = "outcome-not-satisfactory"
    /// The reporter, at once, with a reason: this pathway is not appropriate for the concern.
    case pathwayNotAppropriate = "pathway-not-appropriate"
}
