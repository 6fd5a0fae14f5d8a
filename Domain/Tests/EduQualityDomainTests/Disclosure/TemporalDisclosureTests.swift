import Testing
@testable import EduQualityDomain

/// The temporal rule: between two versions of a round, no published figure (cell or benchmark,
/// indicators and items) moves by 1 to threshold−1 respondents.
@Suite("Temporal disclosure")
struct TemporalDisclosureTests {
    static let scheme = try! ScoringScheme(themes: [
        Theme(code: "T1", items: [ScoredItem(code: "a"), ScoredItem(code: "b", allowsNotApplicable: true)]),
        Theme(code: "T2", items: [ScoredItem(code: "c"), ScoredItem(code: "d", professions: ["P1"])]),
    ])

    static func records(_ count: Int, seed: UInt64) -> [ResponseRecord] {
        var g = SeededGenerator(seed: seed)
        let sites: [String?] = ["S1", "S2", "S3", "S4", nil]
        return (0..<count).map { _ in
            let site = sites.randomElement(using: &g)!
            let organisation = site.map { ["S1": "O1", "S2": "O1", "S3": "O2", "S4": "O2"][$0]! }
                ?? ["O1", "O2"].randomElement(using: &g)!
            var answers = [String: Answer]()
            for item in ["a", "b", "c", "d"] where Double.random(in: 0..<1, using: &g) > 0.1 {
                answers[item] = item == "b" && Bool.random(using: &g) ? .notApplicable : .rank(Int.random(in: 1...5, using: &g))
            }
            return ResponseRecord(
                round: "r", profession: ["P1", "P1", "P2"].randomElement(using: &g)!, region: organisation == "O1" ? "R1" : "R2",
                organisation: organisation, site: site,
                specialty: ["X1", "X2", nil].randomElement(using: &g)!, placementType: ["PT1", nil].randomElement(using: &g)!,
                level: ["L1", "L2", nil].randomElement(using: &g)!, answers: answers)
        }
    }

    static func store(_ records: [ResponseRecord]) -> ScoredResponseStore {
        var store = ScoredResponseStore(scheme: scheme)
        try! store.append(contentsOf: records)
        return store
    }

    /// Every figure of a fixed set of queries (each grouping, with no filter and with each single
    /// filter), keyed by query, group and measure: n of the published ones.
    static func figures(_ store: ScoredResponseStore, history: RoundHistory? = nil,
                        threshold: DisclosureThreshold) throws -> [String: Int] {
        var figures = [String: Int]()
        var filterSets: [[ReportDimension: String]] = [[:]]
        for d in ReportDimension.allCases where d != .national {
            for code in store.codes(of: d) { filterSets.append([d: code]) }
        }
        for filters in filterSets {
            for groupBy in ReportDimension.allCases {
                let query = ReportQuery(round: "r", groupBy: groupBy, filters: filters, threshold: threshold)
                let name = "\(groupBy.rawValue) \(filters.map { "\($0.key.rawValue)=\($0.value)" }.sorted())"
                for row in try history?.indicatorTable(query).rows ?? store.indicatorTable(query).rows {
                    if let n = row.n { figures["\(name) \(row.group) \(row.indicator)"] = n }
                    if let b = row.benchmark { figures["benchmark \(filters[.profession] ?? "") \(row.indicator)"] = b.n }
                }
                for row in try history?.itemDistributions(query).rows ?? store.itemDistributions(query).rows {
                    if let n = row.n { figures["\(name) \(row.group) \(row.item)"] = n }
                }
            }
        }
        return figures
    }

    /// Compares two publications' figures: none published in both moves by 1…threshold−1.
    static func expectNoSmallMoves(_ before: [String: Int], _ after: [String: Int], threshold: DisclosureThreshold) -> (compared: Int, moved: Int) {
        var compared = 0, moved = 0
        for (key, n) in after {
            guard let earlier = before[key] else { continue }
            compared += 1
            if n != earlier { moved += 1 }
            #expect(threshold.allowsDifference(n - earlier), "\(key): \(earlier) → \(n)")
        }
        return (compared, moved)
    }

    @Test("re-published: no figure moves by 1 to threshold−1 from any earlier publication",
          arguments: [(3, 1 as UInt64), (3, 2), (10, 3), (3, 4), (10, 5)])
    func noSmallMoves(threshold value: Int, seed: UInt64) throws {
        // setup: a first publication, then two later ones of random stragglers and a few groups of
        // threshold alike learners (whose figures may move)
        let threshold = DisclosureThreshold(value)!
        let first = Self.records(value * 40, seed: seed)
        var g = SeededGenerator(seed: seed &+ 100)
        let alike = Self.records(4, seed: seed &+ 2000).flatMap { repeatElement($0, count: value) }
        let second = Self.records(Int.random(in: 1...60, using: &g), seed: seed &+ 1000) + alike
        let third = Self.records(Int.random(in: 1...20, using: &g), seed: seed &+ 3000)
        let v1 = Self.store(first), v2 = Self.store(first + second), v3 = Self.store(first + second + third)
        // MUT
        let h2 = RoundHistory(round: "r", versions: [v1, v2], added: [second])
        let h3 = RoundHistory(round: "r", versions: [v1, v2, v3], added: [second, third])
        // validate
        let f1 = try Self.figures(v1, threshold: threshold)
        let f2 = try Self.figures(v2, history: h2, threshold: threshold)
        let f3 = try Self.figures(v3, history: h3, threshold: threshold)
        let (compared, moved) = Self.expectNoSmallMoves(f1, f2, threshold: threshold)
        _ = Self.expectNoSmallMoves(f1, f3, threshold: threshold)
        _ = Self.expectNoSmallMoves(f2, f3, threshold: threshold)
        #expect(compared > 50, "most figures stay published")
        #expect(moved > 0, "the alike groups' figures move, by threshold or more")
        // the history's first publication is the store's own table
        #expect(try h3.indicatorTable(ReportQuery(round: "r", groupBy: .site, threshold: threshold)).rows.count
                == (try v3.indicatorTable(ReportQuery(round: "r", groupBy: .site, threshold: threshold))).rows.count)
    }

    @Test("one late response: every figure it would move is suppressed, the rest stay")
    func singleLateResponse() throws {
        let first = Self.records(120, seed: 9), late = Self.records(1, seed: 10)
        let v1 = Self.store(first), v2 = Self.store(first + late)
        let before = try Self.figures(v1, threshold: .standard)
        let after = try Self.figures(v2, history: RoundHistory(round: "r", versions: [v1, v2], added: [late]),
                                     threshold: .standard)
        let (compared, moved) = Self.expectNoSmallMoves(before, after, threshold: .standard)
        #expect(moved == 0)
        #expect(compared > 0, "figures without the late learner stay published")
        // without the history, the national figure would have moved by one
        let plain = try Self.figures(v2, threshold: .standard)
        #expect(before.contains { key, n in plain[key].map { $0 - n == 1 } ?? false })
    }
}
