/// Where a requirement stands. Open until the provider posts an update; an update awaits the
/// quality team's decision, which accepts (closes) the requirement or returns it with a reason
/// for more; a returned requirement takes a new update. Good practice is only noted.
public enum RequirementStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case open
    case awaitingDecision = "awaiting-decision"
    case returned
    case closed
    case noted

    public var displayName: String {
        switch self {
        case .open: "Open"
        case .awaitingDecision: "Update awaiting decision"
        case .returned: "Returned for more evidence"
        case .closed: "Closed (accepted)"
        case .noted: "Noted"
        }
    }

    /// The events that move a requirement, and where each leads from here (nil: not allowed).
    public enum Event: String, CaseIterable, Sendable {
        case postUpdate = "post-update"
        case accept, `return`
    }

    public func after(_ event: Event) -> RequirementStatus? {
        switch (self, event) {
        case (.open, .postUpdate), (.returned, .postUpdate), (.awaitingDecision, .postUpdate): .awaitingDecision
        case (.awaitingDecision, .accept), (.open, .accept), (.returned, .accept): .closed
        case (.awaitingDecision, .return): .returned
        default: nil
        }
    }

    /// Still the provider's to act on.
    public var isLive: Bool { self == .open || self == .awaitingDecision || self == .returned }
}
