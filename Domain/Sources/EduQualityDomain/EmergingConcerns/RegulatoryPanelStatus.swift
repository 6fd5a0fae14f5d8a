/// Where a regulatory review panel stands: requested → convened → held → followed up → closed.
/// A panel with no actions may close straight after it is held; one with actions is followed up
/// and closes only when every action is done.
public enum RegulatoryPanelStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case requested
    case convened
    case held
    case followedUp = "followed-up"
    case closed

    public var displayName: String {
        switch self {
        case .requested: "Requested"
        case .convened: "Convened"
        case .held: "Held"
        case .followedUp: "Actions being followed up"
        case .closed: "Closed"
        }
    }

    public enum Event: String, CaseIterable, Sendable {
        case convene, hold
        case followUp = "follow-up"
        case close
    }

    /// Where `event` leads from here (nil: not allowed). Closing also needs no open actions,
    /// which the panel checks.
    public func after(_ event: Event) -> RegulatoryPanelStatus? {
        switch (self, event) {
        case (.requested, .convene): .convened
        case (.convened, .hold): .held
        case (.held, .followUp): .followedUp
        case (.held, .close), (.followedUp, .close): .closed
        default: nil
        }
    }

    /// Whether the meeting has happened, so its record and actions may be written.
    public var isHeld: Bool { self == .held || self == .followedUp }
}

/// An action a panel agreed for one organisation, with an owner and a due date.
public struct RegulatoryPanelAction: Hashable, Sendable, Codable {
    public enum Status: String, CaseIterable, Codable, Sendable, Hashable { case open, done }

    public var number: Int
    /// The signatory code of the organisation that is to act.
    public var organisation: String
    public var text: String
    public var owner: String
    public var due: CalendarDay
    public var status: Status
    public var doneOn: CalendarDay?

    public init(number: Int, organisation: String, text: String, owner: String, due: CalendarDay,
                status: Status = .open, doneOn: CalendarDay? = nil) {
        self.number = number
        self.organisation = organisation
        self.text = text
        self.owner = owner
        self.due = due
        self.status = status
        self.doneOn = doneOn
    }

    /// Open and past its due date.
    public func isOverdue(on today: CalendarDay) -> Bool { status == .open && due < today }
}

/// Someone who attended a panel, and the signatory they came for.
public struct RegulatoryPanelAttendee: Hashable, Sendable, Codable {
    public var name: String
    public var organisation: String

    public init(name: String, organisation: String) {
        self.name = name
        self.organisation = organisation
    }
}
