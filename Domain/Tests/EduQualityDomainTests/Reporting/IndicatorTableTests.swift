import Foundation
import Testing
@testable import EduQualityDomain

/// Expected figures for `ReportingFixtures` were computed with numpy/scipy: mean, std(ddof=1),
/// mean ± t.ppf(0.975, n−1)·sd/√n, np.percentile(…, [25, 75]); flags and % positive by hand.
@Suite("Indicator tables")
struct IndicatorTableTests {
    let store = ReportingFixtures.store()
    typealias F = ReportingFixtures

    func row(_ table: IndicatorTable, _ group: String, _ indicator: String = "T") -> IndicatorRow? {
        table.rows.first { $0.group == group && $0.indicator == indicator }
    }

    @Test("grouped by organisation: n, mean, SD, CI, % positive, benchmark and flags")
    func byOrganisation() throws {
        let table = try store.indicatorTable(ReportQuery(round: "2024", groupBy: .organisation, indicators: ["T"]))
        #expect(table.rows.map(\.group) == ["A", "B", "C"])

        // A = [0, 25, 0, 12.5, 50, 12.5]; mean 16.67 ≤ Q1 18.75, CI [−3.08, 36.42] overlaps the
        // benchmark CI [32.89, 72.11] → pink. No answer of A's is in the top two → 0 % positive.
        let a = try #require(row(table, "A"))
        #expect(a.flag == .pink)
        #expect(a.n == 6)
        #expect(F.close(a.mean, 16.666666666666668))
        #expect(F.close(a.sd, 18.819316317727022))
        #expect(F.close(a.ciLow, -3.082994595632133, relative: 1e-10))
        #expect(F.close(a.ciHigh, 36.41632792896547, relative: 1e-10))
        #expect(a.percentPositive == 0)

        // B = [50, 75, 50, 62.5]: mean 59.375 between the quartiles → white. Positive answers:
        // (4,2) both, (3,2) the reversed 2 → 3 of 7 scored answers.
        let b = try #require(row(table, "B"))
        #expect(b.flag == .white)
        #expect(b.mean == 59.375)
        #expect(F.close(b.sd, 11.967838846954226))
        #expect(F.close(b.percentPositive, 300.0 / 7))

        // C = [100, 87.5, 87.5, 75, 100]: mean 90 ≥ Q3 81.25, CI [77.01, 102.99] is above the
        // benchmark CI → green; all 9 scored answers positive.
        let c = try #require(row(table, "C"))
        #expect(c.flag == .green)
        #expect(c.n == 5 && c.mean == 90)
        #expect(F.close(c.ciLow, 77.0143670789554, relative: 1e-10))
        #expect(c.percentPositive == 100)

        // Benchmark: all 15 scores of 2024 (no profession filter): mean 52.5, Q1 18.75, Q3 81.25.
        let benchmark = try #require(a.benchmark)
        #expect(benchmark.n == 15 && benchmark.mean == 52.5 && benchmark.q1 == 18.75 && benchmark.q3 == 81.25)
        #expect(F.close(benchmark.ciLow, 32.885934254705205, relative: 1e-10))
        #expect(F.close(benchmark.ciHigh, 72.1140657452948, relative: 1e-10))
    }

    @Test("grouped by site inside region R1: every site passes rule (c)")
    func bySite() throws {
        let table = try store.indicatorTable(ReportQuery(round: "2024", groupBy: .site, filters: [.region: "R1"], indicators: ["T"]))
        // A1 = [0, 25, 0] (org A has 6: difference 3; R1 10: 7; round 15: 12), A2 = [12.5, 50, 12.5], B1.
        #expect(table.rows.map(\.group) == ["A1", "A2", "B1"])
        let a1 = try #require(row(table, "A1"))
        #expect(a1.n == 3 && F.close(a1.mean, 8.333333333333334) && a1.flag == .pink)
        #expect(F.close(a1.ciHigh, 44.18877274791219, relative: 1e-10))
        #expect(row(table, "A2")?.flag == .white)  // mean 25 lies between 18.75 and 81.25
        #expect(table.filters == ["region": "R1"])
    }

    @Test("rule (c): doctors per organisation are all suppressed, because A's doctors differ from R1's by 2 and C's doctors from all of C by 2")
    func doctorsSuppressed() throws {
        let table = try store.indicatorTable(ReportQuery(round: "2024", groupBy: .organisation,
                                                         filters: [.profession: "doc"], indicators: ["T"]))
        // A doctors 3 (R1 doctors 5: +2 ✗), B doctors 2 (< 3), C doctors 3 (all of C: 5, +2 ✗).
        #expect(table.rows.map(\.group) == ["A", "B", "C"])
        #expect(table.rows.allSatisfy { $0.flag == .suppressed && $0.n == nil && $0.mean == nil && $0.benchmark == nil })
    }

    @Test("the benchmark follows the profession filter: doctors nationally")
    func professionBenchmark() throws {
        let table = try store.indicatorTable(ReportQuery(round: "2024", groupBy: .national, filters: [.profession: "doc"], indicators: ["T"]))
        // Doctors [0, 25, 12.5, 50, 75, 100, 87.5, 87.5]: mean 54.6875, Q1 21.875, Q3 87.5.
        let national = try #require(row(table, "national"))
        #expect(national.n == 8 && national.mean == 54.6875)
        #expect(national.benchmark?.q1 == 21.875 && national.benchmark?.q3 == 87.5)
        #expect(national.flag == .white)
    }

    @Test("a table is its own benchmark only nationally, for everyone or for one profession")
    func ownBenchmark() throws {
        // setup: the queries a professional report, the tool's headline and a regional report make
        func table(_ groupBy: ReportDimension, _ filters: [ReportDimension: String]) throws -> IndicatorTable {
            try store.indicatorTable(ReportQuery(round: "2024", groupBy: groupBy, filters: filters, indicators: ["T"]))
        }
        // MUT + validate
        #expect(try table(.national, [.profession: "doc"]).isItsOwnBenchmark)
        #expect(try table(.national, [:]).isItsOwnBenchmark)
        #expect(try !table(.national, [.region: "R1"]).isItsOwnBenchmark)
        #expect(try !table(.national, [.profession: "doc", .region: "R1"]).isItsOwnBenchmark)
        #expect(try !table(.organisation, [.profession: "doc"]).isItsOwnBenchmark)
        #expect(try !table(.profession, [:]).isItsOwnBenchmark)
    }

    @Test("respondents without a score are not counted; a group with nobody scored is left out")
    func unscoredLeftOut() throws {
        // Theme U was never answered: no rows at all.
        let table = try store.indicatorTable(ReportQuery(round: "2024", groupBy: .organisation))
        #expect(!table.rows.contains { $0.indicator == "U" })
        // C has 6 respondents but 5 with a T score.
        #expect(row(table, "C")?.n == 5)
    }

    @Test("unknown round, dimension, code or indicator are typed errors")
    func errors() {
        #expect(throws: ReportQueryError.unknownRound("1999")) { try store.indicatorTable(ReportQuery(round: "1999")) }
        #expect(throws: ReportQueryError.unknownCode(dimension: .organisation, code: "ZZ")) {
            try store.indicatorTable(ReportQuery(round: "2024", filters: [.organisation: "ZZ"]))
        }
        #expect(throws: ReportQueryError.unknownCode(dimension: .national, code: "x")) {
            try store.indicatorTable(ReportQuery(round: "2024", filters: [.national: "x"]))
        }
        #expect(throws: ReportQueryError.unknownIndicator("Q")) {
            try store.indicatorTable(ReportQuery(round: "2024", indicators: ["Q"]))
        }
        #expect(throws: ReportQueryError.unknownDimension("ward")) {
            try ReportQuery(round: "2024", groupBy: "ward", filters: [:])
        }
        #expect(throws: ReportQueryError.unknownDimension("ward")) {
            try ReportQuery(round: "2024", groupBy: "site", filters: ["ward": "W1"])
        }
        #expect(throws: ReportQueryError.missingRound) { try ReportQuery(round: nil, groupBy: "site", filters: [:]) }
    }

    @Test("a query parsed from API strings equals the typed one")
    func parsing() throws {
        let parsed = try ReportQuery(round: "2024", groupBy: "placement_type", filters: ["organisation": "A"])
        #expect(parsed == ReportQuery(round: "2024", groupBy: .placementType, filters: [.organisation: "A"]))
        #expect(try ReportQuery(round: "2024", groupBy: nil, filters: [:]).groupBy == .national)
    }

    @Test("the flag grid lays the table out as groups × indicators")
    func flagGrid() throws {
        let grid = try store.flagGrid(round: "2024", dimension: .organisation)
        #expect(grid.indicators == ["T", "U"])
        #expect(grid.rows.map(\.group) == ["A", "B", "C"])
        #expect(grid.rows.map { $0.cells[0]?.flag } == [.pink, .white, .green])
        #expect(grid.rows.allSatisfy { $0.cells[1] == nil })
    }

    @Test("the result encodes to the API's JSON keys, leaving suppressed figures out")
    func json() throws {
        let table = try store.indicatorTable(ReportQuery(round: "2024", groupBy: .organisation,
                                                         filters: [.profession: "doc"], indicators: ["T"]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(table.rows[0]), as: UTF8.self)
        #expect(text == #"{"flag":"suppressed","group":"A","indicator":"T"}"#)
    }
}
