/// Rule (c) for the populations that contain a cell only through a code its respondents happen
/// to share (say every one of them is in specialty X, which no query constraint named): all the
/// populations defined by any subset J of the cell's shared codes that includes at least one code
/// outside the query's own constraints and their wider places (those are `RelaxationCounts`'s).
///
/// Such a population holds the cell plus the other counted respondents that agree with the cell
/// on all of J. Those respondents agree on at least one extra code, so they are all in the
/// extra codes' row lists: one pass over those lists, a histogram by agreement mask, and sums over
/// supersets of masks give every count at once.
enum ImpliedSupersets {
    /// The smallest positive number of counted respondents that such a population adds to the
    /// cell, or nil when none adds any. `shared` lists the cell's shared codes; `covered` marks the
    /// columns the query's constraints already cover.
    static func smallestAddition(shared: [ConstraintLadder.Step], covered: Set<Int>, columns: RoundColumns,
                                 isCounted: (Int) -> Bool) -> Int? {
        // Extra codes get the low bits, so "has an extra" is `mask & extraBits != 0`.
        let extras = shared.filter { !covered.contains($0.column) }
        guard !extras.isEmpty else { return nil }
        let constraints = extras + shared.filter { covered.contains($0.column) }
        let full = (1 << constraints.count) - 1, extraBits = (1 << extras.count) - 1
        var histogram = [Int](repeating: 0, count: full + 1)
        columns.dimensions.withUnsafeBufferPointer { dimensions in
            for (k, extra) in extras.enumerated() {
                for row32 in columns.rows(withCode: extra.code, inColumn: extra.column) {
                    let row = Int(row32)
                    guard isCounted(row) else { continue }
                    let base = row &* RoundColumns.stride
                    var mask = 0
                    for (bit, constraint) in constraints.enumerated()
                    where dimensions[base &+ constraint.column] == constraint.code {
                        mask |= 1 << bit
                    }
                    // Each row once: in the list of its first extra code. Rows agreeing on every
                    // shared code satisfy all the cell's constraints: they are the cell itself.
                    if mask & ((1 << k) - 1) != 0 || mask == full { continue }
                    histogram[mask] += 1
                }
            }
        }
        // Sum over supersets: counts[J] = respondents (outside the cell) agreeing on all of J.
        for bit in 0..<constraints.count {
            for mask in 0...full where mask & (1 << bit) == 0 {
                histogram[mask] += histogram[mask | (1 << bit)]
            }
        }
        var smallest: Int?
        for mask in 1...full where mask & extraBits != 0 && histogram[mask] > 0 {
            smallest = min(smallest ?? .max, histogram[mask])
        }
        return smallest
    }
}
