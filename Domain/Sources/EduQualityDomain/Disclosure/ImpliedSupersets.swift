/// Rule (c) for the populations that contain a cell only through a code its respondents happen
/// to share (say every one of them is in specialty X, which no query constraint named): the
/// populations defined by any subset J of the cell's shared codes that includes at least one code
/// outside the query's own constraints and their wider places (those are `RelaxationCounts`'s).
enum ImpliedSupersets {
    /// Whether every such population holds the cell's n counted respondents or ≥ threshold more.
    ///
    /// A search down the lattice of subsets, from all shared codes (the cell itself): the place
    /// codes form one ladder (site → organisation → region → none, as a site implies the rest),
    /// the other shared codes are kept or dropped. A population that already adds ≥ threshold
    /// respondents proves every population below it safe too (they only grow), so the search
    /// goes on only below populations that add nobody. Each population is counted by scanning
    /// the shortest row list among its codes, stopping once it adds threshold respondents.
    static func allowPublication(ofCellWith n: Int, shared: [ConstraintLadder.Step], covered: Set<Int>,
                                 columns: RoundColumns, threshold: DisclosureThreshold,
                                 isCounted: (Int) -> Bool) -> Bool {
        let placeColumns = [ReportDimension.site.column!, ReportDimension.organisation.column!, ReportDimension.region.column!]
        // Narrowest shared place first; index places.count stands for "no place constraint".
        let places = placeColumns.compactMap { column in shared.first { $0.column == column } }
        let others = shared.filter { !placeColumns.contains($0.column) }
        let extraOthers = others.indices.reduce(0) { covered.contains(others[$1].column) ? $0 : $0 | 1 << $1 }
        guard extraOthers != 0 || places.contains(where: { !covered.contains($0.column) }) else { return true }

        func hasExtra(_ place: Int, _ bits: Int) -> Bool {
            bits & extraOthers != 0 || (place < places.count && !covered.contains(places[place].column))
        }
        let limit = n + threshold.value  // counting further cannot change the verdict
        func count(_ place: Int, _ bits: Int) -> Int {
            var constraints = place < places.count ? [places[place]] : []
            for (i, other) in others.enumerated() where bits & (1 << i) != 0 { constraints.append(other) }
            var lists = constraints.map { columns.rows(withCode: $0.code, inColumn: $0.column) }
            let shortest = lists.indices.min { lists[$0].count < lists[$1].count }!
            let rows = lists.remove(at: shortest)
            constraints.remove(at: shortest)
            var found = 0
            columns.dimensions.withUnsafeBufferPointer { dimensions in
                for row32 in rows {
                    let row = Int(row32), base = row &* RoundColumns.stride
                    guard constraints.allSatisfy({ dimensions[base &+ $0.column] == $0.code }), isCounted(row) else { continue }
                    found += 1
                    if found >= limit { return }
                }
            }
            return found
        }

        var visited = Set<Int>()
        var sameAsCell = [(place: 0, bits: (1 << others.count) - 1)]
        while let (place, bits) = sameAsCell.popLast() {
            var children = [(place: Int, bits: Int)]()
            if place < places.count { children.append((place + 1, bits)) }
            for i in others.indices where bits & (1 << i) != 0 { children.append((place, bits & ~(1 << i))) }
            for child in children where hasExtra(child.place, child.bits) {
                guard visited.insert(child.place << 8 | child.bits).inserted else { continue }
                let addition = count(child.place, child.bits) - n
                if addition == 0 {
                    sameAsCell.append(child)
                } else if !threshold.allowsDifference(addition) {
                    return false
                }
            }
        }
        return true
    }

    /// The smallest positive number of counted respondents that such a population adds to a
    /// population (or nil when none adds any), exactly and for any threshold: used for benchmark
    /// populations, which are cached across thresholds. `shared` lists the population's shared
    /// codes; `covered` marks the columns its own constraints cover.
    ///
    /// Every respondent such a population adds agrees with the cell on at least one extra code,
    /// so all are in the extra codes' row lists: one pass over those lists, a histogram by
    /// agreement mask, and sums over supersets of masks give every count at once.
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
                    // shared code satisfy all the population's constraints: they are in it.
                    if mask & ((1 << k) - 1) != 0 || mask == full { continue }
                    histogram[mask] += 1
                }
            }
        }
        // Sum over supersets: counts[J] = respondents (outside) agreeing on all of J.
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
