/// Answer distributions per item and group, through the same disclosure control as indicator
/// tables. The population of an item cell is the respondents who answered the item (a rank or
/// "not applicable"): everything shown is a breakdown of it.
public struct ItemDistributionTable: Sendable, Hashable, Codable {
    public let round: String
    public let groupBy: ReportDimension
    public let filters: [String: String]
    public let threshold: Int
    /// Ordered by group code, then by item in the scheme's order.
    public let rows: [ItemDistributionRow]
}

public struct ItemDistributionRow: Sendable, Hashable, Codable {
    public let group: String
    public let indicator: String
    public let item: String
    public let suppressed: Bool
    /// Respondents who answered the item with a rank or "not applicable".
    public let n: Int?
    /// Answers per rank as asked (index 0 is rank 1), before reverse keying.
    public let rankCounts: [Int]?
    public let notApplicable: Int?
    /// Percentage (0–100) of the ranked answers in the top two ranks after reverse keying; nil
    /// when every answer was "not applicable".
    public let percentPositive: Double?
}

extension ScoredResponseStore {
    public func itemDistributions(_ query: ReportQuery) throws(ReportQueryError) -> ItemDistributionTable {
        try itemDistributions(query, constraints: .none)
    }

    /// The same, with the cells that the temporal rule suppresses (`RoundHistory`).
    func itemDistributions(_ query: ReportQuery, constraints: TemporalConstraints) throws(ReportQueryError) -> ItemDistributionTable {
        let plan = try TablePlan(store: self, round: query.round, groupBy: query.groupBy, filters: query.filters)
        let themes = try themeIndices(query.indicators)
        let columns = rounds[plan.round]
        let keys = plan.rowKeys(columns, dictionaries: dictionaries, hierarchy: hierarchy)
        let order = groupsInCodeOrder(plan.grouping)

        var cellsByGroup = [Int: [ItemDistributionRow]]()
        for theme in themes {
            for itemIndex in themeItems[theme] {
                let item = items[itemIndex]
                let pass = ItemPass(columns: columns, item: itemIndex, scalePoints: item.scalePoints, keys: keys, plan: plan)
                let relaxations = RelaxationCounts(cellCounts: pass.cellCounts, plan: plan)
                // Every group's n, the unlisted ones too ("not stated", sites' pseudo-groups): rule (b) counts them.
                let counts = (0..<plan.grouping.groupCount).map { pass.answered(group: $0) }
                let groups = order.filter { counts[$0] > 0 }
                let answers = columns.answers[itemIndex]
                let suppressed = DisclosureControl.suppressions(
                    cells: groups, groupCounts: counts,
                    passesRelaxations: groups.map { g in
                        !constraints.suppresses(group: plan.grouping.code(ofGroup: g, dictionaries: dictionaries), measure: item.code)
                            && DisclosureControl.passesRuleC(group: g, n: counts[g], shared: pass.shared[g], plan: plan,
                                                             relaxations: relaxations, columns: columns,
                                                             threshold: query.threshold) { answers[$0] != RoundColumns.unanswered }
                    },
                    wider: plan.grouping.wider, benchmarkPublished: true, threshold: query.threshold)
                for (i, g) in groups.enumerated() {
                    let code = plan.grouping.code(ofGroup: g, dictionaries: dictionaries)
                    let indicator = scheme.themes[theme].code
                    guard !suppressed[i] else {
                        cellsByGroup[g, default: []].append(ItemDistributionRow(
                            group: code, indicator: indicator, item: item.code, suppressed: true,
                            n: nil, rankCounts: nil, notApplicable: nil, percentPositive: nil))
                        continue
                    }
                    let ranks = pass.rankCounts(group: g)
                    let ranked = ranks.reduce(0, +)
                    let positive = ranks.enumerated().reduce(0) { $0 + (item.isPositive(rank: $1.offset + 1) ? $1.element : 0) }
                    cellsByGroup[g, default: []].append(ItemDistributionRow(
                        group: code, indicator: indicator, item: item.code, suppressed: false,
                        n: pass.answered(group: g), rankCounts: ranks, notApplicable: pass.notApplicable(group: g),
                        percentPositive: ranked > 0 ? 100 * Double(positive) / Double(ranked) : nil))
                }
            }
        }
        return ItemDistributionTable(round: query.round, groupBy: query.groupBy,
                                     filters: Dictionary(uniqueKeysWithValues: query.filters.map { ($0.rawValue, $1) }),
                                     threshold: query.threshold.value,
                                     rows: order.flatMap { cellsByGroup[$0] ?? [] })
    }
}

/// One item's counts for a table: a counter per row key (all rows' counts less the rows that did
/// not answer) and, over the rows matching every filter, the answers per group (k rank slots,
/// then one for "not applicable") and the codes each group's respondents share.
struct ItemPass {
    private(set) var cellCounts: [Int32]
    private var answers: [Int]
    private let slots: Int
    private(set) var shared: [SharedCodes]

    init(columns: RoundColumns, item: Int, scalePoints: Int, keys rowKeys: RowKeys, plan: TablePlan) {
        let groupCount = plan.grouping.groupCount, slots = scalePoints + 1
        self.slots = slots
        cellCounts = rowKeys.allCounts
        answers = [Int](repeating: 0, count: groupCount * slots)
        shared = [SharedCodes](repeating: SharedCodes(), count: groupCount)
        rowKeys.keys.withUnsafeBufferPointer { keys in
            cellCounts.withUnsafeMutableBufferPointer { counts in
                for row in columns.unansweredRows[item] { counts[Int(keys[Int(row)])] &-= 1 }
            }
        }
        columns.answers[item].withUnsafeBufferPointer { column in
        columns.dimensions.withUnsafeBufferPointer { dimensions in
        rowKeys.keys.withUnsafeBufferPointer { keys in
        rowKeys.matchingRows.withUnsafeBufferPointer { matchingRows in
        answers.withUnsafeMutableBufferPointer { answers in
        shared.withUnsafeMutableBufferPointer { shared in
            for row32 in matchingRows {
                let row = Int(row32)
                let answer = column[row]
                if answer == RoundColumns.unanswered { continue }
                let g = Int(keys[row])
                let slot = answer == RoundColumns.notApplicable ? scalePoints : Int(answer) &- 1
                answers[g &* slots &+ slot] &+= 1
                shared[g].add(SharedCodes.row(at: row, in: dimensions))
            }
        }}}}}}
    }

    func rankCounts(group g: Int) -> [Int] { Array(answers[(g * slots)..<(g * slots + slots - 1)]) }
    func notApplicable(group g: Int) -> Int { answers[g * slots + slots - 1] }
    func answered(group g: Int) -> Int { answers[(g * slots)..<(g * slots + slots)].reduce(0, +) }
}
