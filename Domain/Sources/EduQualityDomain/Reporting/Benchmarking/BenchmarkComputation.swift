extension ScoredResponseStore {
    /// The benchmark of one indicator for a query in `round` whose profession filter is
    /// `profession` (0: none): every respondent of the round with that profession, ignoring all
    /// other filters. nil when the benchmark may not be published, which suppresses the rows.
    ///
    /// The benchmark is itself a published figure, so it passes rules (a) and (c) like any cell:
    /// n ≥ threshold, and every population containing it — the whole round when it is one
    /// profession, and any defined by codes all its respondents share — holds the same
    /// respondents or ≥ threshold more.
    func benchmarkFigures(round: Int, profession: UInt16, theme: Int,
                          threshold: DisclosureThreshold) -> BenchmarkFigures? {
        let columns = rounds[round]
        let distribution = columns.benchmarkScores(profession: profession, theme: theme)
        guard threshold.allows(distribution.n) else { return nil }
        if profession != 0 {
            let wholeRound = columns.benchmarkScores(profession: 0, theme: theme)
            guard threshold.allowsDifference(wholeRound.n - distribution.n) else { return nil }
        }
        let professionColumn = ReportDimension.profession.column!
        if let addition = ImpliedSupersets.smallestAddition(
            shared: distribution.shared.constraints, covered: profession == 0 ? [] : [professionColumn],
            columns: columns, isCounted: { !columns.score(ofRow: $0, theme: theme).isNaN }),
           !threshold.allowsDifference(addition) {
            return nil
        }
        let summary = distribution.moments.summary
        guard let interval = summary.confidenceInterval else { return nil }
        return BenchmarkFigures(n: summary.n, mean: summary.mean, q1: distribution.percentile(0.25),
                                q3: distribution.percentile(0.75), ciLow: interval.lowerBound, ciHigh: interval.upperBound)
    }
}
