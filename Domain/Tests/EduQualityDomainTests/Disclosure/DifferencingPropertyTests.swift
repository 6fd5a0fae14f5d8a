import Testing
@testable import EduQualityDomain

/// The differencing property, checked by brute force: on a random small survey, run many
/// filter × grouping combinations, collect every published figure (cells and benchmarks), and
/// prove that no two published populations of the same indicator, one nested in the other,
/// differ in n by 1…threshold−1; and that in every table, under every wider-level parent of the
/// grouping, the parent's count less its published cells is 0 or ≥ threshold (rule (b), with
/// "not stated" and site-less respondents counted as hidden siblings). Populations and counts are
/// recomputed here from the records, independently of the engine's columns and histograms.
@Suite("Differencing property")
struct DifferencingPropertyTests {
    struct Survey {
        let records: [ResponseRecord]
        let store: ScoredResponseStore
        let organisationOf: [String: String]
        let regionOf: [String: String]
        /// Per measure — each theme (respondents with a score), then each item (respondents who
        /// answered it, with a rank or "not applicable", and were shown it) — by index in `records`.
        let counted: [String: [Bool]]
    }

    static let scheme = try! ScoringScheme(themes: [
        Theme(code: "T1", items: [ScoredItem(code: "a"), ScoredItem(code: "b", isReverseKeyed: true),
                                  ScoredItem(code: "c", allowsNotApplicable: true)]),
        Theme(code: "T2", items: [ScoredItem(code: "d"), ScoredItem(code: "e", professions: ["P1"])]),
    ])

    static func pick<G: RandomNumberGenerator>(_ weighted: [(String?, Double)], _ g: inout G) -> String? {
        var x = Double.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &g)
        for (value, weight) in weighted {
            if x < weight { return value }
            x -= weight
        }
        return weighted.last!.0
    }

    /// Skewed on purpose, so that small cells and small differences are common.
    static func survey(size: Int, seed: UInt64, rounds: [String] = ["r"]) -> Survey {
        var g = SeededGenerator(seed: seed)
        let organisationOf = ["S1": "O1", "S2": "O1", "S3": "O2", "S4": "O2", "S5": "O3", "S6": "O3", "S7": "O4", "S8": "O4"]
        let regionOf = ["O1": "R1", "O2": "R1", "O3": "R2", "O4": "R2"]
        var records = [ResponseRecord]()
        for _ in 0..<size {
            let site = pick([("S1", 8), ("S2", 1), ("S3", 4), ("S4", 2), ("S5", 6), ("S6", 0.5), ("S7", 3), ("S8", 1), (nil, 1)], &g)
            let organisation = site.map { organisationOf[$0]! } ?? pick([("O1", 1), ("O2", 1), ("O3", 1), ("O4", 1)], &g)!
            var answers = [String: Answer]()
            for item in ["a", "b", "c", "d", "e"] {
                let roll = Double.random(in: 0..<1, using: &g)
                if roll < 0.15 { continue }  // unanswered
                if item == "c", roll < 0.25 { answers[item] = .notApplicable; continue }
                answers[item] = .rank(Int.random(in: 1...5, using: &g))
            }
            records.append(ResponseRecord(
                round: rounds.randomElement(using: &g)!, profession: pick([("P1", 6), ("P2", 3), ("P3", 1)], &g)!,
                region: regionOf[organisation]!, organisation: organisation, site: site,
                specialty: pick([("X1", 5), ("X2", 2), ("X3", 0.5), (nil, 1)], &g),
                placementType: pick([("PT1", 3), ("PT2", 1), (nil, 0.5)], &g),
                level: pick([("L1", 4), ("L2", 1), (nil, 0.3)], &g),
                answers: answers))
        }
        var store = ScoredResponseStore(scheme: scheme)
        try! store.append(contentsOf: records)
        var counted = [String: [Bool]]()
        for theme in scheme.themes {
            counted[theme.code] = records.map {
                scheme.respondentScore(theme: theme, profession: $0.profession, answers: $0.answers) != nil
            }
            for item in theme.items {
                counted[item.code] = records.map { record in
                    item.isShown(to: record.profession) && (record.answers[item.code] ?? .unanswered) != .unanswered
                }
            }
        }
        return Survey(records: records, store: store, organisationOf: organisationOf, regionOf: regionOf, counted: counted)
    }

    static func code(_ record: ResponseRecord, _ dimension: ReportDimension) -> String? {
        switch dimension {
        case .national: ReportDimension.nationalCode
        case .region: record.region
        case .organisation: record.organisation
        case .site: record.site
        case .profession: record.profession
        case .specialty: record.specialty
        case .placementType: record.placementType
        case .level: record.level
        }
    }

    /// A published figure: its defining constraints, measure (theme or item code), n and the
    /// respondents it covers.
    struct Figure {
        let constraints: [ReportDimension: String]
        let measure: String
        let n: Int
        let members: Set<Int>
        let source: String
    }

    /// Every query to run: each grouping with no filter, every single filter, every pair of
    /// filters, and a random sample of triples (all codes, including contradictory ones).
    static func filterSets(_ survey: Survey, seed: UInt64) -> [[ReportDimension: String]] {
        let dimensions = ReportDimension.allCases.filter { $0 != .national }
        let codes = Dictionary(uniqueKeysWithValues: dimensions.map { d in (d, survey.store.codes(of: d)) })
        var sets: [[ReportDimension: String]] = [[:]]
        for d in dimensions { for c in codes[d]! { sets.append([d: c]) } }
        for (i, d1) in dimensions.enumerated() {
            for d2 in dimensions[(i + 1)...] {
                for c1 in codes[d1]! { for c2 in codes[d2]! { sets.append([d1: c1, d2: c2]) } }
            }
        }
        var g = SeededGenerator(seed: seed)
        for _ in 0..<150 {
            let chosen = dimensions.shuffled(using: &g).prefix(3)
            sets.append(Dictionary(uniqueKeysWithValues: chosen.map { d in (d, codes[d]!.randomElement(using: &g)!) }))
        }
        return sets
    }

    /// The wider levels of a grouping, as rule (b) walks them: site → organisation → region →
    /// everyone; organisation → region → everyone; any other dimension → everyone.
    static func widerLevels(_ groupBy: ReportDimension) -> [ReportDimension] {
        switch groupBy {
        case .national: []
        case .site: [.organisation, .region, .national]
        case .organisation: [.region, .national]
        default: [.national]
        }
    }

    /// The code at `level` of the place (or other code) `group` of dimension `groupBy`.
    static func ancestor(of group: String, _ groupBy: ReportDimension, at level: ReportDimension, _ survey: Survey) -> String {
        var (d, c) = (groupBy, group)
        while d != level {
            switch (d, level) {
            case (_, .national): return ReportDimension.nationalCode
            case (.site, _): (d, c) = (.organisation, survey.organisationOf[c]!)
            case (.organisation, _): (d, c) = (.region, survey.regionOf[c]!)
            default: preconditionFailure("\(level) is not wider than \(d)")
            }
        }
        return c
    }

    /// Rule (b) checked from the records: in the table (`matching` are the indices of the records
    /// of its round that satisfy its filters), for each measure and each parent at every wider
    /// level of the grouping, the parent's respondents counted for the measure less the published
    /// cells' n under it must be 0 or ≥ threshold. A parent with no published cell under it is
    /// skipped: nothing is subtracted there (and the parent's own figure is subject to (a) and (c)).
    /// Returns the breaches found, described.
    static func siblingBreaches(_ survey: Survey, matching: [Int], groupBy: ReportDimension,
                                published: [String: [String: Int]], threshold: DisclosureThreshold,
                                source: String) -> [String] {
        var breaches = [String]()
        for (measure, cells) in published.sorted(by: { $0.key < $1.key }) {
            let counted = survey.counted[measure]!
            for level in widerLevels(groupBy) {
                var parentCount = [String: Int](), publishedSum = [String: Int]()
                for i in matching where counted[i] { parentCount[code(survey.records[i], level)!, default: 0] += 1 }
                for (group, n) in cells { publishedSum[ancestor(of: group, groupBy, at: level, survey), default: 0] += n }
                for (parent, sum) in publishedSum where sum > 0 {
                    let gap = parentCount[parent, default: 0] - sum
                    if !threshold.allowsDifference(gap) {
                        breaches.append("\(source) \(measure): \(level.rawValue) \(parent) holds \(parentCount[parent, default: 0]), its published cells \(sum)")
                    }
                }
            }
        }
        return breaches
    }

    /// Published n per measure and group code, from a table's rows.
    static func publishedCells<Row>(_ rows: [Row], measure: (Row) -> String, group: (Row) -> String,
                                    n: (Row) -> Int?) -> [String: [String: Int]] {
        var cells = [String: [String: Int]]()
        for row in rows { if let count = n(row) { cells[measure(row), default: [:]][group(row)] = count } }
        return cells
    }

    static func matchingRecords(_ survey: Survey, round: String, _ filters: [ReportDimension: String]) -> [Int] {
        survey.records.indices.filter { i in
            survey.records[i].round == round && filters.allSatisfy { code(survey.records[i], $0.key) == $0.value }
        }
    }

    /// Runs every query of `filterSets`, indicator tables and item distributions, collecting the
    /// published figures and the rule (b) breaches (`siblingBreaches`).
    static func publishedFigures(_ survey: Survey, threshold: DisclosureThreshold,
                                 seed: UInt64) throws -> (figures: [Figure], siblingBreaches: [String]) {
        let records = survey.records
        var known = [String: Set<Int>]()
        func key(_ constraints: [ReportDimension: String], _ measure: String) -> String {
            "\(measure) " + constraints.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: ",")
        }
        /// The population's members; `candidates` (records known to satisfy part of the
        /// constraints, say a table's filters) only narrows the search.
        func membersOf(_ constraints: [ReportDimension: String], _ measure: String, among candidates: [Int]? = nil) -> Set<Int> {
            let key = key(constraints, measure)
            if let cached = known[key] { return cached }
            let counted = survey.counted[measure]!
            let found = Set((candidates ?? Array(records.indices)).filter { i in
                counted[i] && constraints.allSatisfy { code(records[i], $0.key) == $0.value }
            })
            known[key] = found
            return found
        }
        var figures = [Figure](), breaches = [String](), figureKeys = Set<String>()
        /// The same population reached by several queries is one figure (they differ by 0).
        func add(_ figure: Figure) {
            if figureKeys.insert(key(figure.constraints, figure.measure)).inserted { figures.append(figure) }
        }
        func cell(_ filters: [ReportDimension: String], _ groupBy: ReportDimension, _ group: String) -> [ReportDimension: String] {
            var constraints = filters
            if groupBy != .national {
                // A grouping on a filtered dimension can only repeat the filter's code.
                if let filtered = filters[groupBy] { #expect(filtered == group) }
                constraints[groupBy] = group
            }
            return constraints
        }
        func source(_ filters: [ReportDimension: String], _ groupBy: ReportDimension) -> String {
            "\(groupBy.rawValue) | \(filters.map { "\($0.key.rawValue)=\($0.value)" }.sorted())"
        }
        for filters in filterSets(survey, seed: seed) {
            let matching = matchingRecords(survey, round: "r", filters)
            for groupBy in ReportDimension.allCases {
                let query = ReportQuery(round: "r", groupBy: groupBy, filters: filters, threshold: threshold)
                let rows = try survey.store.indicatorTable(query).rows
                for row in rows {
                    let constraints = cell(filters, groupBy, row.group)
                    let members = membersOf(constraints, row.indicator, among: matching)
                    guard let n = row.n else {
                        #expect(!members.isEmpty, "a row for an empty group")
                        continue
                    }
                    #expect(n == members.count, "n of \(constraints) \(row.indicator)")
                    #expect(threshold.allows(n))
                    add(Figure(constraints: constraints, measure: row.indicator, n: n, members: members,
                                          source: source(filters, groupBy)))
                    let benchmark = try #require(row.benchmark)
                    var benchmarkConstraints = [ReportDimension: String]()
                    if let profession = filters[.profession] { benchmarkConstraints[.profession] = profession }
                    let benchmarkMembers = membersOf(benchmarkConstraints, row.indicator)
                    #expect(benchmark.n == benchmarkMembers.count)
                    add(Figure(constraints: benchmarkConstraints, measure: row.indicator, n: benchmark.n,
                                          members: benchmarkMembers, source: "benchmark of \(source(filters, groupBy))"))
                }
                breaches += siblingBreaches(survey, matching: matching, groupBy: groupBy,
                                            published: publishedCells(rows, measure: \.indicator, group: \.group, n: \.n),
                                            threshold: threshold, source: source(filters, groupBy))
                // Item distributions for every query too (they share the machinery).
                let itemRows = try survey.store.itemDistributions(query).rows
                for row in itemRows {
                    let constraints = cell(filters, groupBy, row.group)
                    let members = membersOf(constraints, row.item, among: matching)
                    guard let n = row.n else { continue }
                    #expect(n == members.count, "n of \(constraints) \(row.item)")
                    #expect(threshold.allows(n))
                    add(Figure(constraints: constraints, measure: row.item, n: n, members: members,
                                          source: "items " + source(filters, groupBy)))
                }
                breaches += siblingBreaches(survey, matching: matching, groupBy: groupBy,
                                            published: publishedCells(itemRows, measure: \.item, group: \.group, n: \.n),
                                            threshold: threshold, source: "items " + source(filters, groupBy))
            }
        }
        return (figures, breaches)
    }

    /// Whether `wider` is `narrower` with constraints dropped or widened to a parent place.
    static func isRelaxation(_ wider: [ReportDimension: String], of narrower: [ReportDimension: String], _ survey: Survey) -> Bool {
        wider.allSatisfy { dimension, code in
            narrower.contains { d, c in
                var (d, c) = (d, c)
                while true {
                    if d == dimension && c == code { return true }
                    switch d {
                    case .site: (d, c) = (.organisation, survey.organisationOf[c] ?? "")
                    case .organisation: (d, c) = (.region, survey.regionOf[c] ?? "")
                    default: return false
                    }
                }
            }
        }
    }

    @Test("no two published nested populations, nor a parent and its published cells, differ by 1…threshold−1", arguments: [(3, 300, 11 as UInt64), (10, 900, 12)])
    func noSmallDifferences(threshold value: Int, size: Int, seed: UInt64) throws {
        let threshold = DisclosureThreshold(value)!
        let survey = Self.survey(size: size, seed: seed)
        let (figures, siblingBreaches) = try Self.publishedFigures(survey, threshold: threshold, seed: seed)
        #expect(figures.count > 200, "the survey should publish a fair number of figures")
        for breach in siblingBreaches.prefix(20) { Issue.record("rule (b): \(breach)") }
        #expect(siblingBreaches.count == 0, "\(siblingBreaches.count) parents differ from their published cells by 1…t−1")

        var relaxationPairs = 0, setNestedPairs = 0
        // Only pairs whose n differ by 1…t−1 can break the property: index figures by n.
        let byN = Dictionary(grouping: figures.indices) { figures[$0].n }
        for a in figures {
            for n in (a.n + 1)..<(a.n + value) {
                for j in byN[n] ?? [] where figures[j].measure == a.measure {
                    let b = figures[j]
                    if Self.isRelaxation(b.constraints, of: a.constraints, survey) {
                        relaxationPairs += 1
                        Issue.record("\(b.source) (n \(b.n)) relaxes \(a.source) (n \(a.n))")
                    } else if b.members.isSuperset(of: a.members) {
                        setNestedPairs += 1
                        Issue.record("\(b.source) (n \(b.n)) contains \(a.source) (n \(a.n))")
                    }
                }
            }
        }
        #expect(relaxationPairs == 0)
        #expect(setNestedPairs == 0)
    }

    /// Trends are indicator tables per round put side by side, so each round's points must be
    /// exactly that round's indicator-table cells; the sibling check is run on the trend's own
    /// points as well, round by round.
    @Test("trends: each round's points are that round's table cells and pass rule (b) per parent",
          arguments: [(3, 400, 21 as UInt64), (10, 1200, 22)])
    func trendsPerRound(threshold value: Int, size: Int, seed: UInt64) throws {
        let threshold = DisclosureThreshold(value)!
        let rounds = ["r1", "r2"]
        let survey = Self.survey(size: size, seed: seed, rounds: rounds)
        let dimensions = ReportDimension.allCases.filter { $0 != .national }
        var filterSets: [[ReportDimension: String]] = [[:]]
        for d in dimensions { for c in survey.store.codes(of: d) { filterSets.append([d: c]) } }
        var breaches = [String](), publishedPoints = 0
        for filters in filterSets {
            for groupBy in ReportDimension.allCases {
                let trend = try survey.store.trends(TrendQuery(rounds: rounds, groupBy: groupBy, filters: filters,
                                                               threshold: threshold))
                for round in rounds {
                    let table = try survey.store.indicatorTable(ReportQuery(round: round, groupBy: groupBy, filters: filters,
                                                                            threshold: threshold))
                    let points = trend.series.flatMap { series in
                        series.points.filter { $0.round == round }.map { (series.group, series.indicator, $0) }
                    }
                    #expect(points.count == table.rows.count, "\(round) \(groupBy) \(filters)")
                    for row in table.rows {
                        let point = points.first { $0.0 == row.group && $0.1 == row.indicator }?.2
                        #expect(point?.n == row.n && point?.mean == row.mean && point?.sd == row.sd
                                && point?.ciLow == row.ciLow && point?.ciHigh == row.ciHigh && point?.flag == row.flag,
                                "\(round) \(groupBy) \(filters) \(row.group) \(row.indicator)")
                    }
                    let published = Self.publishedCells(points, measure: \.1, group: \.0, n: \.2.n)
                    publishedPoints += published.values.reduce(0) { $0 + $1.count }
                    breaches += Self.siblingBreaches(survey, matching: Self.matchingRecords(survey, round: round, filters),
                                                     groupBy: groupBy, published: published, threshold: threshold,
                                                     source: "trend \(round) \(groupBy.rawValue) \(filters)")
                }
            }
        }
        #expect(publishedPoints > 100, "the survey should publish a fair number of points")
        for breach in breaches.prefix(20) { Issue.record("rule (b): \(breach)") }
        #expect(breaches.count == 0, "\(breaches.count) parents differ from their published points by 1…t−1")
    }
}
