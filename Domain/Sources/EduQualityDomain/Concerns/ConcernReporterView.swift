/// What the reporter sees of their concern, by receipt code or account. Built from its own narrow
/// types so internal notes, assignees, labels, handler identities, handling bodies and the
/// handlers' reasons for escalating or transferring cannot leak into it by accident.
public struct ConcernReporterView: Hashable, Sendable {
    public let reference: ConcernReference
    public let submittedOn: CalendarDay
    public let howRaised: HowRaised
    public let category: ConcernCategory
    public let whatHappened: String
    public let desiredOutcome: String?
    public let status: ConcernStatus
    public let pathway: EscalationPathway
    /// When the reporter can expect an outcome at the current pathway.
    public let respondBy: CalendarDay
    public let canEscalate: Bool
    /// The reporter may escalate now if they say why this pathway is not appropriate.
    public let canEscalateWithReason: Bool
    public let canGiveFeedback: Bool
    /// Set when the region's quality team handles the current pathway in place of the body the
    /// concern was sent to, which has no one to handle it: the learner is told who has it and why.
    public let standIn: StandIn?
    public let entries: [Entry]

    public struct StandIn: Hashable, Sendable {
        /// The region's code; the page names the team from reference data.
        public let region: String
        public let explanation: String
    }

    public struct Entry: Hashable, Sendable {
        public let day: CalendarDay
        public let kind: Kind
    }

    public enum Kind: Hashable, Sendable {
        case received(pathway: EscalationPathway)
        case acknowledged
        case workStarted
        case outcome(String)
        case reopened
        case closed
        case escalated(to: EscalationPathway, byYou: Bool)
        /// Follows `received` or `escalated` when the region's quality team stood in.
        case sentToRegionalTeam(StandIn)
        /// Passed to another team on the same pathway; which team is the handlers' business.
        case passedToAnotherTeam
        /// From "the team handling your concern": never a handler's name.
        case messageFromHandlers(String)
        case yourMessage(String)
        case yourFeedback(rating: Int, comment: String?)
        case youConsentedToShareYourName
    }
}

extension Concern {
    /// The reporter's view on `today` (which decides whether they may escalate yet).
    public func reporterView(on today: CalendarDay) -> ConcernReporterView {
        let entries: [ConcernReporterView.Entry] = timeline.flatMap { entry in
            let kind: ConcernReporterView.Kind? = switch entry.kind {
            case .received(let stage, _): .received(pathway: stage.pathway)
            case .acknowledged: .acknowledged
            case .workStarted: .workStarted
            case .resolved(let outcome): .outcome(outcome)
            case .reopened: .reopened
            case .closed: .closed
            case .escalated(let stage, _, let by, _, _): .escalated(to: stage.pathway, byYou: by == .reporter)
            case .transferred: .passedToAnotherTeam
            case .messageToReporter(let text): .messageFromHandlers(text)
            case .messageFromReporter(let text): .yourMessage(text)
            case .feedback(let rating, let comment): .yourFeedback(rating: rating, comment: comment)
            case .nameSharingConsentGiven: .youConsentedToShareYourName
            case .internalNote, .assigned, .labelAdded, .labelRemoved: nil
            }
            let standIn: ConcernReporterView.Kind? = switch entry.kind {
            case .received(let stage, _), .escalated(let stage, _, _, _, _): Self.standIn(stage).map { .sentToRegionalTeam($0) }
            default: nil
            }
            return [kind, standIn].compactMap { $0 }.map { ConcernReporterView.Entry(day: entry.day, kind: $0) }
        }
        return ConcernReporterView(
            reference: reference, submittedOn: submittedOn, howRaised: howRaised, category: category,
            whatHappened: submission.whatHappened, desiredOutcome: submission.desiredOutcome,
            status: status, pathway: pathway, respondBy: currentStage.respondBy,
            canEscalate: reporterMayEscalate(on: today),
            canEscalateWithReason: reporterMayEscalateWithReason,
            canGiveFeedback: ConcernEvent.recordFeedback.isAllowed(from: status),
            standIn: Self.standIn(currentStage), entries: entries)
    }

    private static func standIn(_ stage: ConcernStage) -> ConcernReporterView.StandIn? {
        guard let rerouting = stage.rerouting, case .region(let region) = stage.handlingBody else { return nil }
        return ConcernReporterView.StandIn(region: region, explanation: rerouting.explanation)
    }

    /// Whether `escalate(by: .reporter, …)` would be accepted on `today` without a reason (an
    /// education provider may still have to be named for pathway 2).
    public func reporterMayEscalate(on today: CalendarDay) -> Bool {
        reporterMayEscalateWithReason && (status == .resolved || today > currentStage.respondBy)
    }

    /// Whether it would be accepted with a reason (the pathway is not appropriate): any time
    /// until the case is closed, while there is a further pathway.
    public var reporterMayEscalateWithReason: Bool {
        ConcernEvent.escalate.isAllowed(from: status) && pathway.next != nil
    }
}
