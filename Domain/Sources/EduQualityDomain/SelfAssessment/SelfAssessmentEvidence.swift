/// What the regional team weighs a provider's self-assessment against, gathered once for the
/// comparison page: the register entries tagged with each standard, the organisation's survey
/// flags (in a section of their own: no survey indicator is mapped to a standard), and the review
/// requirements tagged with each standard. The web layer fills it (`SelfAssessmentEvidenceGathering`);
/// requirements come from the reviews service, and stay empty until it is there.
public struct SelfAssessmentEvidence: Hashable, Sendable {
    /// Standard code → the register entries tagged with it.
    public var registerEntries: [String: [RegisterEntryEvidence]]
    public var surveyFlags: [SurveyFlagEvidence]
    /// The published round the flags come from; nil when none is published.
    public var surveyRound: String?
    /// Standard code → the review requirements tagged with it.
    public var requirements: [String: [SelfAssessmentRequirement]]

    public init(registerEntries: [String: [RegisterEntryEvidence]] = [:], surveyFlags: [SurveyFlagEvidence] = [],
                surveyRound: String? = nil, requirements: [String: [SelfAssessmentRequirement]] = [:]) {
        self.registerEntries = registerEntries
        self.surveyFlags = surveyFlags
        self.surveyRound = surveyRound
        self.requirements = requirements
    }

    /// Whether any standard has a requirement: without any, the page leaves the column out.
    public var hasRequirements: Bool { requirements.values.contains { !$0.isEmpty } }

    public func registerEntries(_ standard: String) -> [RegisterEntryEvidence] { registerEntries[standard] ?? [] }
    public func requirements(_ standard: String) -> [SelfAssessmentRequirement] { requirements[standard] ?? [] }

    /// Entries grouped under every standard they are tagged with.
    public static func byStandard(_ entries: [(standards: [String], evidence: RegisterEntryEvidence)]) -> [String: [RegisterEntryEvidence]] {
        var grouped: [String: [RegisterEntryEvidence]] = [:]
        for (standards, evidence) in entries { for code in standards { grouped[code, default: []].append(evidence) } }
        return grouped
    }
}

public struct RegisterEntryEvidence: Hashable, Sendable {
    public let reference: String
    public let title: String
    public let status: RegisterEntryStatus
    /// The risk band's name.
    public let band: String
    public let score: Int

    public init(reference: String, title: String, status: RegisterEntryStatus, band: String, score: Int) {
        self.reference = reference
        self.title = title
        self.status = status
        self.band = band
        self.score = score
    }
}

/// An outlier flag of the organisation in the latest published round, as disclosure control let
/// it be published.
public struct SurveyFlagEvidence: Hashable, Sendable {
    public let indicator: String
    public let flag: OutlierFlag
    public let mean: Double?
    public let n: Int?

    public init(indicator: String, flag: OutlierFlag, mean: Double?, n: Int?) {
        self.indicator = indicator
        self.flag = flag
        self.mean = mean
        self.n = n
    }

    /// The flags the comparison shows: the red and pink cells below the benchmark and the green
    /// ones above it.
    public static let shown: Set<OutlierFlag> = [.red, .pink, .green]
}

/// A review requirement as the comparison page shows it beside a standard.
public struct SelfAssessmentRequirement: Hashable, Sendable {
    public let reference: String
    public let text: String
    public let due: CalendarDay?
    /// The requirement's status as the reviews service words it.
    public let status: String

    public init(reference: String, text: String, due: CalendarDay?, status: String) {
        self.reference = reference
        self.text = text
        self.due = due
        self.status = status
    }
}
