import EduQualityDomain
import Foundation

/// A password the service makes up, shown once, for a new account or after a reset. It works
/// for three days, and only to sign in and choose a new one (`AccountObligation.changePassword`).
enum TemporaryPassword {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    static let lifetime: TimeInterval = 3 * 24 * 3600

    static func generate(length: Int = 16) -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
    }

    /// One that passes the password rules too (a random one of this length always does; the
    /// rule is asked anyway, so every password the service sets goes through it).
    static func generate(checkedBy policy: PasswordPolicy, email: String) -> String {
        while true {
            let password = generate()
            if (try? policy.check(password, email: email)) != nil { return password }
        }
    }

    static func expiry(from now: Date) -> Double { now.addingTimeInterval(lifetime).timeIntervalSince1970 }
}
