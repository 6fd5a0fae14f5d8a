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
