/// The published figures of a benchmark population for one indicator: every respondent with a
/// score in the same round and, when the query filters on a profession, of that profession.
public struct BenchmarkFigures: Sendable, Hashable, Codable {
    public let n: Int
    public let mean: Double
    public let q1: Double
    public let q3: Double
    public let ciLow: Double
    public let ciHigh: Double

    public init(n: Int, mean: Double, q1: Double, q3: Double, ciLow: Double, ciHigh: Double) {
        self.n = n
        self.mean = mean
        self.q1 = q1
        self.q3 = q3
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }
}

/// A benchmark population as computed (and cached): its summary and quartiles, and the smallest
/// number of respondents that any population containing it through a code all its respondents
/// share adds to it (see `ImpliedSupersets`; nil when none adds any).
struct BenchmarkPopulation: Sendable {
    let summary: GroupSummary
    let q1: Double
    let q3: Double
    let smallestImpliedAddition: Int?

    /// The benchmark is itself a published figure, so it passes rules (a) and (c) like any cell:
    /// n ≥ threshold, and every population containing it — the whole round when the benchmark is
    /// one profession, and any defined by codes its respondents share — differs from it by 0 or
    /// ≥ threshold respondents.
    func figures(threshold: DisclosureThreshold, wholeRound: BenchmarkPopulation?) -> BenchmarkFigures? {
        guard threshold.allows(summary.n),
              threshold.allowsDifference((wholeRound?.summary.n ?? summary.n) - summary.n),
              threshold.allowsDifference(smallestImpliedAddition ?? 0),
              let interval = summary.confidenceInterval else { return nil }
        return BenchmarkFigures(n: summary.n, mean: summary.mean, q1: q1, q3: q3,
                                ciLow: interval.lowerBound, ciHigh: interval.upperBound)
    }
}
