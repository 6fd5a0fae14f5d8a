/// Where a concern is in its lifecycle. `escalated` and `transferred` are arrival states at a new
/// handling body, like `received`: the new body acknowledges next. Raw values are stored.
public enum ConcernStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case received
    case acknowledged
    case inProgress = "in-progress"
    case resolved
    case closed
    case escalated
    case transferred

    public var displayName: String {
        switch self {
        case .received: "Received"
        case .acknowledged: "Acknowledged"
        case .inProgress: "In progress"
        case .resolved: "Resolved"
        case .closed: "Closed"
        case .escalated: "Escalated"
        case .transferred: "Transferred"
        }
    }

    /// Waiting for the (new) handling body to acknowledge it.
    public var awaitsAcknowledgement: Bool { self == .received || self == .escalated || self == .transferred }

    /// Neither resolved nor closed: the response clock is running.
    public var isUnresolved: Bool { self != .resolved && self != .closed }
}
