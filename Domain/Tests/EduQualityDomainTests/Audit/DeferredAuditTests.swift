import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Deferred audit of anonymous events")
struct DeferredAuditTests {
    /// 2025-03-14 at `hour`:`minute`:`second` UTC.
    static func at(_ hour: Int, _ minute: Int = 0, _ second: Double = 0, dayOffset: Int = 0) -> Date {
        let day = Double(CalendarDay(year: 2025, month: 3, day: 14)!.dayNumber + dayOffset) * 86_400
        return Date(timeIntervalSince1970: day + Double(hour * 3600 + minute * 60) + second)
    }

    @Test("people without an account wait for a batch; staff and the system do not",
          arguments: [("anonymous reporter", true), ("reporter", true), ("survey respondent", true), ("public", true),
                      ("admin@example.org", false), ("system:calendar", false), ("system:audit", false),
                      ("Anonymous Reporter", false), ("", false)])
    func deferral(actor: String, deferred: Bool) {
        #expect(DeferredAudit.isDeferred(actor: actor) == deferred)
    }

    @Test("the latest batch time is the last of 00, 06, 12, 18 UTC at or before now",
          arguments: [(0, 0, 0.0, 0), (0, 0, 0.001, 0), (5, 59, 59.999, 0), (6, 0, 0.0, 6), (11, 59, 59.0, 6),
                      (12, 0, 0.0, 12), (17, 30, 0.0, 12), (18, 0, 0.0, 18), (23, 59, 59.999, 18)])
    func latestBoundary(hour: Int, minute: Int, second: Double, boundary: Int) {
        #expect(DeferredAudit.latestBoundary(atOrBefore: Self.at(hour, minute, second)) == Self.at(boundary))
    }

    @Test("a batch is due once a batch time has passed that the last batch did not serve")
    func due() {
        #expect(DeferredAudit.isBatchDue(lastBoundary: nil, now: Self.at(3)), "the first batch is due at once")
        #expect(!DeferredAudit.isBatchDue(lastBoundary: Self.at(0), now: Self.at(0)))
        #expect(!DeferredAudit.isBatchDue(lastBoundary: Self.at(0), now: Self.at(5, 59, 59.999)))
        #expect(DeferredAudit.isBatchDue(lastBoundary: Self.at(0), now: Self.at(6)), "due exactly at 06:00")
        #expect(!DeferredAudit.isBatchDue(lastBoundary: Self.at(6), now: Self.at(6, 0, 0.5)))
        #expect(DeferredAudit.isBatchDue(lastBoundary: Self.at(18), now: Self.at(0, dayOffset: 1)), "midnight is a batch time")
        #expect(!DeferredAudit.isBatchDue(lastBoundary: Self.at(18), now: Self.at(23, 59, 59)))
        #expect(DeferredAudit.isBatchDue(lastBoundary: Self.at(6), now: Self.at(7, dayOffset: 3)),
                "after a pause, one batch serves every boundary missed")
    }

    @Test("only the day is kept of a deferred event's time")
    func dayStart() {
        #expect(DeferredAudit.dayStart(of: Self.at(23, 20, 41.5)) == Self.at(0))
        #expect(DeferredAudit.dayStart(of: Self.at(0)) == Self.at(0))
        #expect(DeferredAudit.dayStart(of: Date(timeIntervalSince1970: -1)) == Date(timeIntervalSince1970: -86_400))
    }

    @Test("a batch's order is a permutation of its events, with the seeded and the system generator")
    func permutation() {
        let events = Array(0..<50)
        var seeded = SplitMix64(seed: 42)
        for _ in 0..<100 {
            #expect(DeferredAudit.batchOrder(events, using: &seeded).sorted() == events)
            #expect(DeferredAudit.batchOrder(events).sorted() == events)
        }
        #expect(DeferredAudit.batchOrder([Int]()).isEmpty)
        #expect(DeferredAudit.batchOrder([7]) == [7])
    }

    @Test("a batch's order does not keep the order events were queued in")
    func shuffled() {
        // 100 shuffles of 20 events all in queue order: probability 100 / 20! (about 4e-17).
        let events = Array(0..<20)
        #expect((0..<100).contains { _ in DeferredAudit.batchOrder(events) != events })
        // Every position is reached by the first event over many seeded shuffles.
        var seeded = SplitMix64(seed: 7)
        var firstPositions: Set<Int> = []
        for _ in 0..<2000 { firstPositions.insert(DeferredAudit.batchOrder(events, using: &seeded).firstIndex(of: 0)!) }
        #expect(firstPositions == Set(0..<20))
    }
}
