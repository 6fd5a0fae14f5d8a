/// The answer to an indicator query: one row per (group, indicator) with at least one respondent
/// with a score; figures are present only for published rows. Numbers are unrounded.
public struct IndicatorTable: Sendable, Hashable, Codable {
    public let round: String
    public let groupBy: ReportDimension
    public let filters: [String: String]
    public let threshold: Int
    /// Ordered by group code, then by indicator in the scheme's (or the query's) order.
    public let rows: [IndicatorRow]

    /// Whether the table is about its benchmark's own population: national figures for everyone,
    /// or for one profession (whose benchmark is that profession nationally). Its flags compare a
    /// group with itself, so they say nothing and are not shown.
    public var isItsOwnBenchmark: Bool {
        groupBy == .national && filters.keys.allSatisfy { $0 == ReportDimension.profession.rawValue }
    }
}

/// One cell of an indicator table. When `flag` is `suppressed` every figure is nil.
public struct IndicatorRow: Sendable, Hashable, Codable {
    public let group: String
    public let indicator: String
    public let flag: OutlierFlag
    public let n: Int?
    public let mean: Double?
    public let sd: Double?
    public let ciLow: Double?
    public let ciHigh: Double?
    /// Percentage (0–100) of these respondents' scored answers to the theme's items that were in
    /// the top two ranks after reverse keying.
    public let percentPositive: Double?
    public let benchmark: BenchmarkFigures?

    static func suppressed(group: String, indicator: String) -> IndicatorRow {
        IndicatorRow(group: group, indicator: indicator, flag: .suppressed, n: nil, mean: nil, sd: nil,
                     ciLow: nil, ciHigh: nil, percentPositive: nil, benchmark: nil)
    }

    /// The published summary, for trends (nil when suppressed).
    var summary: GroupSummary? {
        guard let n, let mean else { return nil }
        return GroupSummary(n: n, mean: mean, sd: sd)
    }
}
