/// The respondent scores of one benchmark population (a round, or a round's profession) for one
/// theme, kept up to date as each response arrives, so a benchmark is never recomputed from the
/// rows and never stale: the distinct scores in order with their counts (respondent scores are
/// means of a few item scores, so there are only hundreds of distinct values), the moments, and
/// the codes all its respondents share.
///
/// This stands in for a cache of benchmark quartiles invalidated on append: during a live round
/// every append would invalidate it, and recomputing quartiles of 100k scores takes milliseconds.
struct ScoreDistribution: Sendable {
    private(set) var values: [Double] = []
    private(set) var counts: [Int] = []
    private(set) var moments = MomentAccumulator()
    private(set) var shared = SharedCodes()

    var n: Int { moments.n }

    mutating func add(_ score: Double, dimensions: SharedCodes.Row) {
        moments.add(score)
        shared.add(dimensions)
        let position = values.partitioningIndex(where: { $0 >= score })
        if position < values.count, values[position] == score {
            counts[position] += 1
        } else {
            values.insert(score, at: position)
            counts.insert(1, at: position)
        }
    }

    /// The p-th percentile by numpy's linear interpolation, read off the cumulative counts.
    func percentile(_ p: Double) -> Double {
        precondition(n > 0, "a percentile of no scores")
        let h = Double(n - 1) * p
        let low = Int(h.rounded(.down))
        let fraction = h - Double(low)
        let lowValue = value(atRank: low)
        guard fraction > 0, low + 1 < n else { return lowValue }
        return lowValue + fraction * (value(atRank: low + 1) - lowValue)
    }

    /// The score of 0-based rank `rank` in ascending order.
    private func value(atRank rank: Int) -> Double {
        var seen = 0
        for (value, count) in zip(values, counts) {
            seen += count
            if rank < seen { return value }
        }
        return values[values.count - 1]
    }
}
