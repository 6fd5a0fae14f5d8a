/// How many learners of one profession the change affects.
public struct LearnersAffected: Hashable, Sendable, Codable {
    public var profession: String
    public var count: Int

    public init(profession: String, count: Int) {
        self.profession = profession
        self.count = count
    }
}

/// A section's rating (a code of the configured scale) and the evidence for it.
public struct SectionRating: Hashable, Sendable, Codable {
    public var rating: String
    public var evidence: String?

    public init(rating: String, evidence: String? = nil) {
        self.rating = rating
        self.evidence = evidence
    }
}

/// The decision on an assessment, with its reason and, when supported with conditions, the
/// conditions, each tracked until it is met.
public struct ImpactDecision: Hashable, Sendable, Codable {
    public var outcome: ImpactDecisionOutcome
    public var reason: String
    public var conditions: [ImpactCondition]
    public var by: String
    public var on: CalendarDay

    public init(outcome: ImpactDecisionOutcome, reason: String, conditions: [ImpactCondition] = [], by: String, on: CalendarDay) {
        self.outcome = outcome
        self.reason = reason
        self.conditions = conditions
        self.by = by
        self.on = on
    }
}

public struct ImpactCondition: Hashable, Sendable, Codable {
    public enum Status: String, CaseIterable, Codable, Sendable, Hashable { case open, met }

    public var number: Int
    public var text: String
    public var status: Status
    public var metOn: CalendarDay?
    /// How the team judged it met.
    public var note: String?

    public init(number: Int, text: String, status: Status = .open, metOn: CalendarDay? = nil, note: String? = nil) {
        self.number = number
        self.text = text
        self.status = status
        self.metOn = metOn
        self.note = note
    }
}

/// A message between the regional quality team and the submitter.
public struct ImpactComment: Hashable, Sendable, Codable {
    public enum Side: String, CaseIterable, Codable, Sendable, Hashable { case team, submitter }

    public var number: Int
    public var side: Side
    public var by: String
    public var text: String
    public var on: CalendarDay

    public init(number: Int, side: Side, by: String, text: String, on: CalendarDay) {
        self.number = number
        self.side = side
        self.by = by
        self.text = text
        self.on = on
    }
}

/// What a change did: one line each for the assessment's history, and the audit event.
public struct ImpactAssessmentChange: Equatable, Sendable {
    public let lines: [String]
    public let audit: AuditEvent

    public init(lines: [String], audit: AuditEvent) {
        self.lines = lines
        self.audit = audit
    }
}
