/// Disclosure control of report tables: no published figure may let anyone work out a figure
/// about 1 to threshold−1 respondents. All counts are of respondents with a score for the
/// indicator in question (for item distributions: respondents who answered the item).
///
/// A cell is the population defined by its constraints — the round, each filter (dimension =
/// code) and its group (groupBy = code) — and is published only if all of these hold:
///
/// (a) Primary: n ≥ threshold. A suppressed cell shows neither n nor any other figure.
/// (b) Complementary, within one table (one indicator, one grouping), for every parent: at each
///     wider level of the grouping (`GroupLadder.wider`: site → organisation → region → everyone,
///     organisation → region → everyone, other dimensions → everyone) and for each group P there,
///     P's count under the table's filters minus the n of the table's published cells in P is 0
///     or ≥ threshold. All that is unpublished in P counts: cells hidden by (a), (b) or (c),
///     "not stated" (id 0) and the respondents of an organisation with no site. Where it is
///     1…threshold−1, P's smallest published cells (ties: first in code order) are suppressed
///     until it holds or none is left, over all parents until nothing changes.
/// (c) Across tables: the cell differs by 0 or by at least threshold respondents from EVERY
///     population that contains it. Those are the populations defined by any combination of
///     constraints that all the cell's respondents satisfy:
///     - each of the cell's own constraints kept, widened to an ancestor place (site →
///       organisation → region) or dropped (national), independently — every combination, the
///       product of the ladders, not only single relaxations (`RelaxationCounts`); and
///     - any code that all the cell's respondents happen to share in a dimension no constraint
///       names (say all are in specialty X, or at one site), in any combination with the above
///       (`ImpliedSupersets`). Without this, {specialty X} and {site S} could both be published
///       when every X respondent is at S and S has one respondent more.
///     So no published cell differs from any population nesting it — published or not, however
///     a query defines it — by 1…t−1. The round is never relaxed (each round is its own survey).
/// The benchmark of a row is a published figure too: it must pass (a) and (c) itself (its only
/// relaxation is the whole round), or every row compared with it is suppressed.
///
/// (c) depends only on counts, not on which cells are suppressed, so applying (a) and (c) and
/// then (b) reaches the fixed point of "apply (b) and (c) until stable"; the loop below checks it.
enum DisclosureControl {
    /// Which of a table's cells to suppress. `cells` are the table's group ids in code order,
    /// `passesRelaxations[i]` cell i's rule (c) result; `groupCounts[g]` is the n of every group
    /// id g of the grouping (0..<groupCount, including "not stated" and sites' pseudo-groups),
    /// `wider` the grouping's wider levels (the parents of rule (b)).
    static func suppressions(cells: [Int], groupCounts: [Int], passesRelaxations: [Bool], wider: [GroupLadder.Level],
                             benchmarkPublished: Bool, threshold: DisclosureThreshold) -> [Bool] {
        var suppressed = cells.indices.map { i in
            !benchmarkPublished || !threshold.allows(groupCounts[cells[i]]) || !passesRelaxations[i]
        }
        guard suppressed.contains(false) else { return suppressed }
        let parents = wider.map { ParentCounts(level: $0, groupCounts: groupCounts) }
        while applyComplementarySuppression(cells: cells, groupCounts: groupCounts, parents: parents,
                                            suppressed: &suppressed, threshold: threshold) {}
        return suppressed
    }

    /// Rule (c) for one cell with n ≥ threshold (smaller cells are suppressed by (a) anyway).
    static func passesRuleC(group g: Int, n: Int, shared: SharedCodes, plan: TablePlan, relaxations: RelaxationCounts,
                            columns: RoundColumns, threshold: DisclosureThreshold,
                            isCounted: (Int) -> Bool) -> Bool {
        guard threshold.allows(n), relaxations.allowsPublication(ofGroup: g, threshold: threshold) else { return false }
        // Usually the cell's respondents share no code beyond its own constraints.
        guard shared.sharedColumns & ~plan.coveredMask != 0 else { return true }
        return ImpliedSupersets.allowPublication(ofCellWith: n, shared: shared.constraints, covered: plan.coveredColumns,
                                                 columns: columns, threshold: threshold, isCounted: isCounted)
    }

    /// One wider level of a grouping: each group's parent there and each parent's count (over
    /// every group id, published or not). O(groups).
    struct ParentCounts {
        let ancestor: [Int32]
        let counts: [Int]

        init(level: GroupLadder.Level, groupCounts: [Int]) {
            var counts = [Int](repeating: 0, count: level.cardinality)
            for (g, n) in groupCounts.enumerated() where n != 0 { counts[Int(level.ancestor[g])] += n }
            ancestor = level.ancestor
            self.counts = counts
        }
    }

    /// Rule (b), one sweep over the levels, narrowest first; returns whether it suppressed anything.
    static func applyComplementarySuppression(cells: [Int], groupCounts: [Int], parents: [ParentCounts],
                                              suppressed: inout [Bool], threshold: DisclosureThreshold) -> Bool {
        var changed = false
        for level in parents {
            // Hidden respondents per parent: its count less its published cells.
            var hidden = level.counts
            for (i, g) in cells.enumerated() where !suppressed[i] { hidden[Int(level.ancestor[g])] -= groupCounts[g] }
            let breached = hidden.indices.filter { !threshold.allowsDifference(hidden[$0]) }
            guard !breached.isEmpty else { continue }
            // The published cells of each breached parent, in code order (one pass over the cells).
            var members = Dictionary(uniqueKeysWithValues: breached.map { ($0, [Int]()) })
            for (i, g) in cells.enumerated() where !suppressed[i] { members[Int(level.ancestor[g])]?.append(i) }
            for parent in breached {
                // Smallest first, code order among equal counts.
                let published = members[parent]!.sorted { (groupCounts[cells[$0]], $0) < (groupCounts[cells[$1]], $1) }
                for i in published where !threshold.allowsDifference(hidden[parent]) {
                    suppressed[i] = true
                    hidden[parent] += groupCounts[cells[i]]
                    changed = true
                }
            }
        }
        return changed
    }
}
