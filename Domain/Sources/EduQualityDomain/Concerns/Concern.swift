/// A learner's concern: what they submitted, where it is in its lifecycle, which body has it and
/// at which pathway, and the whole timeline. State changes only through the methods in
/// `ConcernLifecycle.swift`, each of which checks the transition and returns the audit event and
/// timeline entry; a stored concern is rebuilt by replaying its timeline (`restore`).
public struct Concern: Hashable, Sendable {
    public let reference: ConcernReference
    public let submission: ConcernSubmission
    /// Day precision only, for every concern (an anonymous report must keep no more).
    public let submittedOn: CalendarDay

    public internal(set) var status: ConcernStatus = .received
    /// Never empty; the last is the current one.
    public internal(set) var stages: [ConcernStage] = []
    public internal(set) var timeline: [ConcernTimelineEntry] = []
    /// The handler's user ID; cleared when the case moves to another body.
    public internal(set) var assignee: String?
    public internal(set) var labels: Set<String> = []
    /// From the submission, or supplied when escalating to pathway 2.
    public internal(set) var educationProvider: String?
    /// Set when the case reached pathway 3 with a category that puts patients or learners at
    /// risk: from then on the regional quality team of the placement's region sees it, wherever
    /// the case is transferred.
    public internal(set) var safetyFlaggedOn: CalendarDay?
    public internal(set) var nameSharingConsent = false

    public var currentStage: ConcernStage { stages[stages.count - 1] }
    public var pathway: EscalationPathway { currentStage.pathway }
    public var handlingBody: HandlingBody { currentStage.handlingBody }
    public var category: ConcernCategory { submission.category }
    public var howRaised: HowRaised { submission.howRaised }
    public var isSafetyFlagged: Bool { safetyFlaggedOn != nil }

    /// The region whose quality team must see this case regardless of its queue.
    public var regionalSafetyVisibility: String? { isSafetyFlagged ? submission.placement.region : nil }

    public func overdue(on today: CalendarDay) -> OverdueStatus { currentStage.overdue(on: today, status: status) }

    /// What handlers are shown about the reporter at the current body.
    public var reporterAsSeenByHandlers: ReporterAsSeenByHandlers {
        switch submission.reporter {
        case .anonymous:
            .anonymous
        case .open(let identity):
            .named(identity, howRaised: .open)
        case .confidential(let identity):
            nameSharingConsent || handlingBody == stages[0].handlingBody
                ? .named(identity, howRaised: .confidential) : .nameWithheld
        }
    }

    init(reference: ConcernReference, submission: ConcernSubmission, submittedOn: CalendarDay) {
        self.reference = reference
        self.submission = submission
        self.submittedOn = submittedOn
        self.educationProvider = submission.educationProvider
    }

    static let maxTextLength = 10_000
    public static let maxLabelLength = 40

    /// Pathway 3 with a safety category goes to the regional quality team's attention at once.
    static func needsSafetyFlag(_ category: ConcernCategory, at pathway: EscalationPathway) -> Bool {
        pathway == .regionalQualityTeam && category.involvesPatientOrLearnerSafety
    }
}

extension HandlingBody {
    /// A stable text form for the audit log: `organisation:RJ1`, `organisation:RJ1/site:RJ1-01`,
    /// `guardian:RJ1`, `region:LDN`.
    public var concernAuditText: String {
        switch self {
        case .organisation(let code, site: nil): "organisation:\(code)"
        case .organisation(let code, site: let site?): "organisation:\(code)/site:\(site)"
        case .guardian(let code): "guardian:\(code)"
        case .region(let code): "region:\(code)"
        }
    }

    /// Whether a case at `pathway` may be handled by this body (used to refuse stray transfers).
    public func servesConcerns(at pathway: EscalationPathway) -> Bool {
        switch (pathway, self) {
        case (.placementProvider, .organisation), (.placementProvider, .guardian): true
        case (.educationProvider, .organisation(_, site: nil)): true
        case (.regionalQualityTeam, .region): true
        default: false
        }
    }
}
