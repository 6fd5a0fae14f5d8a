import Foundation

/// Running sums for a group's mean and sample variance. Values are shifted by the midpoint of the
/// 0–100 score scale before squaring, which keeps the one-pass variance as accurate as a two-pass
/// one for scores (the cancellation in Σx² − (Σx)²/n is what the shift avoids).
struct MomentAccumulator: Sendable, Equatable {
    static let shift = 50.0
    var n = 0
    var sum = 0.0          // Σ (x − shift)
    var sumOfSquares = 0.0 // Σ (x − shift)²

    @inline(__always)
    mutating func add(_ x: Double) {
        let d = x - Self.shift
        n += 1
        sum += d
        sumOfSquares += d * d
    }

    var summary: GroupSummary {
        guard n > 0 else { return GroupSummary(n: 0, mean: .nan, sd: nil) }
        let meanShifted = sum / Double(n)
        let mean = meanShifted + Self.shift
        guard n > 1 else { return GroupSummary(n: 1, mean: mean, sd: nil) }
        let variance = max(0, (sumOfSquares - sum * meanShifted) / Double(n - 1))
        return GroupSummary(n: n, mean: mean, sd: variance.squareRoot())
    }
}

/// n, mean, sample standard deviation and the 95% confidence interval mean ± t(0.975, n−1)·SD/√n
/// of a set of respondent scores. SD and CI are undefined (nil) for n = 1.
public struct GroupSummary: Sendable, Equatable {
    public let n: Int
    public let mean: Double
    public let sd: Double?

    public init(n: Int, mean: Double, sd: Double?) {
        self.n = n
        self.mean = mean
        self.sd = sd
    }

    /// Summarises the values directly (two passes); the engine uses `MomentAccumulator` instead.
    public init(of values: [Double]) {
        var accumulator = MomentAccumulator()
        for value in values { accumulator.add(value) }
        self = accumulator.summary
    }

    public var confidenceInterval: ClosedRange<Double>? {
        guard let sd, n > 1 else { return nil }
        let half = StudentT.critical975(degreesOfFreedom: n - 1) * sd / Double(n).squareRoot()
        return (mean - half)...(mean + half)
    }
}
