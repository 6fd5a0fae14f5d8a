import EduQualityDomain
import Fluent
import Foundation

/// The roles whose accounts must use two-step sign-in: an administrator's setting, kept in
/// `account_settings` as role codes joined by commas. Until an administrator first saves it, the
/// roles that see the most: national quality lead, administrator, regional quality team and
/// regulator liaison. The demo saves it empty, so demo accounts sign in with a password alone.
enum TwoStepRequirement {
    static let key = "two-step-roles"
    static let defaultRoles: Set<Role> = [.nationalQualityLead, .administrator, .regionalQualityTeam, .regulatorLiaison]

    static func roles(on db: any Database) async throws -> Set<Role> {
        guard let record = try await AccountSettingRecord.find(key, on: db) else { return defaultRoles }
        return Set(record.value.split(separator: ",").compactMap { Role(rawValue: String($0)) })
    }

    static func save(_ roles: Set<Role>, actor: String, on db: any Database) async throws {
        let value = stored(roles)
        try await db.audited(actor: actor) { db in
            let before = stored(try await Self.roles(on: db))
            if let record = try await AccountSettingRecord.find(key, on: db) {
                record.value = value
                try await record.update(on: db)
            } else {
                try await AccountSettingRecord(key: key, value: value).create(on: db)
            }
            return ((), [AuditEvent(action: "settings.two-step-roles", entityType: "setting", entityID: key,
                                    before: ["roles": before], after: ["roles": value])])
        }
    }

    /// Whether any of the account's roles is one that must use two-step sign-in.
    static func applies(to user: User, roles: Set<Role>) -> Bool {
        user.roles.contains { Role(rawValue: $0.role).map(roles.contains) ?? false }
    }

    private static func stored(_ roles: Set<Role>) -> String { roles.map(\.rawValue).sorted().joined(separator: ",") }
}

/// What a signed-in person must do before anything else: replace a temporary password, then
/// turn on two-step sign-in if a role of theirs requires it. Until then every other page sends
/// them there (`CurrentActorMiddleware`).
enum AccountObligation: Sendable {
    case changePassword
    case enrolTwoStep

    var page: String {
        switch self {
        case .changePassword: "/account"
        case .enrolTwoStep: "/account/two-step"
        }
    }

    func allows(method: String, path: String) -> Bool {
        if method == "POST" && path == "/logout" { return true }
        switch self {
        case .changePassword: return (method == "GET" && path == "/account") || (method == "POST" && path == "/account/password")
        case .enrolTwoStep: return path == "/account/two-step" && (method == "GET" || method == "POST")
        }
    }

    static func of(_ user: User, mandatoryRoles: Set<Role>) -> AccountObligation? {
        if user.passwordExpiresAt != nil { return .changePassword }
        if user.twoStepEnabledAt == nil && TwoStepRequirement.applies(to: user, roles: mandatoryRoles) { return .enrolTwoStep }
        return nil
    }
}
