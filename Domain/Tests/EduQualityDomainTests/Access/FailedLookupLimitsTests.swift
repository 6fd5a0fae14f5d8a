import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Failed look-up limits")
struct FailedLookupLimitsTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("failures are limited per code, and another code is still looked up")
    func perCode() {
        var limits = FailedLookupLimits(perCode: 3, global: 100)
        for _ in 0..<3 {
            #expect(limits.refusal(code: "A", at: Self.start) == nil)
            limits.fail(code: "A", at: Self.start)
        }
        #expect(limits.refusal(code: "A", at: Self.start) == 15 * 60)
        #expect(limits.refusal(code: "B", at: Self.start) == nil, "another code is not held back")
        #expect(limits.refusal(code: "A", at: Self.start.addingTimeInterval(15 * 60)) == nil, "the window passes")
    }

    @Test("failures across all codes meet a global ceiling, which lifts after its window")
    func global() {
        var limits = FailedLookupLimits(perCode: 3, global: 5, globalWindow: 60)
        for i in 0..<5 { limits.fail(code: "code-\(i)", at: Self.start) }
        #expect(limits.refusal(code: "fresh", at: Self.start.addingTimeInterval(1)) == 59)
        #expect(limits.refusal(code: nil, at: Self.start.addingTimeInterval(1)) == 59, "text that is no code too")
        #expect(limits.refusal(code: "fresh", at: Self.start.addingTimeInterval(60)) == nil)
    }

    @Test("text that cannot be a code counts only against the global ceiling")
    func noCode() {
        var limits = FailedLookupLimits(perCode: 1, global: 100)
        limits.fail(code: nil, at: Self.start)
        limits.fail(code: nil, at: Self.start)
        #expect(limits.refusal(code: "A", at: Self.start) == nil)
    }

    @Test("failures kept elsewhere get the same answers as failures kept in memory")
    func recentAgreesWithMemory() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var memory = FailedLookupLimits(perCode: 3, perCodeWindow: 60, global: 5, globalWindow: 20)
            let shared = memory
            var stored: [(code: String?, at: Date)] = []
            var now = Self.start
            for _ in 0..<40 {
                now = now.addingTimeInterval(Double(Int.random(in: 0...6, using: &generator)))
                let code: String? = ["A", "B", nil].randomElement(using: &generator)!
                let recent = Self.recent(stored, code: code, limits: shared, at: now)
                #expect(memory.refusal(code: code, at: now) == shared.refusal(recent, at: now))
                guard memory.refusal(code: code, at: now) == nil else { continue }
                // a failure, stored as the database store stores it
                let counting = shared.counting(recent, hasCode: code != nil, at: now)
                if counting.everyone { stored.append((nil, now)) }
                if counting.code { stored.append((code, now)) }
                memory.fail(code: code, at: now)
            }
        }
    }

    @Test("a count at its limit takes no more failures")
    func countingStopsAtLimit() {
        let limits = FailedLookupLimits(perCode: 2, global: 3, globalWindow: 60)
        let full = FailedLookupLimits.Recent(code: [Self.start, Self.start], everyone: [Self.start, Self.start])
        #expect(limits.counting(full, hasCode: true, at: Self.start) == (code: false, everyone: true))
        #expect(limits.counting(full, hasCode: false, at: Self.start) == (code: false, everyone: true))
        let later = Self.start.addingTimeInterval(15 * 60)
        #expect(limits.counting(full, hasCode: true, at: later) == (code: true, everyone: true), "the window passed")
    }

    @Test("a failure stamped a little ahead of the clock never lengthens the wait")
    func stampedAhead() {
        let limits = FailedLookupLimits(perCode: 1, global: 100)
        let ahead = FailedLookupLimits.Recent(code: [Self.start.addingTimeInterval(0.000_01)])
        #expect(limits.refusal(ahead, at: Self.start) == 15 * 60)
    }

    /// What the store loads: the code's failures within its window and everyone's within theirs.
    private static func recent(_ stored: [(code: String?, at: Date)], code: String?, limits: FailedLookupLimits,
                               at now: Date) -> FailedLookupLimits.Recent {
        FailedLookupLimits.Recent(
            code: code.map { c in stored.filter { $0.code == c && now.timeIntervalSince($0.at) < limits.perCodeWindow }.map(\.at) } ?? [],
            everyone: stored.filter { $0.code == nil && now.timeIntervalSince($0.at) < limits.globalWindow }.map(\.at))
    }
}
