import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Attempt limiter for receipt-code lookups")
struct AttemptLimiterTests {
    static let start = Date(timeIntervalSince1970: 1_000_000)
    static func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    @Test("allows up to the limit in the window, then refuses with the wait until the oldest expires")
    func limit() {
        var limiter = AttemptLimiter(limit: 3, window: 60)
        #expect(limiter.attempt("client", at: Self.at(0)) == .allowed(remaining: 2))
        #expect(limiter.attempt("client", at: Self.at(10)) == .allowed(remaining: 1))
        #expect(limiter.attempt("client", at: Self.at(20)) == .allowed(remaining: 0))
        #expect(limiter.attempt("client", at: Self.at(30)) == .refused(retryAfter: 30))
        #expect(!limiter.wouldAllow("client", at: Self.at(59)))
        #expect(limiter.attempt("client", at: Self.at(60)).isAllowed, "the first attempt has left the window")
        #expect(limiter.attempt("client", at: Self.at(61)) == .refused(retryAfter: 9))
    }

    @Test("the window slides: refused attempts do not extend it")
    func sliding() {
        var limiter = AttemptLimiter(limit: 2, window: 100)
        _ = limiter.attempt("k", at: Self.at(0))
        _ = limiter.attempt("k", at: Self.at(50))
        for t in stride(from: 51.0, to: 100, by: 7) { #expect(!limiter.attempt("k", at: Self.at(t)).isAllowed) }
        #expect(limiter.attempt("k", at: Self.at(100)).isAllowed)
        #expect(!limiter.attempt("k", at: Self.at(120)).isAllowed)
        #expect(limiter.attempt("k", at: Self.at(150)).isAllowed)
    }

    @Test("keys are independent, and reset forgets one")
    func keys() {
        var limiter = AttemptLimiter(limit: 1, window: 60)
        #expect(limiter.attempt("a", at: Self.at(0)).isAllowed)
        #expect(!limiter.attempt("a", at: Self.at(1)).isAllowed)
        #expect(limiter.attempt("b", at: Self.at(1)).isAllowed)
        limiter.reset("a")
        #expect(limiter.attempt("a", at: Self.at(2)).isAllowed)
    }

    @Test("memory is bounded: prune drops idle keys, and the stalest key goes when full")
    func bounded() {
        var limiter = AttemptLimiter(limit: 5, window: 60, maxKeys: 3)
        _ = limiter.attempt("a", at: Self.at(0))
        _ = limiter.attempt("b", at: Self.at(10))
        _ = limiter.attempt("c", at: Self.at(20))
        _ = limiter.attempt("d", at: Self.at(30))
        #expect(limiter.trackedKeys == 3)
        #expect(limiter.wouldAllow("a", at: Self.at(31)))
        limiter.prune(at: Self.at(85))
        #expect(limiter.trackedKeys == 1, "only d attempted within the last 60 seconds")
    }

    @Test("refusal says how long until the window has room, without counting")
    func refusal() {
        var limiter = AttemptLimiter(limit: 2, window: 60)
        #expect(limiter.refusal("a", at: Self.at(0)) == nil)
        _ = limiter.attempt("a", at: Self.at(0))
        _ = limiter.attempt("a", at: Self.at(10))
        #expect(limiter.refusal("a", at: Self.at(15)) == 45)
        #expect(limiter.refusal("a", at: Self.at(15)) == 45, "asking counts nothing")
        #expect(limiter.refusal("a", at: Self.at(60)) == nil)
        #expect(limiter.refusal("b", at: Self.at(15)) == nil)
    }
}
