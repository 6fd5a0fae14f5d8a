extension ScoredResponseStore {
    /// The benchmark of one indicator for a query in `round` whose profession filter is
    /// `profession` (0: none): every respondent of the round with that profession, ignoring all
    /// other filters. nil when the benchmark may not be published, which suppresses the rows.
    func benchmarkFigures(round: Int, profession: UInt16, theme: Int,
                          threshold: DisclosureThreshold) -> BenchmarkFigures? {
        let population = benchmarkPopulation(round: round, profession: profession, theme: theme)
        let wholeRound = profession == 0 ? nil : benchmarkPopulation(round: round, profession: 0, theme: theme)
        return population.figures(threshold: threshold, wholeRound: wholeRound)
    }

    func benchmarkPopulation(round: Int, profession: UInt16, theme: Int) -> BenchmarkPopulation {
        benchmarks.population(for: .init(round: round, profession: profession, theme: theme)) {
            Self.computeBenchmark(rounds[round], profession: profession, theme: theme)
        }
    }

    /// One pass gathering the scores (and their moments), then quartiles by selection.
    private static func computeBenchmark(_ columns: RoundColumns, profession: UInt16, theme: Int) -> BenchmarkPopulation {
        var values = [Double]()
        values.reserveCapacity(columns.count)
        var moments = MomentAccumulator()
        var shared = SharedCodes()
        let professionColumn = ReportDimension.profession.column!
        columns.scores[theme].withUnsafeBufferPointer { scores in
            columns.dimensions.withUnsafeBufferPointer { dimensions in
                for row in 0..<columns.count {
                    let score = scores[row]
                    if score.isNaN { continue }
                    if profession != 0, dimensions[row &* RoundColumns.stride &+ professionColumn] != profession { continue }
                    values.append(score)
                    moments.add(score)
                    shared.add(SharedCodes.row(at: row, in: dimensions))
                }
            }
        }
        guard !values.isEmpty else {
            return BenchmarkPopulation(summary: moments.summary, q1: .nan, q3: .nan, smallestImpliedAddition: nil)
        }
        let (q1, q3) = values.withUnsafeMutableBufferPointer { buffer in
            (Percentile.linearBySelection(0.25, in: buffer), Percentile.linearBySelection(0.75, in: buffer))
        }
        let scores = columns.scores[theme]
        let addition = ImpliedSupersets.smallestAddition(
            shared: shared.constraints, covered: profession == 0 ? [] : [professionColumn], columns: columns
        ) { !scores[$0].isNaN }
        return BenchmarkPopulation(summary: moments.summary, q1: q1, q3: q3, smallestImpliedAddition: addition)
    }
}
