/// Disclosure control over time. A round's figures come from frozen publications
/// (`RoundVersion`); when it is published again after late responses, a figure that someone could
/// have seen in an earlier publication may change only if the change is itself a figure that may
/// be published: otherwise (n × mean after) − (n × mean before) gives the late learners' answers
/// away.
///
/// So the table of a query at publication j is worked out from the table at every earlier
/// publication i (each in turn through this rule) and from the same query over the responses
/// added since i alone (the "delta"): a cell published at i whose delta cell is suppressed by the
/// ordinary rules (a), (b), (c) — it moved by 1 to threshold−1, or the move would let a smaller one
/// be worked out — is suppressed at j, and so is every row of a table whose benchmark moved that
/// way. Rule (b) then runs at j over the cells so suppressed too. A cell with no late response
/// does not move and stays as it was; a cell first published at j was never seen before.
/// Because the published-at-i cells of a parent are a subset of the delta's published cells,
/// the parent's change less theirs is 0 or ≥ threshold too.
struct TemporalConstraints: Sendable {
    struct Cell: Hashable, Sendable { let group: String, measure: String }
    var cells: Set<Cell> = []
    /// Themes whose benchmark moved by too little to publish the move.
    var benchmarks: Set<String> = []

    static let none = TemporalConstraints()

    func suppresses(group: String, measure: String) -> Bool {
        !cells.isEmpty && cells.contains(Cell(group: group, measure: measure))
    }
}

/// A round's publications, oldest first: the store as each left it (the last is the one shown
/// now), and the responses each publication after the first added. Built by the reporting engine
/// when a round is published again; queries about the round go through it.
public struct RoundHistory: Sendable {
    public let round: String
    let versions: [ScoredResponseStore]
    /// deltas[j][i]: a store of the responses added after publication i up to publication j.
    let deltas: [[ScoredResponseStore]]

    /// `versions[k]`: the store after publication k; `added[k − 1]`: the responses publication k
    /// added (k ≥ 1). Late responses the store refuses (a place moved region, say) are left out
    /// of the deltas too.
    public init(round: String, versions: [ScoredResponseStore], added: [[ResponseRecord]]) {
        precondition(!versions.isEmpty && added.count == versions.count - 1)
        self.round = round
        self.versions = versions
        let scheme = versions[0].scheme
        deltas = versions.indices.map { j in
            (0..<j).map { i in
                var delta = ScoredResponseStore(scheme: scheme)
                for batch in added[i..<j] { for record in batch { try? delta.append(record) } }
                return delta
            }
        }
    }

    public func indicatorTable(_ query: ReportQuery) throws(ReportQueryError) -> IndicatorTable {
        var tables = [IndicatorTable]()
        for (j, store) in versions.enumerated() {
            var constraints = TemporalConstraints.none
            for i in 0..<j {
                let delta = deltas[j][i]
                constraints.cells.formUnion(Self.movesNotPublishable(
                    earlier: tables[i].rows.map { (Self.cell($0.group, $0.indicator), $0.n) },
                    delta: ((try? delta.indicatorTable(query))?.rows ?? []).map { (Self.cell($0.group, $0.indicator), $0.n) }))
                for theme in (try? store.themeIndices(query.indicators)) ?? []
                where delta.benchmarkMovesTooLittle(round: query.round, profession: query.filters[.profession],
                                                    theme: theme, threshold: query.threshold) {
                    constraints.benchmarks.insert(store.scheme.themes[theme].code)
                }
            }
            tables.append(try store.indicatorTable(query, constraints: constraints))
        }
        return tables.last!
    }

    public func itemDistributions(_ query: ReportQuery) throws(ReportQueryError) -> ItemDistributionTable {
        var tables = [ItemDistributionTable]()
        for (j, store) in versions.enumerated() {
            var constraints = TemporalConstraints.none
            for i in 0..<j {
                constraints.cells.formUnion(Self.movesNotPublishable(
                    earlier: tables[i].rows.map { (Self.cell($0.group, $0.item), $0.n) },
                    delta: ((try? deltas[j][i].itemDistributions(query))?.rows ?? []).map { (Self.cell($0.group, $0.item), $0.n) }))
            }
            tables.append(try store.itemDistributions(query, constraints: constraints))
        }
        return tables.last!
    }

    private static func cell(_ group: String, _ measure: String) -> TemporalConstraints.Cell {
        TemporalConstraints.Cell(group: group, measure: measure)
    }

    /// The cells published at an earlier publication (n present) whose move since — the same cell
    /// over the added responses alone — is suppressed. A cell the added responses do not reach
    /// has no row there: it did not move.
    private static func movesNotPublishable(earlier: [(TemporalConstraints.Cell, Int?)],
                                            delta: [(TemporalConstraints.Cell, Int?)]) -> Set<TemporalConstraints.Cell> {
        let moves = Dictionary(delta, uniquingKeysWith: { first, _ in first })
        return Set(earlier.compactMap { cell, n in n != nil && moves[cell].map { $0 == nil } == true ? cell : nil })
    }
}

extension ScoredResponseStore {
    /// Whether this store of added responses has respondents in a benchmark population (the round,
    /// or one profession in it) but too few, or too few apart, to publish their move.
    func benchmarkMovesTooLittle(round: String, profession: String?, theme: Int, threshold: DisclosureThreshold) -> Bool {
        guard let roundID = roundCodes.id(of: round) else { return false }
        var professionID: UInt16 = 0
        if let profession {
            guard let id = dictionaries[ReportDimension.profession.column!].id(of: profession) else { return false }
            professionID = id
        }
        let r = Int(roundID) - 1
        guard rounds[r].benchmarkScores(profession: professionID, theme: theme).n > 0 else { return false }
        return benchmarkFigures(round: r, profession: professionID, theme: theme, threshold: threshold) == nil
    }
}
