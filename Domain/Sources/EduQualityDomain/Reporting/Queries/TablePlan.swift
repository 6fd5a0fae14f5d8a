/// A table query resolved against the store's dictionaries: the round, each filter as a ladder
/// of relaxations, and the grouping. Each row of the round gets one integer key,
///
///     key = f · groupCount + group,
///
/// where f numbers the combination of relaxation levels at which the row first matches each
/// filter (mixed radix, f = 0: it matches every filter exactly). One counter per key then gives,
/// after cumulative sums, the size of every relaxed population that rule (c) needs.
struct TablePlan: Sendable {
    let round: Int
    let filters: [ConstraintLadder]
    let strides: [Int]
    /// Number of filter-relaxation combinations (product of the ladders' level counts).
    let filterCombinations: Int
    let grouping: GroupLadder
    /// The profession filter's id, 0 when there is none (it selects the benchmark).
    let profession: UInt16
    /// Columns named by the query's constraints or their wider places: relaxations of these are
    /// counted by `RelaxationCounts`, shared codes in other columns by `ImpliedSupersets`.
    let coveredColumns: Set<Int>

    init(store: ScoredResponseStore, round: String, groupBy: ReportDimension,
         filters: [ReportDimension: String]) throws(ReportQueryError) {
        guard let roundID = store.roundCodes.id(of: round) else { throw .unknownRound(round) }
        self.round = Int(roundID) - 1
        var ladders = [ConstraintLadder](), strides = [Int](), combinations = 1, profession: UInt16 = 0
        // A fixed dimension order keeps the encoding (and any tie-breaking) deterministic.
        for dimension in ReportDimension.allCases {
            guard let code = filters[dimension] else { continue }
            guard let column = dimension.column else {
                guard code == ReportDimension.nationalCode else { throw .unknownCode(dimension: dimension, code: code) }
                continue
            }
            guard let id = store.dictionaries[column].id(of: code) else {
                throw .unknownCode(dimension: dimension, code: code)
            }
            if dimension == .profession { profession = id }
            let ladder = ConstraintLadder(dimension: dimension, code: id, hierarchy: store.hierarchy)
            ladders.append(ladder)
            strides.append(combinations)
            combinations *= ladder.levelCount
        }
        self.filters = ladders
        self.strides = strides
        self.filterCombinations = combinations
        self.profession = profession
        grouping = GroupLadder(dimension: groupBy, dictionaries: store.dictionaries, hierarchy: store.hierarchy)
        var covered = Set(ladders.flatMap { $0.steps.map(\.column) })
        var place: ReportDimension? = groupBy == .national ? nil : groupBy
        while let dimension = place {
            covered.insert(dimension.column!)
            place = dimension.parent
        }
        coveredColumns = covered
    }

    /// The key of every row of the round (one pass over the dimension ids).
    func rowKeys(_ columns: RoundColumns) -> [Int32] {
        // Flattened ladders: cheaper to walk per row than arrays of arrays.
        var stepColumns = [Int](), stepCodes = [UInt16](), firstStep = [0]
        for ladder in filters {
            for step in ladder.steps {
                stepColumns.append(step.column)
                stepCodes.append(step.code)
            }
            firstStep.append(stepColumns.count)
        }
        let groupCount = grouping.groupCount
        return [Int32](unsafeUninitializedCapacity: columns.count) { keys, initialized in
            columns.dimensions.withUnsafeBufferPointer { dimensions in
                for row in 0..<columns.count {
                    let base = row &* RoundColumns.stride
                    var f = 0
                    for i in 0..<strides.count {
                        let start = firstStep[i], end = firstStep[i &+ 1]
                        var level = end &- start
                        for s in start..<end where dimensions[base &+ stepColumns[s]] == stepCodes[s] {
                            level = s &- start
                            break
                        }
                        f &+= level &* strides[i]
                    }
                    keys[row] = Int32(truncatingIfNeeded: f &* groupCount &+ grouping.group(ofRowAt: base, in: dimensions))
                }
            }
            initialized = columns.count
        }
    }
}
