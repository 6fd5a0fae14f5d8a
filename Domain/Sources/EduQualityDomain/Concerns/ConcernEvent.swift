import Foundation

/// Every kind of change a concern can undergo after it is received. The legality table lives
/// here, in one place, and both the change methods and `Concern.restore` check it.
public enum ConcernEvent: String, CaseIterable, Sendable, Hashable {
    case acknowledge
    case startWork = "start-work"
    case resolve
    case reopen
    case close
    case escalate
    case transfer
    case messageReporter = "message-reporter"
    case receiveReporterMessage = "receive-reporter-message"
    case addInternalNote = "add-internal-note"
    case assign
    case addLabel = "add-label"
    case removeLabel = "remove-label"
    case recordFeedback = "record-feedback"
    case grantNameSharingConsent = "grant-name-sharing-consent"

    /// Whether the event may happen to a case in `status`. Further conditions (who escalates and
    /// when, the last pathway, text limits) are checked by the change methods.
    public func isAllowed(from status: ConcernStatus) -> Bool {
        switch (self, status) {
        // A closed case is a final record: only the reporter's feedback can still arrive.
        case (.recordFeedback, .resolved), (.recordFeedback, .closed): true
        case (_, .closed), (.recordFeedback, _): false

        case (.acknowledge, let s): s.awaitsAcknowledgement
        case (.startWork, let s): s == .acknowledged
        case (.resolve, let s): s == .acknowledged || s == .inProgress
        case (.reopen, let s), (.close, let s): s == .resolved
        // A resolved case goes back to work (reopen) before it moves to another body.
        case (.transfer, let s): s != .resolved
        case (.escalate, _), (.messageReporter, _), (.receiveReporterMessage, _), (.addInternalNote, _),
             (.assign, _), (.addLabel, _), (.removeLabel, _), (.grantNameSharingConsent, _): true
        }
    }

    /// What the handler must be allowed on the case's queue (`Authorization.isAllowed(actor,
    /// requiredAction, .caseQueue(concern.handlingBody))`). Day-to-day work is `workOnConcern`;
    /// what decides the case's course is `decideConcern`. Nil for the reporter's own events, which
    /// are authorised by the receipt code or the linked account instead.
    public var requiredHandlerAction: Action? {
        switch self {
        case .acknowledge, .startWork, .messageReporter, .addInternalNote, .assign, .addLabel, .removeLabel:
            .workOnConcern
        case .resolve, .reopen, .close, .escalate, .transfer:
            .decideConcern
        case .receiveReporterMessage, .recordFeedback, .grantNameSharingConsent:
            nil
        }
    }
}

/// Why a change to a concern was refused.
public enum ConcernChangeError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAllowed(ConcernEvent, from: ConcernStatus)
    case noFurtherPathway
    /// The reporter may escalate an unresolved case only after its response date.
    case reporterMayNotEscalateYet(respondBy: CalendarDay)
    /// Escalation to pathway 2 needs the education provider, and none is known.
    case educationProviderUnknown
    case sameHandlingBody
    /// Transfers stay on the pathway: pathway 1 to an organisation or its guardians, pathway 2 to
    /// an organisation as a whole, pathway 3 to a region.
    case handlingBodyNotOnPathway(EscalationPathway)
    case emptyText
    case textTooLong(limit: Int)
    case invalidLabel
    case ratingOutOfRange
    /// Assigning to the current assignee, adding a label already there, removing one that is not.
    case unchanged
    /// Only a confidential reporter's name is withheld, so only they can consent to share it.
    case notConfidential
    /// A stored timeline that does not replay (see `Concern.restore`).
    case corruptTimeline(sequence: Int)

    public var description: String {
        switch self {
        case .notAllowed(let event, let status):
            "A case that is \(status.displayName.lowercased()) cannot \(event.rawValue.replacingOccurrences(of: "-", with: " "))."
        case .noFurtherPathway: "The case is already at pathway 3, the last pathway."
        case .reporterMayNotEscalateYet(let day):
            "You can escalate if there is no outcome by \(day.iso), or once there is an outcome you are not satisfied with; "
                + "or now, if this pathway is not appropriate for your concern: say why."
        case .educationProviderUnknown: "Say who your education provider is, so the concern can go to them."
        case .sameHandlingBody: "The case is already with that team."
        case .handlingBodyNotOnPathway(let pathway): "That team does not handle concerns at pathway \(pathway.rawValue)."
        case .emptyText: "Write something first."
        case .textTooLong(let limit): "Keep it to \(limit) characters or fewer."
        case .invalidLabel: "A label is 1 to \(Concern.maxLabelLength) characters on one line."
        case .ratingOutOfRange: "Choose a rating from 1 to 5."
        case .unchanged: "Nothing to change."
        case .notConfidential: "Only a confidential concern has a name to share."
        case .corruptTimeline(let sequence): "The stored timeline does not replay at entry \(sequence)."
        }
    }
}
