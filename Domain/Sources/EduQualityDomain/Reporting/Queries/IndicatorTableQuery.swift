extension ScoredResponseStore {
    /// The indicator table: per group and indicator n, mean, SD, 95% CI, % positive, benchmark
    /// and flag, through disclosure control (see `DisclosureControl`).
    public func indicatorTable(_ query: ReportQuery) throws(ReportQueryError) -> IndicatorTable {
        try indicatorTable(query, constraints: .none)
    }

    /// The same, with the cells and benchmarks that the temporal rule suppresses (`RoundHistory`).
    func indicatorTable(_ query: ReportQuery, constraints: TemporalConstraints) throws(ReportQueryError) -> IndicatorTable {
        let plan = try TablePlan(store: self, round: query.round, groupBy: query.groupBy, filters: query.filters)
        let themes = try themeIndices(query.indicators)
        let columns = rounds[plan.round]
        let keys = plan.rowKeys(columns, dictionaries: dictionaries, hierarchy: hierarchy)
        let order = groupsInCodeOrder(plan.grouping)

        // One pass over the matching rows for all themes, then disclosure control per theme.
        let pass = ThemesPass(columns: columns, themes: themes, keys: keys, plan: plan)
        var cells = [[IndicatorRow]](repeating: [], count: plan.grouping.groupCount)
        for (position, theme) in themes.enumerated() {
            let relaxations = RelaxationCounts(cellCounts: pass.cellCounts[position], plan: plan)
            // Every group's n, the unlisted ones too ("not stated", sites' pseudo-groups): rule (b) counts them.
            let counts = (0..<plan.grouping.groupCount).map { pass.moments(g: $0, position).n }
            let groups = order.filter { counts[$0] > 0 }
            let benchmark = benchmarkFigures(round: plan.round, profession: plan.profession, theme: theme,
                                             threshold: query.threshold)
            let indicator = scheme.themes[theme].code
            let suppressed = DisclosureControl.suppressions(
                cells: groups, groupCounts: counts,
                passesRelaxations: groups.map { g in
                    !constraints.suppresses(group: plan.grouping.code(ofGroup: g, dictionaries: dictionaries), measure: indicator)
                        && DisclosureControl.passesRuleC(group: g, n: counts[g], shared: pass.shared(g: g, position),
                                                         plan: plan, relaxations: relaxations, columns: columns,
                                                         threshold: query.threshold) { !columns.score(ofRow: $0, theme: theme).isNaN }
                },
                wider: plan.grouping.wider,
                benchmarkPublished: benchmark != nil && !constraints.benchmarks.contains(indicator), threshold: query.threshold)
            for (i, g) in groups.enumerated() {
                let code = plan.grouping.code(ofGroup: g, dictionaries: dictionaries)
                let row: IndicatorRow
                if suppressed[i] {
                    row = .suppressed(group: code, indicator: indicator)
                } else {
                    row = Self.publishedRow(group: code, indicator: indicator, summary: pass.moments(g: g, position).summary,
                                            positive: pass.positiveAnswers(g: g, position),
                                            scored: pass.scoredAnswers(g: g, position),
                                            benchmark: benchmark!, threshold: query.threshold)
                }
                cells[g].append(row)
            }
        }
        return IndicatorTable(round: query.round, groupBy: query.groupBy,
                              filters: Dictionary(uniqueKeysWithValues: query.filters.map { ($0.rawValue, $1) }),
                              threshold: query.threshold.value,
                              rows: order.flatMap { cells[$0] })
    }

    private static func publishedRow(group: String, indicator: String, summary: GroupSummary, positive: Int,
                                     scored: Int, benchmark: BenchmarkFigures,
                                     threshold: DisclosureThreshold) -> IndicatorRow {
        // Published cells have n ≥ threshold ≥ 2, so SD and CI exist.
        let interval = summary.confidenceInterval!
        return IndicatorRow(group: group, indicator: indicator,
                            flag: OutlierFlag.classify(group: summary, benchmark: benchmark, threshold: threshold),
                            n: summary.n, mean: summary.mean, sd: summary.sd,
                            ciLow: interval.lowerBound, ciHigh: interval.upperBound,
                            percentPositive: scored > 0 ? 100 * Double(positive) / Double(scored) : nil,
                            benchmark: benchmark)
    }

    /// Theme positions for the requested codes (all themes when nil).
    func themeIndices(_ codes: [String]?) throws(ReportQueryError) -> [Int] {
        guard let codes else { return Array(scheme.themes.indices) }
        var indices = [Int]()
        for code in codes {
            guard let index = scheme.themes.firstIndex(where: { $0.code == code }) else { throw .unknownIndicator(code) }
            if !indices.contains(index) { indices.append(index) }
        }
        return indices
    }

    /// The real groups of a grouping (the ones a table lists), ordered by their codes: without
    /// "not stated" (id 0) and sites' pseudo-groups, which rule (b) counts all the same.
    func groupsInCodeOrder(_ grouping: GroupLadder) -> [Int] {
        guard let column = grouping.dimension.column else { return [0] }
        return dictionaries[column].idsInCodeOrder.map(Int.init)
    }
}

/// The requested themes' counts for a table, from one pass over the rows matching every filter:
/// per theme a counter per row key (every relaxed population: all rows' counts less the rows
/// without a score for it), and per group and theme (index g · themes + position) the moments,
/// answer counts and the codes the group's scored respondents share.
struct ThemesPass {
    private(set) var cellCounts: [[Int32]]
    private var accumulators: [MomentAccumulator]
    private var positiveSums: [Int]
    private var scoredSums: [Int]
    private var sharedCodes: [SharedCodes]
    private let themeCount: Int

    func moments(g: Int, _ position: Int) -> MomentAccumulator { accumulators[g * themeCount + position] }
    func positiveAnswers(g: Int, _ position: Int) -> Int { positiveSums[g * themeCount + position] }
    func scoredAnswers(g: Int, _ position: Int) -> Int { scoredSums[g * themeCount + position] }
    func shared(g: Int, _ position: Int) -> SharedCodes { sharedCodes[g * themeCount + position] }

    init(columns: RoundColumns, themes: [Int], keys rowKeys: RowKeys, plan: TablePlan) {
        let cells = plan.grouping.groupCount * themes.count, stride = columns.themeCount, themeCount = themes.count
        self.themeCount = themeCount
        cellCounts = themes.map { theme in
            var counts = rowKeys.allCounts
            rowKeys.keys.withUnsafeBufferPointer { keys in
                counts.withUnsafeMutableBufferPointer { counts in
                    for row in columns.unscoredRows[theme] { counts[Int(keys[Int(row)])] &-= 1 }
                }
            }
            return counts
        }
        accumulators = [MomentAccumulator](repeating: MomentAccumulator(), count: cells)
        positiveSums = [Int](repeating: 0, count: cells)
        scoredSums = [Int](repeating: 0, count: cells)
        sharedCodes = [SharedCodes](repeating: SharedCodes(), count: cells)
        columns.scores.withUnsafeBufferPointer { scores in
        columns.positiveAnswers.withUnsafeBufferPointer { positive in
        columns.scoredAnswers.withUnsafeBufferPointer { scored in
        columns.dimensions.withUnsafeBufferPointer { dimensions in
        rowKeys.keys.withUnsafeBufferPointer { keys in
        rowKeys.matchingRows.withUnsafeBufferPointer { matchingRows in
        themes.withUnsafeBufferPointer { themes in
        accumulators.withUnsafeMutableBufferPointer { moments in
        positiveSums.withUnsafeMutableBufferPointer { positiveSums in
        scoredSums.withUnsafeMutableBufferPointer { scoredSums in
        sharedCodes.withUnsafeMutableBufferPointer { shared in
            for row32 in matchingRows {
                let row = Int(row32)
                let cell = Int(keys[row]) &* themeCount, base = row &* stride
                let place = SharedCodes.row(at: row, in: dimensions)
                for position in 0..<themeCount {
                    let column = base &+ themes[position]
                    let score = scores[column]
                    if score.isNaN { continue }
                    let c = cell &+ position
                    moments[c].add(score)
                    positiveSums[c] &+= Int(positive[column])
                    scoredSums[c] &+= Int(scored[column])
                    shared[c].add(place)
                }
            }
        }}}}}}}}}}}
    }
}
