import Testing
@testable import EduQualityDomain

@Suite("Regulatory review panels: invitations, the meeting, actions and closure")
struct RegulatoryReviewPanelTests {
    typealias F = EmergingConcernFixtures
    typealias S = RegulatoryPanelStatus

    /// Every status × event, written out: the allowed moves, and nil for the rest.
    static let moves: [S: [S.Event: S]] = [
        .requested: [.convene: .convened],
        .convened: [.hold: .held],
        .held: [.followUp: .followedUp, .close: .closed],
        .followedUp: [.close: .closed],
        .closed: [:],
    ]

    @Test("the state machine allows exactly the listed moves", arguments: S.allCases)
    func stateMachine(status: S) {
        for event in S.Event.allCases {
            #expect(status.after(event) == Self.moves[status]![event], "\(status) \(event)")
        }
    }

    @Test("a party requests a panel for a date, inviting signatories the concern is shared with")
    func request() throws {
        // setup
        let concern = try F.concern(shareWith: ["NMC", "CQC"])
        // MUT
        let (panel, change) = try RegulatoryReviewPanel.request(on: concern, by: "NMC", user: "user-nmc", date: "2026-12-10",
                                                                invite: ["cqc", "GMC", "NMC"], existing: 1,
                                                                signatories: F.signatories, today: F.today)
        // validate
        #expect(panel.reference == "EC-0001-P2")
        #expect(panel.invited == ["CQC", "GMC"])
        #expect(panel.parties == ["CQC", "GMC", "NMC"])
        #expect(panel.status == .requested)
        #expect(panel.date == CalendarDay(iso: "2026-12-10"))
        #expect(change.lines == ["Panel EC-0001-P2 requested by NMC for 2026-12-10, inviting CQC, GMC"])
        #expect(change.audit.entityType == "regulatory-review-panel")
    }

    @Test("inviting a signatory the concern is not shared with is refused: the sharing is widened first")
    func outsideInvitation() throws {
        var concern = try F.concern(shareWith: ["NMC"])
        let error = #expect(throws: InvalidForm.self) { try F.panel(on: concern, invite: ["NMC", "HCPC"]) }
        #expect(error?.message(for: "invite") == "HCPC is not among the signatories this concern is shared with: share the concern with HCPC first.")
        _ = try concern.share(add: ["HCPC"], by: "GMC", signatories: F.signatories)
        #expect(try F.panel(on: concern, invite: ["NMC", "HCPC"]).invited == ["HCPC", "NMC"])
    }

    @Test("bad requests are refused with the field named", arguments: [
        (["NMC"], "2026-12-01", "date"), (["NMC"], "soon", "date"), (["NMC"], "", "date"),
        ([], "2026-12-10", "invite"), (["GMC"], "2026-12-10", "invite"), (["XYZ"], "2026-12-10", "invite"),
    ])
    func refused(invite: [String], date: String, field: String) throws {
        let concern = try F.concern(shareWith: ["NMC"])
        let error = #expect(throws: InvalidForm.self) { try F.panel(on: concern, invite: invite, date: date) }
        #expect(error?.message(for: field) != nil, "\(String(describing: error))")
    }

    @Test("a signatory that is not a party cannot request a panel")
    func notParty() throws {
        let concern = try F.concern(shareWith: ["NMC"])
        #expect(throws: InvalidForm.self) {
            try RegulatoryReviewPanel.request(on: concern, by: "CQC", user: "u", date: "2026-12-10", invite: ["NMC"],
                                              existing: 0, signatories: F.signatories, today: F.today)
        }
    }

    static func heldPanel() throws -> RegulatoryReviewPanel {
        var panel = try F.panel(on: try F.concern(shareWith: ["NMC", "CQC"]), invite: ["NMC"])
        _ = try panel.convene(today: F.today)
        _ = try panel.hold(attendees: [RegulatoryPanelAttendee(name: "A. Reg", organisation: "gmc"),
                                       RegulatoryPanelAttendee(name: "B. Nurse", organisation: "NMC")],
                           information: ["Survey red flags", "Two learner concerns"], decisions: ["Joint visit"],
                           today: CalendarDay(iso: "2026-12-10")!)
        return panel
    }

    @Test("the meeting is recorded on or after its date with attendees from the parties, information and decisions")
    func hold() throws {
        var panel = try F.panel(on: try F.concern(shareWith: ["NMC", "CQC"]), invite: ["NMC"])
        let convened = try panel.convene(date: "2026-12-11", today: F.today)
        #expect(convened.lines == ["Panel convened for 2026-12-11"])
        let early = #expect(throws: InvalidForm.self) {
            try panel.hold(attendees: [RegulatoryPanelAttendee(name: "A", organisation: "GMC")], information: ["x"],
                           decisions: ["y"], today: CalendarDay(iso: "2026-12-10")!)
        }
        #expect(early?.message(for: "attendees") == "The panel meets on 2026-12-11; record it on or after that day.")
        let stranger = #expect(throws: InvalidForm.self) {
            try panel.hold(attendees: [RegulatoryPanelAttendee(name: "C. Care", organisation: "CQC")], information: ["x"],
                           decisions: ["y"], today: CalendarDay(iso: "2026-12-11")!)
        }
        #expect(stranger?.message(for: "attendees") == "C. Care came for CQC, which is not invited to this panel.")
        let empty = #expect(throws: InvalidForm.self) {
            try panel.hold(attendees: [], information: [" "], decisions: [], today: CalendarDay(iso: "2026-12-11")!)
        }
        #expect(empty?.problems.map(\.field) == ["attendees", "information", "decisions"])
        #expect(panel.status == .convened)
        let held = try Self.heldPanel()
        #expect(held.status == .held && held.heldOn == CalendarDay(iso: "2026-12-10"))
        #expect(held.attendees.map(\.organisation) == ["GMC", "NMC"])
        #expect(held.informationConsidered.count == 2 && held.decisions == ["Joint visit"])
    }

    @Test("actions go to a party with an owner and due date, are marked overdue after it, and block closing while open")
    func actions() throws {
        // setup
        var panel = try Self.heldPanel()
        let today = CalendarDay(iso: "2026-12-10")!
        // MUT
        let added = try panel.addAction(organisation: "nmc", text: "Check registrants' supervision", owner: "NMC liaison",
                                        due: "2026-12-20", today: today)
        _ = try panel.addAction(organisation: "GMC", text: "Contact the trust", owner: "GMC ELS", due: "2027-01-10", today: today)
        // validate
        #expect(added.lines == ["Action 1 for NMC: Check registrants' supervision (NMC liaison, due 2026-12-20)"])
        #expect(panel.overdueActions(on: CalendarDay(iso: "2026-12-20")!).isEmpty)
        #expect(panel.overdueActions(on: CalendarDay(iso: "2026-12-21")!).map(\.number) == [1])
        #expect(panel.overdueActions(on: CalendarDay(iso: "2027-01-11")!).map(\.number) == [1, 2])
        _ = try panel.followUp()
        #expect(panel.status == .followedUp)
        let blocked = #expect(throws: InvalidForm.self) { try panel.close() }
        #expect(blocked?.message(for: "status") == "The panel cannot close while actions 1, 2 are open.")
        _ = try panel.completeAction(1, today: today)
        #expect(panel.overdueActions(on: CalendarDay(iso: "2027-01-11")!).map(\.number) == [2])
        #expect(throws: InvalidForm.self) { try panel.completeAction(1, today: today) }
        #expect(throws: InvalidForm.self) { try panel.completeAction(9, today: today) }
        let still = #expect(throws: InvalidForm.self) { try panel.close() }
        #expect(still?.message(for: "status") == "The panel cannot close while action 2 is open.")
        _ = try panel.completeAction(2, today: today)
        let closed = try panel.close()
        #expect(panel.status == .closed && closed.lines == ["Panel closed"])
        #expect(throws: InvalidForm.self) { try panel.addAction(organisation: "GMC", text: "x", owner: "y", due: "2027-02-01", today: today) }
    }

    @Test("bad actions are refused with the field named", arguments: [
        ("CQC", "x", "y", "2026-12-20", "actionOrganisation"), ("", "x", "y", "2026-12-20", "actionOrganisation"),
        ("GMC", "", "y", "2026-12-20", "actionText"), ("GMC", "x", " ", "2026-12-20", "actionOwner"),
        ("GMC", "x", "y", "2026-12-01", "actionDue"), ("GMC", "x", "y", "later", "actionDue"),
    ])
    func badActions(organisation: String, text: String, owner: String, due: String, field: String) throws {
        var panel = try Self.heldPanel()
        let error = #expect(throws: InvalidForm.self) {
            try panel.addAction(organisation: organisation, text: text, owner: owner, due: due, today: CalendarDay(iso: "2026-12-10")!)
        }
        #expect(error?.message(for: field) != nil, "\(String(describing: error))")
        #expect(panel.actions.isEmpty)
    }

    @Test("a panel without actions closes once held, but cannot be followed up; steps out of order are refused")
    func order() throws {
        var panel = try F.panel(on: try F.concern())
        #expect(throws: InvalidForm.self) { try panel.close() }
        #expect(throws: InvalidForm.self) { try panel.addAction(organisation: "GMC", text: "x", owner: "y", due: "2026-12-20", today: F.today) }
        let early = #expect(throws: InvalidForm.self) {
            try panel.hold(attendees: [RegulatoryPanelAttendee(name: "A", organisation: "GMC")], information: ["x"], decisions: ["y"],
                           today: CalendarDay(iso: "2026-12-10")!)
        }
        #expect(early?.message(for: "attendees") == "A panel that is requested cannot hold.")
        var held = try Self.heldPanel()
        #expect(throws: InvalidForm.self) { try held.convene(today: F.today) }
        let none = #expect(throws: InvalidForm.self) { try held.followUp() }
        #expect(none?.message(for: "status") == "Agree at least one action before following up; a panel without actions can close.")
        _ = try held.close()
        #expect(held.status == .closed)
    }
}
