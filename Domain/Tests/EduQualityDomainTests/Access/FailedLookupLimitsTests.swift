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
}
