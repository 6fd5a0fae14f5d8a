/// Where a register entry stands. Open: the concern is live and being worked; monitoring: actions
/// are in place and the team watches for the next signal; closed: resolved. A closed entry may be
/// reopened, with a reason, when the concern comes back.
public enum RegisterEntryStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case open, monitoring, closed

    public var displayName: String {
        switch self {
        case .open: "Open"
        case .monitoring: "Monitoring"
        case .closed: "Closed"
        }
    }

    /// The statuses an entry may move to from this one.
    public var next: Set<RegisterEntryStatus> {
        switch self {
        case .open: [.monitoring, .closed]
        case .monitoring: [.open, .closed]
        case .closed: [.open]
        }
    }

    /// Moving to `status` from here needs a recorded reason (reopening a closed entry).
    public func needsReason(toward status: RegisterEntryStatus) -> Bool { self == .closed && status == .open }
}
