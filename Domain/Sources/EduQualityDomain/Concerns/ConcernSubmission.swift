/// A concern as the learner submitted it, once validated (see `NewConcernForm`). Never changes
/// afterwards: later information arrives as messages on the timeline.
public struct ConcernSubmission: Hashable, Sendable {
    public let reporter: ConcernReporter
    public let placement: ConcernPlacement
    public let category: ConcernCategory
    public let whatHappened: String
    public let desiredOutcome: String?
    public let pathway: EscalationPathway
    public let recipient: ConcernRecipient
    /// The university, school or programme's organisation code; needed to reach pathway 2.
    public let educationProvider: String?

    public init(reporter: ConcernReporter, placement: ConcernPlacement, category: ConcernCategory,
                whatHappened: String, desiredOutcome: String?, pathway: EscalationPathway,
                recipient: ConcernRecipient = .pathwayHandler, educationProvider: String?) {
        self.reporter = reporter
        self.placement = placement
        self.category = category
        self.whatHappened = whatHappened
        self.desiredOutcome = desiredOutcome
        self.pathway = pathway
        self.recipient = recipient
        self.educationProvider = educationProvider
    }

    public var howRaised: HowRaised { reporter.howRaised }

    /// The body that handles the concern at `pathway`; nil at pathway 2 when the education provider
    /// is not known. The guardian route applies only at pathway 1: escalation leaves the guardians.
    public func handlingBody(at pathway: EscalationPathway) -> HandlingBody? {
        switch pathway {
        case .placementProvider:
            recipient == .guardian
                ? .guardian(placement.organisation)
                : .organisation(placement.organisation, site: placement.site)
        case .educationProvider:
            educationProvider.map { .organisation($0, site: nil) }
        case .regionalQualityTeam:
            .region(placement.region)
        }
    }
}
