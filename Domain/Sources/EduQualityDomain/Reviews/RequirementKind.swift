/// What a finding asks of the provider.
public enum RequirementKind: String, CaseIterable, Codable, Sendable, Hashable {
    case immediateMandatory = "immediate-mandatory"
    case mandatory
    case recommendation
    case goodPractice = "good-practice"

    public var displayName: String {
        switch self {
        case .immediateMandatory: "Immediate mandatory requirement"
        case .mandatory: "Mandatory requirement"
        case .recommendation: "Recommendation"
        case .goodPractice: "Good practice"
        }
    }

    /// The prefix of references within a review: `IMR1`, `MR2`, `R3`, `GP1`.
    public var prefix: String {
        switch self {
        case .immediateMandatory: "IMR"
        case .mandatory: "MR"
        case .recommendation: "R"
        case .goodPractice: "GP"
        }
    }

    /// Good practice is noted, not acted on: it has no due date, owner or RAG status.
    public var isActionable: Bool { self != .goodPractice }
}

/// How long a provider has, by default, from the visit: working days for an immediate mandatory
/// requirement (5, as the domain reference gives), calendar days for the others. Configurable
/// (`Seed/reference/requirement-rules.json`).
public struct RequirementDueRule: Hashable, Sendable, Codable {
    public var immediateWorkingDays: Int
    public var mandatoryDays: Int
    public var recommendationDays: Int

    public init(immediateWorkingDays: Int = 5, mandatoryDays: Int = 90, recommendationDays: Int = 180) {
        self.immediateWorkingDays = immediateWorkingDays
        self.mandatoryDays = mandatoryDays
        self.recommendationDays = recommendationDays
    }

    public static let standard = RequirementDueRule()

    /// The default due date of a `kind` found at a visit on `visit`; nil for good practice.
    public func due(_ kind: RequirementKind, visitedOn visit: CalendarDay, calendar: WorkingCalendar) -> CalendarDay? {
        switch kind {
        case .immediateMandatory: calendar.adding(workingDays: immediateWorkingDays, to: visit)
        case .mandatory: visit.adding(days: mandatoryDays)
        case .recommendation: visit.adding(days: recommendationDays)
        case .goodPractice: nil
        }
    }
}
