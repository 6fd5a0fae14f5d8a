import Foundation

/// After repeated failed sign-ins an account is locked for a while, so passwords cannot be
/// guessed online. The state lives on the account, so every server instance sees it.
public struct LoginThrottle: Sendable, Equatable {
    public var failures: Int
    public var lockedUntil: Date?

    public static let maxFailures = 5
    public static let lockDuration: TimeInterval = 15 * 60

    public init(failures: Int = 0, lockedUntil: Date? = nil) {
        self.failures = failures
        self.lockedUntil = lockedUntil
    }

    public func isLocked(at now: Date) -> Bool {
        guard let until = lockedUntil else { return false }
        return now < until
    }

    /// Seconds until the lock lifts, rounded up; 0 when not locked.
    public func secondsRemaining(at now: Date) -> Int {
        guard let until = lockedUntil, now < until else { return 0 }
        return Int((until.timeIntervalSince(now)).rounded(.up))
    }

    public func recordingFailure(at now: Date) -> LoginThrottle {
        let expired = lockedUntil.map { now >= $0 } ?? false
        let count = (expired ? 0 : failures) + 1
        if count >= Self.maxFailures {
            return LoginThrottle(failures: 0, lockedUntil: now.addingTimeInterval(Self.lockDuration))
        }
        return LoginThrottle(failures: count, lockedUntil: expired ? nil : lockedUntil)
    }

    public func recordingSuccess() -> LoginThrottle { LoginThrottle() }
}

/// Password rules for accounts: long enough to resist guessing, not absurdly long for bcrypt.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 72

    public static func problem(with password: String) -> String? {
        let bytes = password.utf8.count
        if password.count < minimumLength { return "Password must be at least \(minimumLength) characters" }
        if bytes > maximumLength { return "Password must be \(maximumLength) bytes or fewer" }
        return nil
    }
}
