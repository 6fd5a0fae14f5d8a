import Foundation

/// How online password guessing is slowed. Nothing is ever locked: after a few failures each
/// further attempt must wait a delay that doubles with every failure, up to a cap, and a refused
/// attempt checks no password and counts nothing, so whoever waits gets a try.
///
/// Two counts decide, both keyed by the email as typed (lower-cased), so an unknown email is
/// throttled exactly like an account's and the answers cannot tell them apart:
/// - per email and client: the tight schedule (3 free failures). An attacker's failures from
///   elsewhere never touch the owner's own count.
/// - per email across clients: a far higher allowance, against guessing spread over many clients.
///   Its delay runs from the asking client's own last failure, so it only slows clients that have
///   themselves failed: the owner on a client with no failures of its own is never held back by
///   anyone else's.
///
/// An attempt counts as a failure from the moment it is let through (so many parallel requests
/// cannot all slip past the check while the password is being checked); a right password then
/// clears the client's count and takes its attempt back from the shared one. Counts are forgotten
/// a day after their last failure.
public struct LoginThrottle: Sendable, Equatable {
    /// One key's failures and when the last one happened.
    public struct Failures: Sendable, Equatable {
        public var count: Int
        public var last: Date?

        public init(count: Int = 0, last: Date? = nil) {
            self.count = count
            self.last = last
        }

        public static let none = Failures()

        /// The count as it stands at `now`: nothing once a day has passed since the last failure.
        public func current(at now: Date) -> Failures {
            guard let last, now.timeIntervalSince(last) < LoginThrottle.forgetAfter else { return .none }
            return self
        }
    }

    /// Delays that double: none for the first `freeFailures`, then 2, 4, 8… seconds, capped.
    public struct Schedule: Sendable, Equatable {
        public let freeFailures: Int
        public let cap: TimeInterval

        public init(freeFailures: Int, cap: TimeInterval) {
            precondition(freeFailures >= 0 && cap > 0)
            self.freeFailures = freeFailures
            self.cap = cap
        }

        /// The wait required after the last of `failures` failures before the next attempt.
        public func delay(afterFailures failures: Int) -> TimeInterval {
            guard failures >= freeFailures else { return 0 }
            let exponent = failures - freeFailures + 1
            return exponent >= 30 ? cap : min(cap, pow(2, Double(exponent)))
        }
    }

    public static let perClient = Schedule(freeFailures: 3, cap: 15 * 60)
    public static let acrossClients = Schedule(freeFailures: 50, cap: 15 * 60)
    public static let forgetAfter: TimeInterval = 24 * 3600

    /// Failures for this email from this client.
    public var client: Failures
    /// Failures for this email from every client.
    public var email: Failures

    public init(client: Failures = .none, email: Failures = .none) {
        self.client = client
        self.email = email
    }

    /// Whole seconds to wait before an attempt may go ahead, rounded up; 0 when it may go now.
    public func wait(at now: Date) -> Int {
        let own = client.current(at: now)
        guard let last = own.last else { return 0 }
        let shared = email.current(at: now)
        let delay = max(Self.perClient.delay(afterFailures: own.count), Self.acrossClients.delay(afterFailures: shared.count))
        // A last failure stamped ahead of this clock (another instance's) never lengthens the wait.
        // Less than a millisecond left is storage rounding, not a wait.
        let remaining = min(delay, delay - now.timeIntervalSince(last))
        return remaining > 0.001 ? Int(remaining.rounded(.up)) : 0
    }

    /// The state once an attempt is let through at `now`: counted as a failure until its password
    /// proves right.
    public func admitting(at now: Date) -> LoginThrottle {
        precondition(wait(at: now) == 0, "an attempt that must wait is refused, not admitted")
        let own = client.current(at: now)
        let shared = email.current(at: now)
        return LoginThrottle(client: Failures(count: own.count + 1, last: now),
                             email: Failures(count: shared.count + 1, last: now))
    }

    /// The state once an admitted attempt's password was right: this client starts afresh, and
    /// its attempt is taken back from the shared count (the shared last failure stays, so other
    /// clients' waits are unchanged).
    public func succeeding(at now: Date) -> LoginThrottle {
        let shared = email.current(at: now)
        return LoginThrottle(client: .none,
                             email: shared.count > 1 ? Failures(count: shared.count - 1, last: shared.last) : .none)
    }
}
