/// The sources the early-warning view lines up for an organisation, each a count per quarter
/// (the ISF category is its level). Raw values are the API's.
public enum EarlyWarningSource: String, CaseIterable, Codable, Sendable, Hashable {
    case surveyRedFlags = "survey-red-flags"
    case surveyPinkFlags = "survey-pink-flags"
    case surveyGreenFlags = "survey-green-flags"
    case learnerConcerns = "learner-concerns"
    case speakUpCases = "speak-up-cases"
    case seriousComments = "serious-comments"
    case isfCategory = "isf-category"
    case openRequirements = "open-requirements"
    case overdueRequirements = "overdue-requirements"
    /// Register entries in the high and extreme bands.
    case registerHighAndExtreme = "register-high-extreme"
    /// Emerging concerns the organisation is the subject of. Only for viewers who may see every
    /// one counted: the web layer leaves this series out otherwise, before any signal is worked out.
    case emergingConcerns = "emerging-concerns"
    /// Impact assessments of proposed changes at the organisation.
    case impactAssessments = "impact-assessments"

    public var displayName: String {
        switch self {
        case .surveyRedFlags: "Survey red flags"
        case .surveyPinkFlags: "Survey pink flags"
        case .surveyGreenFlags: "Survey green flags"
        case .learnerConcerns: "Learner concerns"
        case .speakUpCases: "Speak-up cases"
        case .seriousComments: "Serious survey comments"
        case .isfCategory: "ISF category"
        case .openRequirements: "Open requirements"
        case .overdueRequirements: "Overdue requirements"
        case .registerHighAndExtreme: "High and extreme register entries"
        case .emergingConcerns: "Emerging concerns"
        case .impactAssessments: "Impact assessments"
        }
    }

    public enum Direction: String, Sendable, Hashable { case higher, lower }

    /// Which way is worse: more of everything, except green flags, which are good news.
    public var worse: Direction { self == .surveyGreenFlags ? .lower : .higher }
}

/// One quarter's figure: a count, or suppressed because it is below the disclosure threshold
/// (a suppressed figure is never compared, so it never counts as worsening).
public enum SeriesValue: Hashable, Sendable {
    case count(Int)
    case suppressed

    /// A count suppressed when it is from 1 to `threshold` − 1 (zero says nothing about anyone).
    public static func counted(_ value: Int, suppressedBelow threshold: Int?) -> SeriesValue {
        if let threshold, value > 0, value < threshold { return .suppressed }
        return .count(value)
    }

    public var number: Int? {
        if case .count(let n) = self { return n }
        return nil
    }

    /// What a table cell shows.
    public var display: String { number.map(String.init) ?? "suppressed" }
}

/// One source's figures by quarter; a quarter with no entry has no figure.
public struct SourceSeries: Hashable, Sendable {
    public var source: EarlyWarningSource
    public var values: [CalendarQuarter: SeriesValue]

    public init(source: EarlyWarningSource, values: [CalendarQuarter: SeriesValue]) {
        self.source = source
        self.values = values
    }

    public func value(at quarter: CalendarQuarter) -> SeriesValue? { values[quarter] }

    /// The figure for each of `periods`, nil where there is none.
    public func points(over periods: [CalendarQuarter]) -> [(period: CalendarQuarter, value: SeriesValue?)] {
        periods.map { ($0, values[$0]) }
    }
}

/// An organisation's sources side by side: what the early-warning page and its API show.
public struct EarlyWarningHistory: Hashable, Sendable {
    public var organisation: String
    public var series: [SourceSeries]

    public init(organisation: String, series: [SourceSeries]) {
        self.organisation = organisation
        self.series = series
    }

    /// Every quarter from the earliest figure to the latest, gaps included, so a missing quarter
    /// shows as one.
    public var periods: [CalendarQuarter] {
        let all = series.flatMap(\.values.keys)
        guard let first = all.min(), let last = all.max() else { return [] }
        return CalendarQuarter.range(first, through: last)
    }

    public var latestQuarter: CalendarQuarter? { series.flatMap(\.values.keys).max() }

    public func series(for source: EarlyWarningSource) -> SourceSeries? { series.first { $0.source == source } }

    /// The same history without `sources` (the emerging concerns, for a viewer not party to them).
    public func removing(_ sources: Set<EarlyWarningSource>) -> EarlyWarningHistory {
        EarlyWarningHistory(organisation: organisation, series: series.filter { !sources.contains($0.source) })
    }
}
