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
    /// The same as a bit mask (bit c for column c).
    let coveredMask: Int

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
        coveredMask = covered.reduce(0) { $0 | 1 << $1 }
    }

    /// The key of every row of the round, in one pass over the dimension ids: each filter adds
    /// its term (level · stride · groupCount) from a table indexed by the row's code.
    func rowKeys(_ columns: RoundColumns, dictionaries: [CodeDictionary], hierarchy: PlaceHierarchy) -> RowKeys {
        let terms = filters.indices.map { FilterTerm(ladder: filters[$0], scale: strides[$0] * grouping.groupCount,
                                                     dictionaries: dictionaries, hierarchy: hierarchy) }
        // Flattened for the loop: column, table offset, fallback column (−1: none), fallback offset.
        var layout = [Int](), tables = [Int32]()
        for term in terms {
            layout.append(term.column)
            layout.append(tables.count)
            tables.append(contentsOf: term.table)
            layout.append(term.fallbackColumn ?? -1)
            layout.append(tables.count)
            tables.append(contentsOf: term.fallbackTable)
        }
        let groupCount = grouping.groupCount, termCount = terms.count, rowCount = columns.count
        var keys = [Int32](repeating: 0, count: rowCount)
        var allCounts = [Int32](repeating: 0, count: filterCombinations * groupCount)
        let matchingRows = [Int32](unsafeUninitializedCapacity: rowCount) { matching, matchingCount in
            matchingCount = 0
            columns.dimensions.withUnsafeBufferPointer { dimensions in
            layout.withUnsafeBufferPointer { layout in
            tables.withUnsafeBufferPointer { tables in
            keys.withUnsafeMutableBufferPointer { keys in
            allCounts.withUnsafeMutableBufferPointer { allCounts in
                for row in 0..<rowCount {
                    let base = row &* RoundColumns.stride
                    var key = Int32(truncatingIfNeeded: grouping.group(ofRowAt: base, in: dimensions))
                    for t in 0..<termCount {
                        let l = t &* 4
                        let code = Int(dimensions[base &+ layout[l]])
                        if code != 0 || layout[l &+ 2] < 0 {
                            key &+= tables[layout[l &+ 1] &+ code]
                        } else {
                            key &+= tables[layout[l &+ 3] &+ Int(dimensions[base &+ layout[l &+ 2]])]
                        }
                    }
                    keys[row] = key
                    allCounts[Int(key)] &+= 1
                    if key < groupCount {
                        matching[matchingCount] = Int32(truncatingIfNeeded: row)
                        matchingCount &+= 1
                    }
                }
            }}}}}
        }
        return RowKeys(keys: keys, matchingRows: matchingRows, allCounts: allCounts)
    }
}

/// Every row's key, the rows matching every filter exactly (key < groupCount: the key is then
/// the group), and how many rows of the round have each key.
struct RowKeys: Sendable {
    let keys: [Int32]
    let matchingRows: [Int32]
    let allCounts: [Int32]
}

/// One filter's share of a row key, looked up by the row's code in the filter's column. A site
/// filter's level depends on the row's organisation and region too, which its site determines;
/// rows without a site are looked up by organisation instead (`fallback`).
struct FilterTerm {
    let column: Int
    let table: [Int32]
    let fallbackColumn: Int?
    let fallbackTable: [Int32]

    init(ladder: ConstraintLadder, scale: Int, dictionaries: [CodeDictionary], hierarchy: PlaceHierarchy) {
        let siteColumn = ReportDimension.site.column!, organisationColumn = ReportDimension.organisation.column!
        let regionColumn = ReportDimension.region.column!
        // The code in `wanted` of a row whose code in `column` is `code`: a site determines its
        // organisation and region, an organisation its region; 0 where that tells nothing.
        func implied(_ wanted: Int, from column: Int, _ code: UInt16) -> UInt16 {
            if wanted == column { return code }
            switch (column, wanted) {
            case (siteColumn, organisationColumn): return hierarchy.organisation(ofSite: code)
            case (siteColumn, regionColumn): return hierarchy.region(ofOrganisation: hierarchy.organisation(ofSite: code))
            case (organisationColumn, regionColumn): return hierarchy.region(ofOrganisation: code)
            default: return 0
            }
        }
        func table(over column: Int) -> [Int32] {
            (0..<dictionaries[column].count).map { code in
                let level = ladder.steps.firstIndex { step in
                    step.code != 0 && implied(step.column, from: column, UInt16(code)) == step.code
                } ?? ladder.steps.count
                return Int32(level * scale)
            }
        }
        column = ladder.steps[0].column
        self.table = table(over: column)
        if column == siteColumn {
            fallbackColumn = organisationColumn
            fallbackTable = table(over: organisationColumn)
        } else {
            fallbackColumn = nil
            fallbackTable = []
        }
    }
}
