/// Where a review stands: planned → evidence gathering → visited → report drafting → closed.
/// Each step goes forward by one; a review closes only once its report is published.
public enum ReviewStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case planned
    case evidenceGathering = "evidence-gathering"
    case visited
    case reportDrafting = "report-drafting"
    case closed

    public var displayName: String {
        switch self {
        case .planned: "Planned"
        case .evidenceGathering: "Evidence gathering"
        case .visited: "Visited"
        case .reportDrafting: "Report drafting"
        case .closed: "Closed"
        }
    }

    /// The one status this one may move to.
    public var next: ReviewStatus? {
        switch self {
        case .planned: .evidenceGathering
        case .evidenceGathering: .visited
        case .visited: .reportDrafting
        case .reportDrafting: .closed
        case .closed: nil
        }
    }

    /// Whether the visit has happened, so findings may be recorded.
    public var isVisited: Bool { self == .visited || self == .reportDrafting || self == .closed }
}
