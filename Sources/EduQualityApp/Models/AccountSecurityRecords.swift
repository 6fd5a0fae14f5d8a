import Fluent
import Foundation

/// One signed-in session (see `M026_AddAccountSecurity`): the session data names the row, and a
/// session whose row is gone is signed out.
final class AccountSessionRecord: Model, @unchecked Sendable {
    static let schema = "account_sessions"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "started_at") var startedAt: Double
    @Field(key: "last_seen_at") var lastSeenAt: Double
    /// A short summary ("Firefox on Windows"), never the whole header.
    @Field(key: "user_agent") var userAgent: String

    init() {}
    init(userID: UUID, at now: Date, userAgent: String) {
        id = UUID()
        self.userID = userID
        startedAt = now.timeIntervalSince1970
        lastSeenAt = now.timeIntervalSince1970
        self.userAgent = userAgent
    }
}

/// A recovery code for two-step sign-in, as a SHA-256 digest; used once.
final class RecoveryCodeRecord: Model, @unchecked Sendable {
    static let schema = "two_step_recovery_codes"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Double?

    init() {}
    init(userID: UUID, codeHash: String) {
        self.userID = userID
        self.codeHash = codeHash
    }
}

/// A setting an administrator changes on a page, by name.
final class AccountSettingRecord: Model, @unchecked Sendable {
    static let schema = "account_settings"
    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}
    init(key: String, value: String) {
        id = key
        self.value = value
    }
}
