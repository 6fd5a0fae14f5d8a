import Testing
@testable import EduQualityDomain

/// Counts read off `ReportingFixtures` by hand; Welch figures from scipy
/// `ttest_ind(later, earlier, equal_var=False)`.
@Suite("Item distributions and trends")
struct ItemAndTrendTests {
    let store = ReportingFixtures.store()

    @Test("answer distributions per organisation, with not applicable and % positive after reverse keying")
    func distributions() throws {
        let table = try store.itemDistributions(ReportQuery(round: "2024", groupBy: .organisation, indicators: ["T"]))
        func row(_ group: String, _ item: String) -> ItemDistributionRow? {
            table.rows.first { $0.group == group && $0.item == item }
        }
        #expect(table.rows.map { "\($0.group)/\($0.item)" } == ["A/t1", "A/t2", "B/t1", "B/t2", "C/t1", "C/t2"])
        // A t1 ranks 1, 2, 1, 2, 3, 1.
        #expect(row("A", "t1")?.rankCounts == [3, 2, 1, 0, 0])
        #expect(row("A", "t1")?.percentPositive == 0)
        // B t1 ranks 3, 4, 3, 3 → one of four positive.
        #expect(row("B", "t1")?.rankCounts == [0, 0, 3, 1, 0])
        #expect(row("B", "t1")?.percentPositive == 25)
        // B t2 (reversed) ranks 3, 2, 2 → keyed 3, 4, 4 → two of three positive.
        #expect(row("B", "t2")?.rankCounts == [0, 2, 1, 0, 0])
        #expect(row("B", "t2")?.n == 3)
        #expect(row("B", "t2")?.percentPositive == 200.0 / 3)
        // C t2 ranks 1, 1, 2, 2 and one "not applicable": n 5, all four ranked answers positive.
        let c = try #require(row("C", "t2"))
        #expect(c.rankCounts == [2, 2, 0, 0, 0] && c.notApplicable == 1 && c.n == 5 && c.percentPositive == 100)
        #expect(!c.suppressed)
    }

    @Test("item cells go through the same suppression: doctors' answers per organisation")
    func itemSuppression() throws {
        // Doctors answering t1: A 3, B 2, C 3; R1 doctors 5 → A differs by 2; all of C (5) differs by 2.
        let table = try store.itemDistributions(ReportQuery(round: "2024", groupBy: .organisation,
                                                            filters: [.profession: "doc"], indicators: ["T"]))
        #expect(table.rows.allSatisfy { $0.suppressed && $0.rankCounts == nil && $0.n == nil })
    }

    @Test("trends: organisation C rose significantly from 2023 to 2024; A and B have one round only")
    func trendsByOrganisation() throws {
        let trend = try store.trends(TrendQuery(rounds: ["2023", "2024"], groupBy: .organisation, indicators: ["T"]))
        #expect(trend.series.map(\.group) == ["A", "B", "C"])
        #expect(trend.series[0].points.map(\.round) == ["2024"])
        #expect(trend.series[0].points[0].change == nil)
        let c = trend.series[2]
        #expect(c.points.map(\.round) == ["2023", "2024"])
        #expect(c.points[0].n == 8 && c.points[0].mean == 46.875)
        // [100, 87.5, 87.5, 75, 100] vs [25, 50, 50, 75, 37.5, 62.5, 50, 25]: t 5.588765675951492,
        // df 10.999331987186299, p 0.0001630596480082407.
        let change = try #require(c.points[1].change)
        #expect(change.fromRound == "2023" && change.difference == 43.125)
        #expect(ReportingFixtures.close(change.t, 5.588765675951492, relative: 1e-9))
        #expect(ReportingFixtures.close(change.degreesOfFreedom, 10.999331987186299, relative: 1e-9))
        #expect(ReportingFixtures.close(change.p, 0.0001630596480082407, relative: 1e-7))
        #expect(change.significant)
    }

    @Test("trends: the national change is not significant")
    func nationalTrend() throws {
        let trend = try store.trends(TrendQuery(rounds: ["2023", "2024"], indicators: ["T"]))
        // All 15 of 2024 vs the 8 of 2023: t 0.5107343369604865, df 20.95099774888611, p 0.614876804410407.
        let change = try #require(trend.series.first?.points.last?.change)
        #expect(ReportingFixtures.close(change.t, 0.5107343369604865, relative: 1e-9))
        #expect(ReportingFixtures.close(change.degreesOfFreedom, 20.95099774888611, relative: 1e-9))
        #expect(ReportingFixtures.close(change.p, 0.614876804410407, relative: 1e-8))
        #expect(!change.significant)
    }

    @Test("trends need rounds, and known ones")
    func trendErrors() {
        #expect(throws: ReportQueryError.noRounds) { try store.trends(TrendQuery(rounds: [])) }
        #expect(throws: ReportQueryError.unknownRound("2030")) { try store.trends(TrendQuery(rounds: ["2024", "2030"])) }
    }
}
