import Fluent
import Foundation

/// One key's failed sign-ins (see `M013_CreateLoginThrottles`).
final class LoginThrottleRecord: Model, @unchecked Sendable {
    static let schema = "login_throttles"
    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "email_hash") var emailHash: String
    @Field(key: "failures") var failures: Int
    /// Seconds since 1970, to the fraction: a database date column may round to whole seconds.
    @Field(key: "last_failure") var lastFailureTime: Double
    var lastFailure: Date {
        get { Date(timeIntervalSince1970: lastFailureTime) }
        set { lastFailureTime = newValue.timeIntervalSince1970 }
    }

    init() {}
}
