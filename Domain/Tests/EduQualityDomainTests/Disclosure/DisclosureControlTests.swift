import Testing
@testable import EduQualityDomain

/// Small hand-made populations; every count in the comments is of respondents with a score.
@Suite("Disclosure control")
struct DisclosureControlTests {
    static let scheme = try! ScoringScheme(themes: [Theme(code: "T", items: [ScoredItem(code: "t1")])])

    /// `count` respondents at one placement, all answering t1 = 3 (score 50).
    struct Placement {
        var region: String, organisation: String, site: String?, profession = "doc", count: Int
    }

    static func store(_ placements: [Placement]) -> ScoredResponseStore {
        var store = ScoredResponseStore(scheme: scheme)
        for p in placements {
            for _ in 0..<p.count {
                try! store.append(ResponseRecord(round: "r", profession: p.profession, region: p.region,
                                                 organisation: p.organisation, site: p.site, answers: ["t1": .rank(3)]))
            }
        }
        return store
    }

    static func published(_ table: IndicatorTable) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: table.rows.compactMap { row in row.n.map { (row.group, $0) } })
    }

    // MARK: rule (b), on counts alone

    /// Rule (b) with the listed cells as the only groups and one parent (everyone): the old
    /// table-wide form, which the per-parent rule must still give.
    static func suppressions(counts: [Int], passesRelaxations: [Bool], benchmarkPublished: Bool,
                             threshold: DisclosureThreshold) -> [Bool] {
        DisclosureControl.suppressions(cells: Array(counts.indices), groupCounts: counts, passesRelaxations: passesRelaxations,
                                       wider: [GroupLadder.Level(cardinality: 1, ancestor: Array(repeating: 0, count: counts.count))],
                                       benchmarkPublished: benchmarkPublished, threshold: threshold)
    }

    @Test("(b) suppresses the smallest published cell until the hidden cells hold ≥ threshold")
    func complementaryCounts() {
        let t3 = DisclosureThreshold.standard
        // [1, 5, 4, 10]: 1 hidden by (a) → hide the 4 → 5 hidden.
        #expect(Self.suppressions(counts: [1, 5, 4, 10], passesRelaxations: [true, true, true, true],
                                               benchmarkPublished: true, threshold: t3) == [true, false, true, false])
        // Ties go to the first in code order: [2, 5, 5] → hide the first 5.
        #expect(Self.suppressions(counts: [2, 5, 5], passesRelaxations: [true, true, true],
                                               benchmarkPublished: true, threshold: t3) == [true, true, false])
        // [2, 3]: hiding the 3 is the only way; then all are hidden.
        #expect(Self.suppressions(counts: [2, 3], passesRelaxations: [true, true],
                                               benchmarkPublished: true, threshold: t3) == [true, true])
        // [1, 1]: 2 hidden and nothing left to hide.
        #expect(Self.suppressions(counts: [1, 1], passesRelaxations: [true, true],
                                               benchmarkPublished: true, threshold: t3) == [true, true])
        // A cell failing (c) counts as hidden: [9 (fails c), 1, 6] → 10 hidden, nothing more.
        #expect(Self.suppressions(counts: [9, 1, 6], passesRelaxations: [false, true, true],
                                               benchmarkPublished: true, threshold: t3) == [true, true, false])
        // Threshold 10: [12, 15, 4, 30, 11] → 4 hidden → hide the 11 → 15 hidden.
        #expect(Self.suppressions(counts: [12, 15, 4, 30, 11], passesRelaxations: Array(repeating: true, count: 5),
                                               benchmarkPublished: true, threshold: DisclosureThreshold(10)!)
                == [false, false, true, false, true])
        // No benchmark → nothing is published.
        #expect(Self.suppressions(counts: [10, 20], passesRelaxations: [true, true],
                                               benchmarkPublished: false, threshold: t3) == [true, true])
    }

    @Test("(b) per parent, on counts: unlisted groups count as hidden, each parent is checked, wider parents follow")
    func complementaryPerParent() {
        let t3 = DisclosureThreshold.standard
        // Groups 0…5: 0 unlisted (say "not stated" of parent A) with 1; cells 1, 2 in parent A
        // (10, 9); cells 3, 4, 5 in parent B (1, 1, 1 — hidden by (a)) and an unlisted 0 in B.
        let parentOf: [Int32] = [0, 0, 0, 1, 1, 1]
        let levels = [GroupLadder.Level(cardinality: 2, ancestor: parentOf),
                      GroupLadder.Level(cardinality: 1, ancestor: Array(repeating: 0, count: 6))]
        let counts = [1, 10, 9, 1, 1, 1]
        // A: 20 − 19 = 1 → hide its smallest published cell (9). Everyone: 23 − 10 = 13 ✓.
        #expect(DisclosureControl.suppressions(cells: [1, 2, 3, 4, 5], groupCounts: counts, passesRelaxations: Array(repeating: true, count: 5),
                                               wider: levels, benchmarkPublished: true, threshold: t3)
                == [false, true, true, true, true])
        // Only the everyone level (the old table-wide sibling set, with the unlisted 1 counted):
        // 23 − 19 = 4 ✓ → nothing more. Per parent is what catches A.
        #expect(DisclosureControl.suppressions(cells: [1, 2, 3, 4, 5], groupCounts: counts, passesRelaxations: Array(repeating: true, count: 5),
                                               wider: [levels[1]], benchmarkPublished: true, threshold: t3)
                == [false, false, true, true, true])
        // Unlisted 3 in A: 22 − 19 = 3 ✓ → nothing more (no over-suppression).
        #expect(DisclosureControl.suppressions(cells: [1, 2, 3, 4, 5], groupCounts: [3, 10, 9, 1, 1, 1],
                                               passesRelaxations: Array(repeating: true, count: 5),
                                               wider: levels, benchmarkPublished: true, threshold: t3)
                == [false, false, true, true, true])
        // A parent whose only published cell must go: A = cells 10, 10 (0 hidden), B = cell 10 and
        // an unlisted 1 → B hides its 10 (11 hidden); everyone then holds 31 − 20 = 11 ✓.
        #expect(DisclosureControl.suppressions(cells: [1, 2, 3], groupCounts: [0, 10, 10, 10, 1],
                                               passesRelaxations: [true, true, true],
                                               wider: [GroupLadder.Level(cardinality: 2, ancestor: [0, 0, 0, 1, 1]),
                                                       GroupLadder.Level(cardinality: 1, ancestor: [0, 0, 0, 0, 0])],
                                               benchmarkPublished: true, threshold: t3)
                == [false, false, true])
    }

    @Test("(b) in a table: organisation S (1) is hidden by (a), so Q (4), the smallest other, is hidden too")
    func complementaryTable() throws {
        // Region R: P 5, Q 4, S 1, T 8 → round 18; every org differs from R by ≥ 10, so (c) passes.
        let store = Self.store([Placement(region: "R", organisation: "P", site: nil, count: 5),
                                Placement(region: "R", organisation: "Q", site: nil, count: 4),
                                Placement(region: "R", organisation: "S", site: nil, count: 1),
                                Placement(region: "R", organisation: "T", site: nil, count: 8)])
        let table = try store.indicatorTable(ReportQuery(round: "r", groupBy: .organisation))
        #expect(table.rows.map(\.group) == ["P", "Q", "S", "T"])
        #expect(Self.published(table) == ["P": 5, "T": 8])
    }

    // MARK: rule (c)

    @Test("(c) site within organisation: A1 (9) is hidden because all of A holds 10")
    func siteWithinOrganisation() throws {
        // A1 9, A2 1 (org A 10), B1 6 (org B 6), region R1 16.
        let store = Self.store([Placement(region: "R1", organisation: "A", site: "A1", count: 9),
                                Placement(region: "R1", organisation: "A", site: "A2", count: 1),
                                Placement(region: "R1", organisation: "B", site: "B1", count: 6)])
        let bySite = try store.indicatorTable(ReportQuery(round: "r", groupBy: .site))
        // A2: (a). A1: 10 − 9 = 1 ✗. B1: B 6 (0), R1 16 (10), round 16 (10) ✓. (b): hidden 10 ✓.
        #expect(bySite.rows.map(\.group) == ["A1", "A2", "B1"])
        #expect(Self.published(bySite) == ["B1": 6])
        // Organisations: A 10 and B 6 differ from R1 (16) by 6 and 10 → both published.
        #expect(Self.published(try store.indicatorTable(ReportQuery(round: "r", groupBy: .organisation))) == ["A": 10, "B": 6])
    }

    /// Site S: 5 doctors; site S2 (same organisation O, region R): 1 nurse. Region R9: 10 doctors
    /// and 5 nurses at X1. Every single relaxation of the cell {site S, doctors} differs by 0 or
    /// ≥ 3 — {S} 5, {O, doc} 5, {R, doc} 5, {doc} 15 — but relaxing two constraints together
    /// gives {O} = 6 (and {R} = 6): one nurse by subtraction. So the cell must be hidden.
    static let combination = store([
        Placement(region: "R", organisation: "O", site: "S", profession: "doc", count: 5),
        Placement(region: "R", organisation: "O", site: "S2", profession: "nurse", count: 1),
        Placement(region: "R9", organisation: "X", site: "X1", profession: "doc", count: 10),
        Placement(region: "R9", organisation: "X", site: "X1", profession: "nurse", count: 5),
    ])

    @Test("(c) checks combinations of relaxations, not only single ones")
    func combinations() throws {
        let store = Self.combination
        let doctorsBySite = try store.indicatorTable(ReportQuery(round: "r", groupBy: .site, filters: [.profession: "doc"]))
        // X1 doctors 10: {X1} 15, {X, doc} 10, {R9, doc} 10, {doc} 15, {X} 15, {R9} 15, round 21 → ✓.
        #expect(doctorsBySite.rows.map(\.group) == ["S", "X1"])
        #expect(Self.published(doctorsBySite) == ["X1": 10])
        // The same cell reached the other way round: professions at site S.
        let professionsAtS = try store.indicatorTable(ReportQuery(round: "r", groupBy: .profession, filters: [.site: "S"]))
        #expect(professionsAtS.rows.map(\.group) == ["doc"])
        #expect(Self.published(professionsAtS).isEmpty)
        // Organisation O as a whole (6) is fine: R 6 (0), round 21 (15).
        #expect(Self.published(try store.indicatorTable(ReportQuery(round: "r", groupBy: .organisation)))["O"] == 6)
    }

    @Test("the benchmark is a published figure: 12 doctors of 13 respondents hides every doctor row")
    func benchmarkMustBePublishable() throws {
        // P: 6 doctors; Q: 6 doctors and 1 nurse. P's doctors pass (c) — {P} 6, {R, doc} 12,
        // {R} 13, {doc} 12, round 13 — but their benchmark (doctors, 12) differs from the round (13) by 1.
        let store = Self.store([Placement(region: "R", organisation: "P", site: nil, count: 6),
                                Placement(region: "R", organisation: "Q", site: nil, count: 6),
                                Placement(region: "R", organisation: "Q", site: nil, profession: "nurse", count: 1)])
        let doctors = try store.indicatorTable(ReportQuery(round: "r", groupBy: .organisation, filters: [.profession: "doc"]))
        #expect(doctors.rows.count == 2)
        #expect(Self.published(doctors).isEmpty)
        // Without the profession filter the benchmark is the round (13): P 6 and Q 7 are published.
        #expect(Self.published(try store.indicatorTable(ReportQuery(round: "r", groupBy: .organisation))) == ["P": 6, "Q": 7])
    }

    @Test("threshold 10: (a), (b) and (c) with the stricter count")
    func thresholdTen() throws {
        let ten = DisclosureThreshold(10)!
        // Region R: P 12, Q 15, S 4, T 30, U 11 (round 72). S is hidden by (a), then U (11) by (b).
        let store = Self.store([Placement(region: "R", organisation: "P", site: nil, count: 12),
                                Placement(region: "R", organisation: "Q", site: nil, count: 15),
                                Placement(region: "R", organisation: "S", site: nil, count: 4),
                                Placement(region: "R", organisation: "T", site: nil, count: 30),
                                Placement(region: "R", organisation: "U", site: nil, count: 11)])
        let table = try store.indicatorTable(ReportQuery(round: "r", groupBy: .organisation, threshold: ten))
        #expect(Self.published(table) == ["P": 12, "Q": 15, "T": 30])
        // Within the region filter nothing changes: R adds nobody to any cell.
        let inRegion = try store.indicatorTable(ReportQuery(round: "r", groupBy: .organisation, filters: [.region: "R"], threshold: ten))
        #expect(Self.published(inRegion) == ["P": 12, "Q": 15, "T": 30])
    }

    @Test("(c) counts respondents without a site in their organisation: A1 (5) is hidden when A holds 6")
    func respondentsWithoutSite() throws {
        let store = Self.store([Placement(region: "R1", organisation: "A", site: "A1", count: 5),
                                Placement(region: "R1", organisation: "A", site: nil, count: 1),
                                Placement(region: "R1", organisation: "B", site: "B1", count: 7)])
        // A1 5 vs A 6 → hidden; B1 7: B 7, R1 13, round 13 → published. The site-less respondent is in no row.
        let bySite = try store.indicatorTable(ReportQuery(round: "r", groupBy: .site))
        #expect(bySite.rows.map(\.group) == ["A1", "B1"])
        #expect(Self.published(bySite) == ["B1": 7])
    }

    @Test("(c) also covers populations that contain a cell through a shared code: specialty X is all at site A1")
    func sharedCodes() throws {
        // A1: 5 in specialty X and 1 in Y; B1: 10 in Y; one region, round 16.
        var store = ScoredResponseStore(scheme: Self.scheme)
        for (site, organisation, specialty, count) in [("A1", "A", "X", 5), ("A1", "A", "Y", 1), ("B1", "B", "Y", 10)] {
            for _ in 0..<count {
                try store.append(ResponseRecord(round: "r", profession: "doc", region: "R", organisation: organisation,
                                                site: site, specialty: specialty, answers: ["t1": .rank(3)]))
            }
        }
        // Specialty X (5) differs from the round (16) by 11, but all five are at A1, which holds 6:
        // publishing both would single out the Y respondent at A1. Y (11): every population
        // containing it (R, the round) holds 16 → published.
        let bySpecialty = try store.indicatorTable(ReportQuery(round: "r", groupBy: .specialty))
        #expect(bySpecialty.rows.map(\.group) == ["X", "Y"])
        #expect(Self.published(bySpecialty) == ["Y": 11])
        // A1 (6) is published: A 6, R 16.
        #expect(Self.published(try store.indicatorTable(ReportQuery(round: "r", groupBy: .site)))["A1"] == 6)
    }
}
