import Testing
@testable import EduQualityDomain

@Suite("Concern statistics for handlers and the quality team")
struct ConcernStatisticsTests {
    typealias F = ConcernFixtures

    /// `count` concerns at `organisation` submitted on `day`, acknowledged after `ackDays` and
    /// resolved after `resolveDays` working days, the first `escalate` of them escalated.
    static func batch(_ count: Int, organisation: String, day: String, category: ConcernCategory = .supervision,
                      ackDays: Int? = nil, resolveDays: Int? = nil, escalate: Int = 0, seed: Int) throws -> [Concern] {
        let calendar = WorkingCalendar.englandAndWales
        return try (0..<count).map { i in
            let submission = ConcernSubmission(
                reporter: .anonymous, placement: ConcernPlacement(region: "LDN", organisation: organisation, site: nil),
                category: category, whatHappened: "x", desiredOutcome: nil, pathway: .placementProvider,
                educationProvider: "UNI1")
            let start = F.day(day)
            var c = try Concern.receive(submission, reference: ConcernReference("CN-\(String(format: "%05d", seed))-\(String(format: "%05d", i))")!, on: start).concern
            if let ackDays { _ = try c.acknowledge(by: "h", on: calendar.adding(workingDays: ackDays, to: start)) }
            if let resolveDays { _ = try c.resolve(outcome: "o", by: "h", on: calendar.adding(workingDays: resolveDays, to: start)) }
            if i < escalate { _ = try c.escalate(by: .handler(userID: "h"), on: calendar.adding(workingDays: 25, to: start)) }
            return c
        }
    }

    @Test("counts by organisation and category, with small cells suppressed")
    func countsByOrganisation() throws {
        let concerns = try Self.batch(5, organisation: "RJ1", day: "2026-03-02", seed: 1)
            + Self.batch(1, organisation: "RJ1", day: "2026-03-02", category: .facilities, seed: 2)
            + Self.batch(6, organisation: "RM2", day: "2026-03-02", seed: 3)
            + Self.batch(4, organisation: "RM2", day: "2026-03-02", category: .facilities, seed: 4)
        let table = ConcernStatistics.counts(concerns, by: .organisation, breakdown: .category)
        #expect(table.rowLabels == ["RJ1", "RM2"])
        #expect(table.columnLabels == ConcernCategory.allCases.map(\.rawValue))
        let supervision = table.columnLabels.firstIndex(of: "supervision")!
        let facilities = table.columnLabels.firstIndex(of: "facilities")!
        #expect(table.cells[0][facilities] == .suppressed)
        #expect(table.cells[0][supervision] == .suppressed, "else 1 = 6 − 5")
        #expect(table.rowTotals == [.count(6), .count(10)])
        #expect(table.cells[0][table.columnLabels.firstIndex(of: "teaching")!] == .count(0))
    }

    @Test("counts by month and by pathway or status")
    func countsByMonth() throws {
        let concerns = try Self.batch(3, organisation: "RJ1", day: "2026-03-31", seed: 1)
            + Self.batch(4, organisation: "RJ1", day: "2026-04-01", escalate: 4, seed: 2)
        let byPathway = ConcernStatistics.counts(concerns, by: .month, breakdown: .pathway)
        #expect(byPathway.rowLabels == ["2026-03", "2026-04"])
        #expect(byPathway.columnLabels == ["1", "2", "3"])
        #expect(byPathway.cells == [[.count(3), .count(0), .count(0)], [.count(0), .count(4), .count(0)]])
        let byStatus = ConcernStatistics.counts(concerns, by: .region, breakdown: .status)
        #expect(byStatus.rowLabels == ["LDN"])
        #expect(byStatus.cells[0][byStatus.columnLabels.firstIndex(of: "escalated")!] == .count(4))
    }

    @Test("median working days to acknowledge and resolve, per handling stage")
    func medians() throws {
        let concerns = try Self.batch(2, organisation: "RJ1", day: "2026-03-02", ackDays: 1, resolveDays: 10, seed: 1)
            + Self.batch(2, organisation: "RJ1", day: "2026-03-02", ackDays: 3, resolveDays: 15, seed: 2)
            + Self.batch(1, organisation: "RJ1", day: "2026-03-02", ackDays: 4, seed: 3)
        let rows = ConcernStatistics.performance(concerns, by: .organisation)
        #expect(rows.map(\.group) == ["RJ1", "all"])
        #expect(rows[0].concerns == .count(5))
        #expect(rows[0].medianDaysToAcknowledge == .value(3, n: 5))
        #expect(rows[0].medianDaysToResolve == .value(12.5, n: 4))
        #expect(rows[0].escalationRate == .value(0, n: 5))
        #expect(rows[1] == ConcernPerformance(group: "all", concerns: rows[0].concerns,
                                              medianDaysToAcknowledge: rows[0].medianDaysToAcknowledge,
                                              medianDaysToResolve: rows[0].medianDaysToResolve,
                                              escalationRate: rows[0].escalationRate))
    }

    @Test("small groups and small escalation counts are suppressed, and cannot be subtracted out")
    func performanceSuppression() throws {
        let concerns = try Self.batch(2, organisation: "RJ1", day: "2026-03-02", ackDays: 1, seed: 1)
            + Self.batch(10, organisation: "RM2", day: "2026-03-02", ackDays: 2, escalate: 1, seed: 2)
            + Self.batch(10, organisation: "RX3", day: "2026-03-02", ackDays: 2, escalate: 5, seed: 3)
        let rows = Dictionary(uniqueKeysWithValues: ConcernStatistics.performance(concerns, by: .organisation).map { ($0.group, $0) })
        #expect(rows["RJ1"]!.concerns == .suppressed)
        #expect(rows["RJ1"]!.medianDaysToAcknowledge == .suppressed)
        #expect(rows["RM2"]!.concerns == .suppressed || rows["RX3"]!.concerns == .suppressed,
                "with RJ1 hidden, one more group size goes or RJ1 = 22 − 10 − 10")
        #expect(rows["RM2"]!.escalationRate == .suppressed, "1 of 10 escalated singles out a case")
        #expect(rows["all"]!.concerns == .count(22))
        #expect(rows["all"]!.escalationRate == .value(6.0 / 22.0, n: 22))
        let table = ConcernStatistics.counts([], by: .organisation, breakdown: .category)
        #expect(table.rowLabels.isEmpty && table.grandTotal == .count(0))
        #expect(ConcernStatistics.performance([], by: .month).first?.escalationRate == .noData)
    }
}
