/// A regulatory review panel on an emerging concern: requested by one of its parties, which
/// invites signatories among those the concern is already shared with (inviting anyone else is
/// refused: sharing is widened first, through `EmergingConcern.share`, so it is audited), then
/// convened, held (attendees, the information considered, decisions) and followed up through the
/// actions agreed per organisation, until it closes with every action done.
public struct RegulatoryReviewPanel: Hashable, Sendable {
    /// `EC-0001-P1`: the concern's reference and the panel's number on it.
    public var reference: String
    public var concern: String
    public var requestedBy: String
    public var requestedByUser: String
    public var requestedOn: CalendarDay
    public var date: CalendarDay
    /// Invited signatory codes, sorted.
    public var invited: [String]
    public private(set) var status: RegulatoryPanelStatus
    public private(set) var heldOn: CalendarDay?
    public private(set) var attendees: [RegulatoryPanelAttendee]
    public private(set) var informationConsidered: [String]
    public private(set) var decisions: [String]
    public private(set) var actions: [RegulatoryPanelAction]

    public init(reference: String, concern: String, requestedBy: String, requestedByUser: String, requestedOn: CalendarDay,
                date: CalendarDay, invited: [String], status: RegulatoryPanelStatus = .requested, heldOn: CalendarDay? = nil,
                attendees: [RegulatoryPanelAttendee] = [], informationConsidered: [String] = [], decisions: [String] = [],
                actions: [RegulatoryPanelAction] = []) {
        self.reference = reference
        self.concern = concern
        self.requestedBy = requestedBy
        self.requestedByUser = requestedByUser
        self.requestedOn = requestedOn
        self.date = date
        self.invited = invited
        self.status = status
        self.heldOn = heldOn
        self.attendees = attendees
        self.informationConsidered = informationConsidered
        self.decisions = decisions
        self.actions = actions
    }

    public static let maxText = 4_000

    /// The signatories taking part: the requester and those invited.
    public var parties: Set<String> { Set(invited).union([requestedBy]) }

    /// Requests a panel on `concern` for `date` (`YYYY-MM-DD`, today or later), inviting `invite`.
    /// `existing` is how many panels the concern already has.
    public static func request(on concern: EmergingConcern, by signatory: String, user: String, date: String?, invite: [String],
                               existing: Int, signatories: SignatoryList, today: CalendarDay) throws(InvalidForm) -> (RegulatoryReviewPanel, EmergingConcernChange) {
        guard concern.parties.contains(signatory) else {
            throw InvalidForm(field: "invite", "Only the signatories this concern is shared with may request a panel on it.")
        }
        var problems = FormProblems()
        let day = problems.day("date", date, missing: "Enter the date of the panel.")
        if let day, day < today { problems.add("date", "The panel's date must be today or later.") }
        let typed = invite.compactMap(FormProblems.clean)
        if let unknown = typed.first(where: { !signatories.contains($0) }) {
            problems.add("invite", "\(unknown) is not a signatory of the Emerging Concerns protocol.")
        } else if let outside = typed.compactMap({ signatories.named($0)?.code }).first(where: { !concern.parties.contains($0) }) {
            problems.add("invite", "\(outside) is not among the signatories this concern is shared with: share the concern with \(outside) first.")
        }
        let invited = Set(typed.compactMap { signatories.named($0)?.code }).subtracting([signatory]).sorted()
        if invited.isEmpty { problems.add("invite", "Invite at least one other signatory the concern is shared with.") }
        try problems.check()
        let panel = RegulatoryReviewPanel(reference: "\(concern.reference)-P\(existing + 1)", concern: concern.reference,
                                          requestedBy: signatory, requestedByUser: user, requestedOn: today,
                                          date: day!, invited: invited)
        return (panel, panel.change("Panel \(panel.reference) requested by \(signatory) for \(day!.iso), inviting \(invited.joined(separator: ", "))",
                                    "request", after: ["date": day!.iso, "invited": invited.joined(separator: ","), "requestedBy": signatory]))
    }

    /// Confirms the panel will meet (its invitations sent), optionally on a new date.
    public mutating func convene(date newDate: String? = nil, today: CalendarDay) throws(InvalidForm) -> EmergingConcernChange {
        let next = try step(.convene, field: "date")
        if FormProblems.clean(newDate) != nil {
            var problems = FormProblems()
            let day = problems.day("date", newDate, missing: "")
            if let day, day < today { problems.add("date", "The panel's date must be today or later.") }
            try problems.check()
            date = day!
        }
        status = next
        return change("Panel convened for \(date.iso)", "convene", before: ["status": "requested"],
                      after: ["status": next.rawValue, "date": date.iso])
    }

    /// Records the meeting: who attended (for a party to the panel), the information considered
    /// and the decisions. It is held on its date, which must have come.
    public mutating func hold(attendees typed: [RegulatoryPanelAttendee], information: [String], decisions made: [String],
                              today: CalendarDay) throws(InvalidForm) -> EmergingConcernChange {
        let next = try step(.hold, field: "attendees")
        var problems = FormProblems()
        let people = typed.compactMap { a -> RegulatoryPanelAttendee? in
            guard let name = FormProblems.clean(a.name) else { return nil }
            return RegulatoryPanelAttendee(name: name, organisation: a.organisation.trimmingWhitespace.uppercased())
        }
        if people.isEmpty { problems.add("attendees", "Record at least one attendee.") }
        if let stranger = people.first(where: { !parties.contains($0.organisation) }) {
            problems.add("attendees", "\(stranger.name) came for \(stranger.organisation.isEmpty ? "no organisation" : stranger.organisation), which is not invited to this panel.")
        }
        let information = information.compactMap(FormProblems.clean)
        let decisions = made.compactMap(FormProblems.clean)
        if information.isEmpty { problems.add("information", "Record the information the panel considered.") }
        if decisions.isEmpty { problems.add("decisions", "Record the panel's decisions.") }
        if (information + decisions).contains(where: { $0.count > Self.maxText }) {
            problems.add("decisions", "Keep each entry to \(Self.maxText) characters or fewer.")
        }
        if today < date { problems.add("attendees", "The panel meets on \(date.iso); record it on or after that day.") }
        try problems.check()
        status = next
        heldOn = today
        attendees = people
        informationConsidered = information
        self.decisions = decisions
        return change("Panel held on \(today.iso): \(people.count) attended, \(decisions.count) decision\(decisions.count == 1 ? "" : "s")",
                      "hold", before: ["status": "convened"],
                      after: ["status": next.rawValue, "attendees": String(people.count), "decisions": String(decisions.count)])
    }

    /// Adds an action agreed for `organisation` (a party to the panel), once the panel is held.
    public mutating func addAction(organisation: String?, text: String?, owner: String?, due: String?,
                                   today: CalendarDay) throws(InvalidForm) -> EmergingConcernChange {
        guard status.isHeld else {
            throw InvalidForm(field: "actionText", status == .closed ? "The panel is closed." : "Record the meeting before its actions.")
        }
        var problems = FormProblems()
        let code = FormProblems.clean(organisation)?.uppercased()
        if code == nil {
            problems.add("actionOrganisation", "Choose the organisation that is to act.")
        } else if !parties.contains(code!) {
            problems.add("actionOrganisation", "\(code!) is not taking part in this panel.")
        }
        let what = problems.text("actionText", text, maxLength: 2_000, missing: "Say what will be done.")
        let who = problems.text("actionOwner", owner, maxLength: 200, missing: "Say who owns the action.")
        let day = problems.day("actionDue", due, missing: "Enter the date it is due.")
        if let day, day < today { problems.add("actionDue", "The due date must be today or later.") }
        try problems.check()
        let action = RegulatoryPanelAction(number: (actions.map(\.number).max() ?? 0) + 1, organisation: code!,
                                           text: what!, owner: who!, due: day!)
        actions.append(action)
        return change("Action \(action.number) for \(action.organisation): \(action.text) (\(action.owner), due \(action.due.iso))",
                      "add-action", after: ["action": String(action.number), "organisation": action.organisation,
                                            "owner": action.owner, "due": action.due.iso])
    }

    /// Marks action `number` done.
    public mutating func completeAction(_ number: Int, today: CalendarDay) throws(InvalidForm) -> EmergingConcernChange {
        guard let index = actions.firstIndex(where: { $0.number == number }) else {
            throw InvalidForm(field: "action", "This panel has no action \(number).")
        }
        guard actions[index].status == .open else { throw InvalidForm(field: "action", "Action \(number) is already done.") }
        guard status != .closed else { throw InvalidForm(field: "action", "The panel is closed.") }
        actions[index].status = .done
        actions[index].doneOn = today
        return change("Action \(number) done", "complete-action", before: ["action": String(number), "status": "open"],
                      after: ["action": String(number), "status": "done"])
    }

    /// Moves a held panel with actions to following them up.
    public mutating func followUp() throws(InvalidForm) -> EmergingConcernChange {
        let next = try step(.followUp, field: "status")
        guard !actions.isEmpty else { throw InvalidForm(field: "status", "Agree at least one action before following up; a panel without actions can close.") }
        status = next
        return change("Following up \(actions.count) action\(actions.count == 1 ? "" : "s")", "follow-up",
                      before: ["status": "held"], after: ["status": next.rawValue])
    }

    /// Closes the panel, refused while any action is open.
    public mutating func close() throws(InvalidForm) -> EmergingConcernChange {
        let next = try step(.close, field: "status")
        let open = actions.filter { $0.status == .open }.map(\.number)
        guard open.isEmpty else {
            throw InvalidForm(field: "status", "The panel cannot close while action\(open.count == 1 ? "" : "s") "
                              + open.map(String.init).joined(separator: ", ") + (open.count == 1 ? " is" : " are") + " open.")
        }
        let before = status
        status = next
        return change("Panel closed", "close", before: ["status": before.rawValue], after: ["status": next.rawValue])
    }

    /// Open actions past their due date.
    public func overdueActions(on today: CalendarDay) -> [RegulatoryPanelAction] { actions.filter { $0.isOverdue(on: today) } }

    private func step(_ event: RegulatoryPanelStatus.Event, field: String) throws(InvalidForm) -> RegulatoryPanelStatus {
        guard let next = status.after(event) else {
            throw InvalidForm(field: field, "A panel that is \(status.displayName.lowercased()) cannot \(event.rawValue.replacingHyphens).")
        }
        return next
    }

    private func change(_ line: String, _ action: String, before: [String: String]? = nil, after: [String: String]) -> EmergingConcernChange {
        EmergingConcernChange(lines: [line], audit: AuditEvent(action: "regulatory-panel.\(action)", entityType: "regulatory-review-panel",
                                                               entityID: reference, before: before, after: after))
    }
}

extension String {
    fileprivate var replacingHyphens: String { split(separator: "-").joined(separator: " ") }
}
