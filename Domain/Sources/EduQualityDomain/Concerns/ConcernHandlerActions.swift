/// Which of the handlers' events the case page offers: those the handler's permissions on the
/// case's queue cover (`ConcernEvent.requiredHandlerAction`), that the case's status allows, and
/// escalation only while a further pathway exists. The reporter's counterpart is
/// `ConcernReporterView` (`canEscalate`, `canGiveFeedback`).
extension Concern {
    /// `permitted` is what the handler may do on this case's queue (`workOnConcern`,
    /// `decideConcern`); other actions are ignored.
    public func handlerActions(permitted: Set<Action>) -> Set<ConcernEvent> {
        Self.handlerActions(status: status, pathway: pathway, permitted: permitted)
    }

    public static func handlerActions(status: ConcernStatus, pathway: EscalationPathway,
                                      permitted: Set<Action>) -> Set<ConcernEvent> {
        Set(ConcernEvent.allCases.filter { event in
            guard let required = event.requiredHandlerAction, permitted.contains(required),
                  event.isAllowed(from: status) else { return false }
            return event != .escalate || pathway.next != nil
        })
    }
}
