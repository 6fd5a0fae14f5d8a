/// The flag grid view: every indicator × every group of one dimension, from one indicator table.
public struct FlagGrid: Sendable, Hashable, Codable {
    public let round: String
    public let dimension: ReportDimension
    public let filters: [String: String]
    public let threshold: Int
    /// Column headings: indicator codes in the scheme's order.
    public let indicators: [String]
    /// One row per group with respondents, in code order.
    public let rows: [FlagGridRow]
}

public struct FlagGridRow: Sendable, Hashable, Codable {
    public let group: String
    /// Aligned with `FlagGrid.indicators`; nil where the group has nobody with a score.
    public let cells: [IndicatorRow?]
}

extension ScoredResponseStore {
    public func flagGrid(round: String, dimension: ReportDimension, filters: [ReportDimension: String] = [:],
                         threshold: DisclosureThreshold = .standard) throws(ReportQueryError) -> FlagGrid {
        let table = try indicatorTable(ReportQuery(round: round, groupBy: dimension, filters: filters, threshold: threshold))
        let indicators = scheme.themes.map(\.code)
        var rows = [FlagGridRow]()
        var start = 0
        // The table is ordered by group, so each group's rows are one run.
        while start < table.rows.count {
            let group = table.rows[start].group
            var end = start
            while end < table.rows.count, table.rows[end].group == group { end += 1 }
            let run = table.rows[start..<end]
            rows.append(FlagGridRow(group: group, cells: indicators.map { code in run.first { $0.indicator == code } }))
            start = end
        }
        return FlagGrid(round: round, dimension: dimension, filters: table.filters, threshold: threshold.value,
                        indicators: indicators, rows: rows)
    }
}
