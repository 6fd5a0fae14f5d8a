/// Every decision about one subject, in the order they were recorded (several may fall on one
/// day). The last is the subject's current category.
public struct ISFHistory: Hashable, Sendable {
    public private(set) var decisions: [ISFDecision]

    /// `decisions` in the order they were recorded.
    public init(_ decisions: [ISFDecision] = []) {
        self.decisions = decisions
    }

    public var current: ISFDecision? { decisions.last }

    /// Records a validated decision (see `ISFDecisionForm.validated`) as the newest.
    public mutating func record(_ decision: ISFDecision) -> AuditEvent {
        precondition(decision.previousCategory == current?.category, "a decision is validated against the current one")
        decisions.append(decision)
        let action = switch decision.movement {
        case .first: "isf.categorise"
        case .escalated: "isf.escalate"
        case .deescalated: "isf.de-escalate"
        case .unchanged: "isf.review"
        }
        return AuditEvent(action: action, entityType: "isf-decision", entityID: decision.id,
                          before: decisions.dropLast().last?.auditFields(), after: decision.auditFields())
    }

    /// Ratifies the current decision at the regional quality meeting held on `meetingDay`. Only
    /// the current, still provisional decision can be ratified; a meeting cannot precede the
    /// decision or lie in the future.
    public mutating func ratify(_ id: String, by ratifier: String, meetingDay: CalendarDay,
                                today: CalendarDay) throws(InvalidForm) -> AuditEvent {
        guard let index = decisions.firstIndex(where: { $0.id == id }) else {
            throw InvalidForm(field: "decision", "There is no such decision for this subject.")
        }
        guard index == decisions.count - 1 else {
            throw InvalidForm(field: "decision", "A later decision replaced this one: ratify that instead.")
        }
        guard decisions[index].isProvisional else {
            throw InvalidForm(field: "decision", "This decision is already ratified.")
        }
        guard meetingDay >= decisions[index].decidedOn, meetingDay <= today else {
            throw InvalidForm(field: "meetingDay", "The meeting date must be between the decision's date and today.")
        }
        let before = decisions[index].auditFields()
        decisions[index].ratification = ISFRatification(by: ratifier, on: meetingDay)
        return AuditEvent(action: "isf.ratify", entityType: "isf-decision", entityID: id,
                          before: before, after: decisions[index].auditFields())
    }

    /// The day the subject entered its current category (the first of the latest run of decisions
    /// at that category).
    public var inCategorySince: CalendarDay? {
        guard let current else { return nil }
        var since = current.decidedOn
        for decision in decisions.reversed() {
            guard decision.category == current.category else { break }
            since = decision.decidedOn
        }
        return since
    }

    /// Days in the current category as of `today`.
    public func daysInCategory(on today: CalendarDay) -> Int? { inCategorySince.map { $0.days(to: today) } }

    public func isReviewOverdue(on today: CalendarDay) -> Bool { current.map { $0.nextReview < today } ?? false }

    /// Whether the subject is at the top of `scale`, where suspension of training may be considered.
    public func isAtTop(of scale: ISFCategoryScale) -> Bool { current?.category == scale.top.level }
}

/// When the owner of a decision is reminded that its review falls due: once, a week before.
public enum ISFReviewReminder {
    public static let daysBefore = 7

    public static func isDue(_ decision: ISFDecision, on today: CalendarDay) -> Bool {
        today >= decision.nextReview.adding(days: -daysBefore)
    }
}
