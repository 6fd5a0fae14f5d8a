import Fluent
import Foundation

final class User: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    /// When a temporary password stops working (seconds since 1970); nil for one its owner chose.
    @OptionalField(key: "password_expires_at") var passwordExpiresAt: Double?
    /// The TOTP secret in Base32 once two-step sign-in is on (`TwoStepController`).
    @OptionalField(key: "two_step_secret") var twoStepSecret: String?
    @OptionalField(key: "two_step_enabled_at") var twoStepEnabledAt: Double?
    /// The time step of the last code accepted: a code for it or an earlier one is refused.
    @OptionalField(key: "two_step_last_counter") var twoStepLastCounter: Int64?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Children(for: \.$user) var roles: [RoleGrant]

    init() {}
    init(email: String, displayName: String, passwordHash: String) {
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.isActive = true
        self.failedLogins = 0
    }

    var auditSnapshot: [String: String] {
        ["email": email, "name": displayName, "active": String(isActive)]
    }
}

/// One role given to a user over one scope (see `Role` and `Scope`).
final class RoleGrant: Model, @unchecked Sendable {
    static let schema = "role_grants"
    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: String
    @OptionalField(key: "region_code") var regionCode: String?
    @OptionalField(key: "organisation_code") var organisationCode: String?
    @OptionalField(key: "site_code") var siteCode: String?

    init() {}
    init(userID: UUID, role: String, regionCode: String? = nil, organisationCode: String? = nil,
         siteCode: String? = nil) {
        self.$user.id = userID
        self.role = role
        self.regionCode = regionCode
        self.organisationCode = organisationCode
        self.siteCode = siteCode
    }
}
