import Testing
@testable import EduQualityDomain

/// Rule (b) per parent, with "not stated" and site-less respondents as hidden siblings: the
/// attacks from the issue, by hand. Every respondent answers t1 = 3, so counts are the same for
/// the indicator (respondents with a score) and the item (respondents who answered it).
@Suite("Disclosure control: rule (b) per parent, counting unstated groups")
struct ComplementarySuppressionTests {
    static let scheme = DisclosureControlTests.scheme

    struct Group {
        var region = "R1"
        var organisation = "O"
        var site: String? = nil
        var profession = "P"
        var level: String? = nil
        var count: Int
    }

    static func store(_ groups: [Group]) -> ScoredResponseStore {
        var store = ScoredResponseStore(scheme: scheme)
        for group in groups {
            for _ in 0..<group.count {
                try! store.append(ResponseRecord(round: "r", profession: group.profession, region: group.region,
                                                 organisation: group.organisation, site: group.site, level: group.level,
                                                 answers: ["t1": .rank(3)]))
            }
        }
        return store
    }

    /// Published n per group, from the indicator table and from the item table (which must agree).
    static func published(_ store: ScoredResponseStore, _ query: ReportQuery) throws -> [String: Int] {
        let indicators = Dictionary(uniqueKeysWithValues: try store.indicatorTable(query).rows.compactMap { row in
            row.n.map { (row.group, $0) }
        })
        let items = Dictionary(uniqueKeysWithValues: try store.itemDistributions(query).rows.compactMap { row in
            row.n.map { (row.group, $0) }
        })
        #expect(items == indicators, "items and indicators are suppressed alike here")
        return indicators
    }

    /// Organisation O, profession P: 28 respondents, 27 with a level (10 + 9 + 8), 1 without.
    /// Organisation Q (another region) has the same profession at every level, so rule (c) lets
    /// each level cell of O through (each differs from every relaxation by 0 or ≥ 3).
    static let attack = store([
        Group(level: "L1", count: 10), Group(level: "L2", count: 9), Group(level: "L3", count: 8), Group(level: nil, count: 1),
        Group(region: "R2", organisation: "Q", level: "L1", count: 6), Group(region: "R2", organisation: "Q", level: "L2", count: 6),
        Group(region: "R2", organisation: "Q", level: "L3", count: 6),
    ])

    @Test("the issue's attack: national 28 less the level cells must not leave the one learner with no level")
    func unstatedLevel() throws {
        let filters: [ReportDimension: String] = [.organisation: "O", .profession: "P"]
        let national = try Self.published(Self.attack, ReportQuery(round: "r", groupBy: .national, filters: filters))
        #expect(national == ["national": 28])
        let byLevel = try Self.published(Self.attack, ReportQuery(round: "r", groupBy: .level, filters: filters))
        let difference = 28 - byLevel.values.reduce(0, +)
        #expect(difference == 0 || difference >= 3, "28 − published levels = \(difference)")
        // The smallest level cell (L3, 8) goes with the unstated one: 9 hidden.
        #expect(byLevel == ["L1": 10, "L2": 9])
        // The item table lists the same groups as the indicator table, L3 suppressed.
        let items = try Self.attack.itemDistributions(ReportQuery(round: "r", groupBy: .level, filters: filters))
        #expect(items.rows.map(\.group) == ["L1", "L2", "L3"])
        #expect(items.rows.map(\.suppressed) == [false, false, true])
    }

    @Test("sites: organisation O holds two sites of 10 and one respondent with no site; suppressed cells elsewhere do not cover it")
    func siteLessRespondent() throws {
        // O (region R1): S1 10, S2 10, 1 without a site → 21. Q (region R2): Q1 1, Q2 1, Q3 1, Q4 10 → 13.
        // The old table-wide rule (b) saw Q1–Q3 (3) hidden and published S1, S2 and Q4:
        // then O 21 − (S1 + S2) = 1 singles out the site-less respondent.
        let store = Self.store([
            Group(site: "S1", count: 10), Group(site: "S2", count: 10), Group(site: nil, count: 1),
            Group(region: "R2", organisation: "Q", site: "Q1", count: 1), Group(region: "R2", organisation: "Q", site: "Q2", count: 1),
            Group(region: "R2", organisation: "Q", site: "Q3", count: 1), Group(region: "R2", organisation: "Q", site: "Q4", count: 10),
        ])
        #expect(try Self.published(store, ReportQuery(round: "r", groupBy: .organisation)) == ["O": 21, "Q": 13])
        let bySite = try Self.published(store, ReportQuery(round: "r", groupBy: .site))
        let underO = ["S1", "S2"].compactMap { bySite[$0] }.reduce(0, +)
        #expect(21 - underO == 0 || 21 - underO >= 3, "O 21 − its published sites = \(21 - underO)")
        // S1 (the first of the tied 10s) goes: O 21 − 10 = 11, R1 11, everyone 34 − 20 = 14, Q 13 − 10 = 3.
        #expect(bySite == ["S2": 10, "Q4": 10])
        // Within organisation O as a filter, the same.
        #expect(try Self.published(store, ReportQuery(round: "r", groupBy: .site, filters: [.organisation: "O"])) == ["S2": 10])
    }

    @Test("no over-suppression: nothing more is hidden when the unstated group holds 0 or ≥ threshold")
    func noOverSuppression() throws {
        let filters: [ReportDimension: String] = [.organisation: "O", .profession: "P"]
        let other = [Group(region: "R2", organisation: "Q", level: "L1", count: 6), Group(region: "R2", organisation: "Q", level: "L2", count: 6),
                     Group(region: "R2", organisation: "Q", level: "L3", count: 6)]
        let levels = [Group(level: "L1", count: 10), Group(level: "L2", count: 9), Group(level: "L3", count: 8)]
        // Unstated 0: 27 − 27 = 0.
        let none = Self.store(levels + other)
        #expect(try Self.published(none, ReportQuery(round: "r", groupBy: .level, filters: filters)) == ["L1": 10, "L2": 9, "L3": 8])
        // Unstated 3 = threshold: 30 − 27 = 3.
        let three = Self.store(levels + other + [Group(level: nil, count: 3)])
        #expect(try Self.published(three, ReportQuery(round: "r", groupBy: .level, filters: filters)) == ["L1": 10, "L2": 9, "L3": 8])
        // Sites: O with S1 10, S2 10 and 3 without a site; Q4 10 alone in Q.
        let sites = Self.store([Group(site: "S1", count: 10), Group(site: "S2", count: 10), Group(site: nil, count: 3),
                                Group(region: "R2", organisation: "Q", site: "Q4", count: 10)])
        #expect(try Self.published(sites, ReportQuery(round: "r", groupBy: .site)) == ["S1": 10, "S2": 10, "Q4": 10])
        // Threshold 10: 9 unstated of 36 hides the smallest level cell; 10 unstated hides nothing.
        let ten = DisclosureThreshold(10)!
        let big = [Group(level: "L1", count: 14), Group(level: "L2", count: 12), Group(level: "L3", count: 11)]
        let bigOther = [Group(region: "R2", organisation: "Q", level: "L1", count: 20), Group(region: "R2", organisation: "Q", level: "L2", count: 20),
                        Group(region: "R2", organisation: "Q", level: "L3", count: 20)]
        let nine = Self.store(big + bigOther + [Group(level: nil, count: 9)])
        #expect(try Self.published(nine, ReportQuery(round: "r", groupBy: .level, filters: filters, threshold: ten)) == ["L1": 14, "L2": 12])
        let tenUnstated = Self.store(big + bigOther + [Group(level: nil, count: 10)])
        #expect(try Self.published(tenUnstated, ReportQuery(round: "r", groupBy: .level, filters: filters, threshold: ten))
                == ["L1": 14, "L2": 12, "L3": 11])
    }
}
