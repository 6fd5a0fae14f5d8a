/// Which cases a handler wants to see on a queue. Every criterion left nil matches everything;
/// sets match any of their members.
public struct ConcernQueueFilter: Hashable, Sendable {
    public var statuses: Set<ConcernStatus>?
    public var categories: Set<ConcernCategory>?
    public var pathways: Set<EscalationPathway>?
    /// true: only overdue cases; false: only cases on time.
    public var overdue: Bool?
    public var assignee: AssigneeFilter?
    public var label: String?

    public init(statuses: Set<ConcernStatus>? = nil, categories: Set<ConcernCategory>? = nil,
                pathways: Set<EscalationPathway>? = nil, overdue: Bool? = nil,
                assignee: AssigneeFilter? = nil, label: String? = nil) {
        self.statuses = statuses
        self.categories = categories
        self.pathways = pathways
        self.overdue = overdue
        self.assignee = assignee
        self.label = label
    }

    /// The default view: everything not yet closed.
    public static let open = ConcernQueueFilter(statuses: Set(ConcernStatus.allCases).subtracting([.closed]))

    public func matches(_ concern: Concern, on today: CalendarDay) -> Bool {
        if let statuses, !statuses.contains(concern.status) { return false }
        if let categories, !categories.contains(concern.category) { return false }
        if let pathways, !pathways.contains(concern.pathway) { return false }
        if let overdue, concern.overdue(on: today).isOverdue != overdue { return false }
        switch assignee {
        case nil: break
        case .unassigned: if concern.assignee != nil { return false }
        case .assigned(let colleague): if concern.assignee != colleague { return false }
        }
        if let label, !concern.labels.contains(label) { return false }
        return true
    }
}

/// Whom a queue filter asks for.
public enum AssigneeFilter: Hashable, Sendable {
    case unassigned
    /// A handler's user ID.
    case assigned(to: String)
}

/// One row of a handler's queue: what the list shows, nothing of the concern's text.
public struct ConcernQueueItem: Hashable, Sendable {
    public let reference: ConcernReference
    public let status: ConcernStatus
    public let category: ConcernCategory
    public let pathway: EscalationPathway
    public let howRaised: HowRaised
    public let submittedOn: CalendarDay
    /// When the current body got the case (receipt, escalation or transfer).
    public let stageStartedOn: CalendarDay
    public let acknowledgeBy: CalendarDay
    public let respondBy: CalendarDay
    public let overdue: OverdueStatus
    public let assignee: String?
    public let labels: [String]
    public let safetyFlagged: Bool

    init(_ concern: Concern, on today: CalendarDay) {
        reference = concern.reference
        status = concern.status
        category = concern.category
        pathway = concern.pathway
        howRaised = concern.howRaised
        submittedOn = concern.submittedOn
        stageStartedOn = concern.currentStage.startedOn
        acknowledgeBy = concern.currentStage.acknowledgeBy
        respondBy = concern.currentStage.respondBy
        overdue = concern.overdue(on: today)
        assignee = concern.assignee
        labels = concern.labels.sorted()
        safetyFlagged = concern.isSafetyFlagged
    }
}

/// Counts shown beside the queue's filters, over the whole queue before filtering.
public struct ConcernQueueCounts: Hashable, Sendable {
    public let total: Int
    public let overdue: Int
    public let unassigned: Int
    public let byStatus: [ConcernStatus: Int]
    public let byCategory: [ConcernCategory: Int]
    public let byPathway: [EscalationPathway: Int]
}

/// A handling body's queue. The caller loads the cases of one body (checking
/// `Authorization.isAllowed(actor, .viewConcern, .caseQueue(body))` first); this orders, filters
/// and counts them. Stages store their due dates, so the store can run the same filters in SQL.
public enum ConcernQueue {
    /// Overdue cases first, then the longest waiting (oldest submission), then by reference so the
    /// order is stable.
    public static func items(_ concerns: [Concern], matching filter: ConcernQueueFilter = .open,
                             on today: CalendarDay) -> [ConcernQueueItem] {
        concerns.filter { filter.matches($0, on: today) }
            .map { ConcernQueueItem($0, on: today) }
            .sorted { a, b in
                if a.overdue.isOverdue != b.overdue.isOverdue { return a.overdue.isOverdue }
                if a.submittedOn != b.submittedOn { return a.submittedOn < b.submittedOn }
                return a.reference < b.reference
            }
    }

    public static func counts(_ concerns: [Concern], on today: CalendarDay) -> ConcernQueueCounts {
        var byStatus: [ConcernStatus: Int] = [:]
        var byCategory: [ConcernCategory: Int] = [:]
        var byPathway: [EscalationPathway: Int] = [:]
        var overdue = 0
        var unassigned = 0
        for concern in concerns {
            byStatus[concern.status, default: 0] += 1
            byCategory[concern.category, default: 0] += 1
            byPathway[concern.pathway, default: 0] += 1
            if concern.overdue(on: today).isOverdue { overdue += 1 }
            if concern.assignee == nil, concern.status != .closed { unassigned += 1 }
        }
        return ConcernQueueCounts(total: concerns.count, overdue: overdue, unassigned: unassigned,
                                  byStatus: byStatus, byCategory: byCategory, byPathway: byPathway)
    }
}
