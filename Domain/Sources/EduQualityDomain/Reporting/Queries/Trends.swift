/// The same cells (group × indicator under the same filters) across rounds, each round's cell
/// through that round's disclosure control, with Welch's test of each year-on-year change.
public struct TrendQuery: Sendable, Hashable {
    /// Rounds in chronological order; changes are between consecutive rounds of this list.
    public var rounds: [String]
    public var groupBy: ReportDimension
    public var filters: [ReportDimension: String]
    public var indicators: [String]?
    public var threshold: DisclosureThreshold

    public init(rounds: [String], groupBy: ReportDimension = .national, filters: [ReportDimension: String] = [:],
                indicators: [String]? = nil, threshold: DisclosureThreshold = .standard) {
        self.rounds = rounds
        self.groupBy = groupBy
        self.filters = filters
        self.indicators = indicators
        self.threshold = threshold
    }
}

public struct TrendTable: Sendable, Hashable, Codable {
    public let rounds: [String]
    public let groupBy: ReportDimension
    public let filters: [String: String]
    public let threshold: Int
    /// Ordered by group code, then indicator; one series per cell present in any round.
    public let series: [TrendSeries]
}

public struct TrendSeries: Sendable, Hashable, Codable {
    public let group: String
    public let indicator: String
    /// One point per round in which the cell has respondents, in the query's round order.
    public let points: [TrendPoint]
}

public struct TrendPoint: Sendable, Hashable, Codable {
    public let round: String
    public let flag: OutlierFlag
    public let n: Int?
    public let mean: Double?
    public let sd: Double?
    public let ciLow: Double?
    public let ciHigh: Double?
    /// The change from the previous round of the query, when both rounds' cells are published.
    public let change: YearOnYearChange?
}

public struct YearOnYearChange: Sendable, Hashable, Codable {
    public let fromRound: String
    /// This round's mean minus the previous round's.
    public let difference: Double
    public let t: Double?
    public let degreesOfFreedom: Double?
    public let p: Double
    /// Welch's two-sided test at p < 0.05.
    public let significant: Bool
}

extension ScoredResponseStore {
    public func trends(_ query: TrendQuery) throws(ReportQueryError) -> TrendTable {
        try trends(query, histories: [:])
    }

    /// Trends where some rounds have been published more than once: each round's cells through
    /// its own history (`RoundHistory`), the others through this store.
    public func trends(_ query: TrendQuery, histories: [String: RoundHistory]) throws(ReportQueryError) -> TrendTable {
        guard !query.rounds.isEmpty else { throw .noRounds }
        var tables = [IndicatorTable]()
        for round in query.rounds {
            let roundQuery = ReportQuery(round: round, groupBy: query.groupBy, filters: query.filters,
                                         indicators: query.indicators, threshold: query.threshold)
            if let history = histories[round] {
                tables.append(try history.indicatorTable(roundQuery))
            } else {
                tables.append(try indicatorTable(roundQuery))
            }
        }
        // Each cell's row in each round (nil where it has nobody with a score that round).
        struct Cell: Hashable { let group: String, indicator: String }
        var cellIndex = [Cell: Int](), cells = [Cell](), rows = [[IndicatorRow?]]()
        for (position, table) in tables.enumerated() {
            for row in table.rows {
                let cell = Cell(group: row.group, indicator: row.indicator)
                let i: Int
                if let known = cellIndex[cell] {
                    i = known
                } else {
                    i = cells.count
                    cellIndex[cell] = i
                    cells.append(cell)
                    rows.append(Array(repeating: nil, count: tables.count))
                }
                rows[i][position] = row
            }
        }
        let indicatorPosition = Dictionary(uniqueKeysWithValues: try themeIndices(query.indicators).enumerated().map {
            (scheme.themes[$1].code, $0)
        })
        let order = cells.indices.sorted {
            (cells[$0].group, indicatorPosition[cells[$0].indicator]!) < (cells[$1].group, indicatorPosition[cells[$1].indicator]!)
        }
        let series = order.map { i in
            let points = query.rounds.indices.compactMap { position -> TrendPoint? in
                guard let row = rows[i][position] else { return nil }
                var change: YearOnYearChange?
                if position > 0, let earlier = rows[i][position - 1]?.summary, let later = row.summary,
                   let test = WelchTest(earlier: earlier, later: later) {
                    change = YearOnYearChange(fromRound: query.rounds[position - 1], difference: test.difference,
                                              t: test.t, degreesOfFreedom: test.degreesOfFreedom, p: test.p,
                                              significant: test.isSignificant)
                }
                return TrendPoint(round: query.rounds[position], flag: row.flag, n: row.n, mean: row.mean, sd: row.sd,
                                  ciLow: row.ciLow, ciHigh: row.ciHigh, change: change)
            }
            return TrendSeries(group: cells[i].group, indicator: cells[i].indicator, points: points)
        }
        return TrendTable(rounds: query.rounds, groupBy: query.groupBy,
                          filters: Dictionary(uniqueKeysWithValues: query.filters.map { ($0.rawValue, $1) }),
                          threshold: query.threshold.value, series: series)
    }
}
