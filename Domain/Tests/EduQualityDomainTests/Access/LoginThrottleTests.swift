import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Sign-in throttling: growing delays, never a lock")
struct LoginThrottleTests {
    static let t0 = Date(timeIntervalSince1970: 1_000_000)

    /// Fails `n` times from one client, each attempt as soon as it is allowed; returns the state
    /// and the time of the last failure.
    static func failing(_ n: Int, from start: LoginThrottle = LoginThrottle(), at t: Date = t0) -> (LoginThrottle, Date) {
        var state = start
        var now = t
        for _ in 0..<n {
            now = now.addingTimeInterval(TimeInterval(state.wait(at: now)))
            state = state.admitting(at: now)
        }
        return (state, now)
    }

    @Test("the per-client schedule: three free failures, then 2, 4, 8… seconds, capped at fifteen minutes", arguments: [
        (0, 0.0), (1, 0), (2, 0), (3, 2), (4, 4), (5, 8), (6, 16), (7, 32), (8, 64), (9, 128), (10, 256), (11, 512),
        (12, 900), (13, 900), (40, 900), (10_000, 900),
    ] as [(Int, TimeInterval)])
    func perClientSchedule(failures: Int, delay: TimeInterval) {
        #expect(LoginThrottle.perClient.delay(afterFailures: failures) == delay)
    }

    @Test("the shared schedule allows far more before it slows", arguments: [(0, 0.0), (49, 0), (50, 2), (51, 4), (60, 900), (Int.max, 900)]
          as [(Int, TimeInterval)])
    func sharedSchedule(failures: Int, delay: TimeInterval) {
        #expect(LoginThrottle.acrossClients.delay(afterFailures: failures) == delay)
        #expect(LoginThrottle.acrossClients.freeFailures > 10 * LoginThrottle.perClient.freeFailures)
    }

    @Test("each attempt after the third failure waits twice as long as the one before", arguments: 3...14)
    func waitsGrow(failures: Int) {
        let (state, last) = Self.failing(failures)
        let expected = Int(min(900, pow(2, Double(failures - 2))))
        #expect(state.wait(at: last) == expected)
        #expect(state.wait(at: last.addingTimeInterval(Double(expected) - 0.5)) == 1, "rounded up, never 0 early")
        #expect(state.wait(at: last.addingTimeInterval(Double(expected))) == 0, "whoever waits gets a try")
    }

    @Test("the first three attempts never wait", arguments: 0...2)
    func freeAttempts(failures: Int) {
        let (state, last) = Self.failing(failures)
        #expect(state.wait(at: last) == 0)
        #expect(state.client.count == failures && state.email.count == failures)
    }

    @Test("a refused attempt is not admitted, so it cannot extend the wait")
    func refusedNotCounted() {
        let (state, last) = Self.failing(5)
        #expect(state.wait(at: last.addingTimeInterval(1)) == 7)
        #expect(state.wait(at: last.addingTimeInterval(7)) == 1, "asking again changes nothing")
    }

    @Test("an admitted attempt counts at once, so parallel attempts cannot all slip through")
    func parallelAttempts() {
        var state = LoginThrottle()
        var admitted = 0
        for _ in 0..<100 where state.wait(at: Self.t0) == 0 {
            state = state.admitting(at: Self.t0)
            admitted += 1
        }
        #expect(admitted == 3)
    }

    @Test("a right password clears this client and gives back its attempt to the shared count")
    func success() {
        let (state, last) = Self.failing(6)
        let after = state.succeeding(at: last)
        #expect(after.client == .none)
        #expect(after.email == .init(count: 5, last: last))
        #expect(after.wait(at: last) == 0)
        #expect(LoginThrottle(client: .init(count: 1, last: Self.t0), email: .init(count: 1, last: Self.t0))
            .succeeding(at: Self.t0) == LoginThrottle())
    }

    @Test("failures are forgotten a day after the last one")
    func forgotten() {
        let (state, last) = Self.failing(14)
        #expect(state.wait(at: last.addingTimeInterval(LoginThrottle.forgetAfter - 1)) == 0, "the cap is shorter than a day")
        let later = last.addingTimeInterval(LoginThrottle.forgetAfter)
        #expect(state.client.current(at: later) == .none && state.email.current(at: later) == .none)
        #expect(state.admitting(at: later).client == .init(count: 1, last: later))
        #expect(state.client.current(at: last.addingTimeInterval(LoginThrottle.forgetAfter - 1)) == state.client)
    }

    @Test("others' failures never hold back a client with none of its own")
    func ownerNotHeldBack() {
        // an attacker, from many clients, runs the shared count far past its allowance
        let shared = LoginThrottle.Failures(count: 10_000, last: Self.t0)
        let owner = LoginThrottle(client: .none, email: shared)
        #expect(owner.wait(at: Self.t0) == 0)
        // the owner mistypes once: only slowed, by at most the cap, from their own failure
        let mistyped = owner.admitting(at: Self.t0)
        #expect(mistyped.wait(at: Self.t0) == 900)
        #expect(mistyped.wait(at: Self.t0.addingTimeInterval(900)) == 0)
        // and the attacker's further failures do not move the owner's wait
        let moved = LoginThrottle(client: mistyped.client, email: .init(count: 20_000, last: Self.t0.addingTimeInterval(899)))
        #expect(moved.wait(at: Self.t0.addingTimeInterval(900)) == 0)
    }

    @Test("below the shared allowance only the client's own schedule counts", arguments: [0, 10, 49])
    func sharedBelowAllowance(shared: Int) {
        let state = LoginThrottle(client: .init(count: 1, last: Self.t0), email: .init(count: shared, last: Self.t0))
        #expect(state.wait(at: Self.t0) == 0)
    }

    @Test("above the shared allowance a client that has failed waits the longer of the two", arguments: [
        (1, 50, 2), (1, 53, 16), (5, 50, 8), (8, 51, 64),
    ] as [(Int, Int, Int)])
    func longerOfTheTwo(own: Int, shared: Int, wait: Int) {
        let state = LoginThrottle(client: .init(count: own, last: Self.t0), email: .init(count: shared, last: Self.t0))
        #expect(state.wait(at: Self.t0) == wait)
    }

    @Test("a last failure stamped ahead of this clock never makes the wait longer than the delay")
    func clockSkew() {
        let ahead = Self.t0.addingTimeInterval(5)
        #expect(LoginThrottle(client: .init(count: 1, last: ahead)).wait(at: Self.t0) == 0)
        #expect(LoginThrottle(client: .init(count: 4, last: ahead)).wait(at: Self.t0) == 4)
    }
}
