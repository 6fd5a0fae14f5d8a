/// Disclosure control of report tables: no published figure may let anyone work out a figure
/// about 1 to threshold−1 respondents. All counts are of respondents with a score for the
/// indicator in question (for item distributions: respondents who answered the item).
///
/// A cell is the population defined by its constraints — the round, each filter (dimension =
/// code) and its group (groupBy = code) — and is published only if all of these hold:
///
/// (a) Primary: n ≥ threshold. A suppressed cell shows neither n nor any other figure.
/// (b) Complementary, within one table (one indicator, one grouping): if the suppressed cells
///     together hold 1…threshold−1 respondents, the smallest published cells (ties: first in code
///     order) are suppressed too, until the suppressed cells hold ≥ threshold or all are.
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
    /// Which of a table's cells to suppress. `counts[i]` is cell i's n, `passesRelaxations[i]`
    /// its rule (c) result; cells are in code order.
    static func suppressions(counts: [Int], passesRelaxations: [Bool], benchmarkPublished: Bool,
                             threshold: DisclosureThreshold) -> [Bool] {
        var suppressed = counts.indices.map { i in
            !benchmarkPublished || !threshold.allows(counts[i]) || !passesRelaxations[i]
        }
        while applyComplementarySuppression(counts: counts, suppressed: &suppressed, threshold: threshold) {}
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

    /// Rule (b); returns whether it suppressed anything.
    static func applyComplementarySuppression(counts: [Int], suppressed: inout [Bool],
                                              threshold: DisclosureThreshold) -> Bool {
        var hidden = 0
        for i in counts.indices where suppressed[i] { hidden += counts[i] }
        guard hidden > 0, !threshold.allows(hidden) else { return false }
        // Smallest first, code order among equal counts.
        let published = counts.indices.filter { !suppressed[$0] }.sorted { (counts[$0], $0) < (counts[$1], $1) }
        var changed = false
        for i in published where !threshold.allows(hidden) {
            suppressed[i] = true
            hidden += counts[i]
            changed = true
        }
        return changed
    }
}
