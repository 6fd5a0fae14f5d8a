import Testing
@testable import EduQualityDomain

@Suite("What a handler may do on a concern")
struct ConcernHandlerActionsTests {
    static let dayToDay: Set<ConcernEvent> = [.messageReporter, .addInternalNote, .assign, .addLabel, .removeLabel]
    static let work: Set<ConcernEvent> = dayToDay.union([.acknowledge, .startWork])
    static let decide: Set<ConcernEvent> = [.resolve, .reopen, .close, .escalate, .transfer]

    /// With every permission, at a pathway that can still escalate.
    static func expected(_ status: ConcernStatus) -> Set<ConcernEvent> {
        switch status {
        case .received, .escalated, .transferred: dayToDay.union([.acknowledge, .escalate, .transfer])
        case .acknowledged: dayToDay.union([.startWork, .resolve, .escalate, .transfer])
        case .inProgress: dayToDay.union([.resolve, .escalate, .transfer])
        case .resolved: dayToDay.union([.reopen, .close, .escalate])
        case .closed: []
        }
    }

    static let permissionSets: [Set<Action>] = [[], [.workOnConcern], [.decideConcern], [.workOnConcern, .decideConcern],
                                                [.viewConcern], [.viewConcern, .workOnConcern]]

    @Test("every status, pathway and set of permissions", arguments: ConcernStatus.allCases, EscalationPathway.allCases)
    func matrix(status: ConcernStatus, pathway: EscalationPathway) {
        for permitted in Self.permissionSets {
            var expected = Self.expected(status)
            if !permitted.contains(.workOnConcern) { expected.subtract(Self.work) }
            if !permitted.contains(.decideConcern) { expected.subtract(Self.decide) }
            if pathway.next == nil { expected.remove(.escalate) }
            let actual = Concern.handlerActions(status: status, pathway: pathway, permitted: permitted)
            #expect(actual == expected, "\(status) at pathway \(pathway.rawValue) with \(permitted)")
        }
    }

    @Test("the reporter's own events are never a handler's")
    func reporterEventsNeverOffered() {
        for status in ConcernStatus.allCases {
            let all = Concern.handlerActions(status: status, pathway: .placementProvider, permitted: Set(Action.allCases))
            #expect(all.isDisjoint(with: [.receiveReporterMessage, .recordFeedback, .grantNameSharingConsent]))
        }
    }
}
