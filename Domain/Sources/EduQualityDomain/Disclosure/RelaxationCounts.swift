/// For one indicator of one table: the number of respondents with a score in every population
/// obtained by relaxing any combination of a cell's constraints, for rule (c).
///
/// Built from one counter per row key (see `TablePlan`). Level 0 holds, per filter combination,
/// the count per group; each wider group level re-aggregates those by the group's ancestor
/// (site → organisation → region → everyone). Cumulative sums along each filter's ladder then
/// turn "first matches at level ℓ" into "matches at level ≤ ℓ", i.e. the relaxed population.
struct RelaxationCounts: Sendable {
    private let filterCombinations: Int
    private var levels: [[Int32]]
    private let cardinalities: [Int]
    private let ancestors: [[Int32]]

    init(cellCounts: [Int32], plan: TablePlan) {
        let grouping = plan.grouping, combinations = plan.filterCombinations
        var levels = [cellCounts]
        var cardinalities = [grouping.groupCount], ancestors = [[Int32]]()
        for level in grouping.wider {
            var counts = [Int32](repeating: 0, count: combinations * level.cardinality)
            for f in 0..<combinations {
                let from = f * grouping.groupCount, to = f * level.cardinality
                for g in 0..<grouping.groupCount where cellCounts[from + g] != 0 {
                    counts[to + Int(level.ancestor[g])] += cellCounts[from + g]
                }
            }
            levels.append(counts)
            cardinalities.append(level.cardinality)
            ancestors.append(level.ancestor)
        }
        for l in levels.indices {
            let width = cardinalities[l]
            levels[l].withUnsafeMutableBufferPointer { counts in
                for (i, ladder) in plan.filters.enumerated() {
                    let stride = plan.strides[i], levelCount = ladder.levelCount
                    for f in 0..<combinations where (f / stride) % levelCount != 0 {
                        let to = f * width, from = (f - stride) * width
                        for g in 0..<width { counts[to + g] += counts[from + g] }
                    }
                }
            }
        }
        self.filterCombinations = combinations
        self.levels = levels
        self.cardinalities = cardinalities
        self.ancestors = ancestors
    }

    /// Respondents in the cell itself (every filter exact, group = g).
    func count(ofGroup g: Int) -> Int { Int(levels[0][g]) }

    /// Rule (c): every relaxation of the cell (each filter at any level of its ladder, the group
    /// at any level of its ladder) holds the same respondents or at least `threshold` more.
    func allowsPublication(ofGroup g: Int, threshold: DisclosureThreshold) -> Bool {
        let n = levels[0][g]
        for (l, counts) in levels.enumerated() {
            let width = cardinalities[l]
            let id = l == 0 ? g : Int(ancestors[l - 1][g])
            for f in 0..<filterCombinations {
                if !threshold.allowsDifference(Int(counts[f * width + id] - n)) { return false }
            }
        }
        return true
    }
}
