extension ScoredResponseStore {
    /// The indicator table: per group and indicator n, mean, SD, 95% CI, % positive, benchmark
    /// and flag, through disclosure control (see `DisclosureControl`).
    public func indicatorTable(_ query: ReportQuery) throws(ReportQueryError) -> IndicatorTable {
        let plan = try TablePlan(store: self, round: query.round, groupBy: query.groupBy, filters: query.filters)
        let themes = try themeIndices(query.indicators)
        let columns = rounds[plan.round]
        let keys = plan.rowKeys(columns, dictionaries: dictionaries, hierarchy: hierarchy)
        let order = groupsInCodeOrder(plan.grouping)

        var cellsByGroup = [Int: [IndicatorRow]]()
        for theme in themes {
            let pass = ThemePass(columns: columns, theme: theme, keys: keys, plan: plan)
            let relaxations = RelaxationCounts(cellCounts: pass.cellCounts, plan: plan)
            let groups = order.filter { pass.moments[$0].n > 0 }
            let benchmark = benchmarkFigures(round: plan.round, profession: plan.profession, theme: theme,
                                             threshold: query.threshold)
            let scores = columns.scores[theme]
            let suppressed = DisclosureControl.suppressions(
                counts: groups.map { pass.moments[$0].n },
                passesRelaxations: groups.map { g in
                    DisclosureControl.passesRuleC(group: g, n: pass.moments[g].n, shared: pass.shared[g], plan: plan,
                                                  relaxations: relaxations, columns: columns,
                                                  threshold: query.threshold) { !scores[$0].isNaN }
                },
                benchmarkPublished: benchmark != nil, threshold: query.threshold)
            let indicator = scheme.themes[theme].code
            for (i, g) in groups.enumerated() {
                let code = plan.grouping.code(ofGroup: g, dictionaries: dictionaries)
                let row: IndicatorRow
                if suppressed[i] {
                    row = .suppressed(group: code, indicator: indicator)
                } else {
                    row = Self.publishedRow(group: code, indicator: indicator, summary: pass.moments[g].summary,
                                            positive: pass.positiveAnswers[g], scored: pass.scoredAnswers[g],
                                            benchmark: benchmark!, threshold: query.threshold)
                }
                cellsByGroup[g, default: []].append(row)
            }
        }
        return IndicatorTable(round: query.round, groupBy: query.groupBy,
                              filters: Dictionary(uniqueKeysWithValues: query.filters.map { ($0.rawValue, $1) }),
                              threshold: query.threshold.value,
                              rows: order.flatMap { cellsByGroup[$0] ?? [] })
    }

    private static func publishedRow(group: String, indicator: String, summary: GroupSummary, positive: Int,
                                     scored: Int, benchmark: BenchmarkFigures,
                                     threshold: DisclosureThreshold) -> IndicatorRow {
        // Published cells have n ≥ threshold ≥ 2, so SD and CI exist.
        let interval = summary.confidenceInterval!
        return IndicatorRow(group: group, indicator: indicator,
                            flag: Flag.classify(group: summary, benchmark: benchmark, threshold: threshold),
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
            indices.append(index)
        }
        return indices
    }

    /// The real groups of a grouping, ordered by their codes.
    func groupsInCodeOrder(_ grouping: GroupLadder) -> [Int] {
        guard let column = grouping.dimension.column else { return [0] }
        return dictionaries[column].idsInCodeOrder.map(Int.init)
    }
}

/// One theme's counts for a table: a counter per row key (every relaxed population; all rows'
/// counts less the rows without a score) and, over the rows matching every filter, the moments,
/// answer counts and shared codes of each group.
struct ThemePass {
    private(set) var cellCounts: [Int32]
    private(set) var moments: [MomentAccumulator]
    private(set) var positiveAnswers: [Int]
    private(set) var scoredAnswers: [Int]
    private(set) var shared: [SharedCodes]

    init(columns: RoundColumns, theme: Int, keys rowKeys: RowKeys, plan: TablePlan) {
        let groupCount = plan.grouping.groupCount
        cellCounts = rowKeys.allCounts
        moments = [MomentAccumulator](repeating: MomentAccumulator(), count: groupCount)
        positiveAnswers = [Int](repeating: 0, count: groupCount)
        scoredAnswers = [Int](repeating: 0, count: groupCount)
        shared = [SharedCodes](repeating: SharedCodes(), count: groupCount)
        rowKeys.keys.withUnsafeBufferPointer { keys in
            cellCounts.withUnsafeMutableBufferPointer { counts in
                for row in columns.unscoredRows[theme] { counts[Int(keys[Int(row)])] &-= 1 }
            }
        }
        columns.scores[theme].withUnsafeBufferPointer { scores in
        columns.positiveAnswers[theme].withUnsafeBufferPointer { positive in
        columns.scoredAnswers[theme].withUnsafeBufferPointer { scored in
        columns.dimensions.withUnsafeBufferPointer { dimensions in
        rowKeys.keys.withUnsafeBufferPointer { keys in
        rowKeys.matchingRows.withUnsafeBufferPointer { matchingRows in
        moments.withUnsafeMutableBufferPointer { moments in
        positiveAnswers.withUnsafeMutableBufferPointer { positiveSums in
        scoredAnswers.withUnsafeMutableBufferPointer { scoredSums in
        shared.withUnsafeMutableBufferPointer { shared in
            for row32 in matchingRows {
                let row = Int(row32)
                let score = scores[row]
                if score.isNaN { continue }
                let g = Int(keys[row])
                moments[g].add(score)
                positiveSums[g] &+= Int(positive[row])
                scoredSums[g] &+= Int(scored[row])
                shared[g].add(SharedCodes.row(at: row, in: dimensions))
            }
        }}}}}}}}}}
    }
}
