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
    static func figures(_ store: ScoredResponseStore, threshold: DisclosureThreshold) throws -> [String: Int] {
        var figures = [String: Int]()
        var filterSets: [[ReportDimension: String]] = [[:]]
        for d in ReportDimension.allCases where d != .national {
            for code in store.codes(of: d) { filterSets.append([d: code]) }
        }
        for filters in filterSets {
            for groupBy in ReportDimension.allCases {
                let query = ReportQuery(round: "r", groupBy: groupBy, filters: filters, threshold: threshold)
                let name = "\(groupBy.rawValue) \(filters.map { "\($0.key.rawValue)=\($0.value)" }.sorted())"
                for row in try store.indicatorTable(query).rows {
                    if let n = row.n { figures["\(name) \(row.group) \(row.indicator)"] = n }
                    if let b = row.benchmark { figures["benchmark \(filters[.profession] ?? "") \(row.indicator)"] = b.n }
                }
                for row in try store.itemDistributions(query).rows {
                    if let n = row.n { figures["\(name) \(row.group) \(row.item)"] = n }
                }
            }
        }
        return figures
    }

    @Test("no figure moves by 1 to threshold−1 between versions",
          arguments: [(3, 1 as UInt64), (3, 2), (10, 3), (3, 4), (10, 5)])
    func noSmallMoves(threshold value: Int, seed: UInt64) throws {
        // setup: a published version and some late responses, 1 to 60 of them
        let threshold = DisclosureThreshold(value)!
        let first = Self.records(value * 40, seed: seed)
        var g = SeededGenerator(seed: seed &+ 100)
        // Random stragglers, and a few groups of threshold alike responses that may all join.
        let alike = Self.records(4, seed: seed &+ 2000).flatMap { repeatElement($0, count: value) }
        let late = Self.records(Int.random(in: 1...60, using: &g), seed: seed &+ 1000) + alike
        // MUT
        let admitted = TemporalDisclosure.admitted(late, scheme: Self.scheme, hasEarlierVersion: true, threshold: threshold)
        let added = zip(late, admitted).filter(\.1).map(\.0)
        // validate
        #expect(added.count >= alike.count, "alike groups pass the rule")
        let before = try Self.figures(Self.store(first), threshold: threshold)
        let after = try Self.figures(Self.store(first + added), threshold: threshold)
        var compared = 0
        for (key, n) in after {
            guard let earlier = before[key] else { continue }
            compared += 1
            #expect(threshold.allowsDifference(n - earlier), "\(key): \(earlier) → \(n)")
        }
        #expect(compared > 50)
    }

    @Test("a single late response is held back; enough alike ones are admitted together")
    func singleLateResponse() {
        let one = Self.records(1, seed: 9)
        #expect(TemporalDisclosure.admitted(one, scheme: Self.scheme, hasEarlierVersion: true, threshold: .standard) == [false])
        let three = Array(repeating: one[0], count: 3)
        #expect(TemporalDisclosure.admitted(three, scheme: Self.scheme, hasEarlierVersion: true, threshold: .standard)
                == [true, true, true])
    }

    @Test("a late response alike in every dimension but one unstated answer is held back")
    func unstatedIsAPopulation() {
        // Three alike responses, one of which leaves its level empty: "level not stated" would
        // move by one, and so would the level-L1 cells.
        let base = Self.records(1, seed: 9)[0]
        var unstated = base
        unstated.level = nil
        var stated = base
        stated.level = "L1"
        let admitted = TemporalDisclosure.admitted([stated, stated, unstated], scheme: Self.scheme, hasEarlierVersion: true,
                                                   threshold: .standard)
        #expect(admitted == [false, false, false])
    }

    @Test("the first version admits everything")
    func firstVersion() {
        let records = Self.records(5, seed: 3)
        #expect(TemporalDisclosure.admitted(records, scheme: Self.scheme, hasEarlierVersion: false, threshold: .standard)
                == Array(repeating: true, count: 5))
    }
}
