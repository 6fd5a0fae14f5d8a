/// One categorisation of a subject: the category, why (rationale and the register entries it
/// rests on), the support plan, when it is next reviewed and who decided. Escalation,
/// de-escalation and a review that keeps the category are each a new decision; earlier ones stay
/// in the subject's history. A decision is provisional until the regional quality meeting
/// ratifies it.
public struct ISFDecision: Hashable, Sendable {
    public var id: String
    public var subject: ISFSubject
    public var category: Int
    public var previousCategory: Int?
    public var rationale: String
    /// Register entry references (at least one).
    public var evidence: [String]
    public var supportPlan: [ISFPlanAction]
    public var nextReview: CalendarDay
    /// The user id of the regional or national lead who decided.
    public var decidedBy: String
    public var decidedOn: CalendarDay
    /// For a de-escalation: the conditions the subject met.
    public var conditionsMet: String?
    public var ratification: ISFRatification?

    public init(id: String, subject: ISFSubject, category: Int, previousCategory: Int?, rationale: String,
                evidence: [String], supportPlan: [ISFPlanAction], nextReview: CalendarDay, decidedBy: String,
                decidedOn: CalendarDay, conditionsMet: String? = nil, ratification: ISFRatification? = nil) {
        self.id = id
        self.subject = subject
        self.category = category
        self.previousCategory = previousCategory
        self.rationale = rationale
        self.evidence = evidence
        self.supportPlan = supportPlan
        self.nextReview = nextReview
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.conditionsMet = conditionsMet
        self.ratification = ratification
    }

    public var movement: ISFMovement { ISFMovement(from: previousCategory, to: category) }

    public var isProvisional: Bool { ratification == nil }

    /// As published reports show it: "ISF 2 (unchanged)", "ISF 3 (up from 2)".
    public var rating: String { "ISF \(category) (\(movement.description))" }

    public func auditFields() -> [String: String] {
        var fields = ["subject": subject.description, "category": String(category), "nextReview": nextReview.iso,
                      "decidedBy": decidedBy, "evidence": evidence.joined(separator: ","),
                      "movement": movement.code, "supportPlanActions": String(supportPlan.count)]
        if let previousCategory { fields["previousCategory"] = String(previousCategory) }
        if let ratification { fields["ratifiedBy"] = ratification.by; fields["ratifiedOn"] = ratification.on.iso }
        return fields
    }
}

/// How a decision moved the subject.
public enum ISFMovement: Hashable, Sendable, CustomStringConvertible {
    case first
    case escalated(from: Int)
    case deescalated(from: Int)
    case unchanged

    /// From `previous` (none: the first categorisation) to `category`.
    public init(from previous: Int?, to category: Int) {
        guard let previous else { self = .first; return }
        self = category > previous ? .escalated(from: previous) : category < previous ? .deescalated(from: previous) : .unchanged
    }

    public var code: String {
        switch self {
        case .first: "new"
        case .escalated: "escalated"
        case .deescalated: "de-escalated"
        case .unchanged: "unchanged"
        }
    }

    public var description: String {
        switch self {
        case .first: "new"
        case .escalated(let from): "up from \(from)"
        case .deescalated(let from): "down from \(from)"
        case .unchanged: "unchanged"
        }
    }
}

/// One action of a decision's support plan.
public struct ISFPlanAction: Hashable, Sendable, Codable {
    public var action: String
    public var owner: String
    public var due: CalendarDay

    public init(action: String, owner: String, due: CalendarDay) {
        self.action = action
        self.owner = owner
        self.due = due
    }
}

/// Who ratified a provisional decision at the regional quality meeting, and when it met.
public struct ISFRatification: Hashable, Sendable, Codable {
    public var by: String
    public var on: CalendarDay

    public init(by: String, on: CalendarDay) {
        self.by = by
        self.on = on
    }
}
