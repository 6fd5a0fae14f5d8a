/// Who made a timeline entry. Handler identities are for the handling body only.
public enum TimelineAuthor: Hashable, Sendable {
    case reporter
    case handler(userID: String)
    case system
}

/// Who asks for an escalation: the reporter (only in the conditions of `Concern.escalate`) or a
/// handler (any time before the case is closed).
public enum EscalationRequester: Hashable, Sendable {
    case reporter
    case handler(userID: String)

    var author: TimelineAuthor {
        switch self {
        case .reporter: .reporter
        case .handler(let id): .handler(userID: id)
        }
    }
}

/// One thing that happened to a concern. The timeline is append-only and travels with the case
/// through escalations and transfers.
public struct ConcernTimelineEntry: Hashable, Sendable {
    /// Position in the case's timeline, from 0.
    public let sequence: Int
    public let day: CalendarDay
    public let author: TimelineAuthor
    public let kind: Kind

    public init(sequence: Int, day: CalendarDay, author: TimelineAuthor, kind: Kind) {
        self.sequence = sequence
        self.day = day
        self.author = author
        self.kind = kind
    }

    public enum Kind: Hashable, Sendable {
        /// The first stage; `safetyFlagged` when it went to the regional quality team at once.
        case received(ConcernStage, safetyFlagged: Bool)
        case acknowledged
        case workStarted
        /// The outcome the handlers give when resolving; the reporter sees it.
        case resolved(outcome: String)
        case reopened
        case closed
        /// Starts `stage` at the next pathway. The reason is for the handlers only.
        case escalated(ConcernStage, from: EscalationPathway, by: EscalationRequester,
                       reason: String?, safetyFlagged: Bool)
        /// Starts `stage` at another body on the same pathway. The reason is for the handlers only.
        case transferred(ConcernStage, from: HandlingBody, reason: String)
        case messageToReporter(String)
        case messageFromReporter(String)
        /// Never shown to the reporter.
        case internalNote(String)
        case assigned(to: String?)
        case labelAdded(String)
        case labelRemoved(String)
        case feedback(rating: Int, comment: String?)
        case nameSharingConsentGiven

        /// Stable kebab-case name, for storage and the audit log.
        public var name: String {
            switch self {
            case .received: "received"
            case .acknowledged: "acknowledged"
            case .workStarted: "work-started"
            case .resolved: "resolved"
            case .reopened: "reopened"
            case .closed: "closed"
            case .escalated: "escalated"
            case .transferred: "transferred"
            case .messageToReporter: "message-to-reporter"
            case .messageFromReporter: "message-from-reporter"
            case .internalNote: "internal-note"
            case .assigned: "assigned"
            case .labelAdded: "label-added"
            case .labelRemoved: "label-removed"
            case .feedback: "feedback"
            case .nameSharingConsentGiven: "name-sharing-consent-given"
            }
        }
    }
}

/// What a state change hands back: the audit event for the hash-chained log and the timeline
/// entry it appended (already on the concern, returned so the store can insert just that row).
public struct ConcernChange: Equatable, Sendable {
    public let audit: AuditEvent
    public let entry: ConcernTimelineEntry
}
