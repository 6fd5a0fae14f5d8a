/// One body's handling of a concern: from receipt, escalation or transfer until the next of those.
/// Due dates are fixed when the stage starts, so a later change to the bank-holiday list or the
/// clock settings does not move a deadline already given, and the store can query them directly.
public struct ConcernStage: Hashable, Sendable {
    public let pathway: EscalationPathway
    public let handlingBody: HandlingBody
    public let startedOn: CalendarDay
    public let acknowledgeBy: CalendarDay
    public let respondBy: CalendarDay
    public internal(set) var acknowledgedOn: CalendarDay?
    /// The latest resolution in this stage; cleared when the case is reopened.
    public internal(set) var resolvedOn: CalendarDay?
    /// Set when the stage's body stands in for the one the case was sent to (`ConcernRouting`).
    public let rerouting: ConcernRerouting?

    public init(pathway: EscalationPathway, handlingBody: HandlingBody, startedOn: CalendarDay,
                acknowledgeBy: CalendarDay, respondBy: CalendarDay,
                acknowledgedOn: CalendarDay? = nil, resolvedOn: CalendarDay? = nil, rerouting: ConcernRerouting? = nil) {
        self.pathway = pathway
        self.handlingBody = handlingBody
        self.rerouting = rerouting
        self.startedOn = startedOn
        self.acknowledgeBy = acknowledgeBy
        self.respondBy = respondBy
        self.acknowledgedOn = acknowledgedOn
        self.resolvedOn = resolvedOn
    }

    init(pathway: EscalationPathway, handlingBody: HandlingBody, startedOn day: CalendarDay, clocks: ConcernClocks,
         rerouting: ConcernRerouting? = nil) {
        self.init(pathway: pathway, handlingBody: handlingBody, startedOn: day,
                  acknowledgeBy: clocks.acknowledgeBy(startingOn: day), respondBy: clocks.respondBy(startingOn: day),
                  rerouting: rerouting)
    }

    init(pathway: EscalationPathway, route: ConcernRoute, startedOn day: CalendarDay, clocks: ConcernClocks) {
        self.init(pathway: pathway, handlingBody: route.body, startedOn: day, clocks: clocks, rerouting: route.rerouting)
    }

    /// Closed cases are never overdue; a resolved one stops only the response clock.
    public func overdue(on today: CalendarDay, status: ConcernStatus) -> OverdueStatus {
        guard status != .closed else { return .onTime }
        return OverdueStatus(acknowledgement: acknowledgedOn == nil && today > acknowledgeBy,
                             response: resolvedOn == nil && status.isUnresolved && today > respondBy)
    }
}
