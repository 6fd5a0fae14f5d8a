import EduQualityDomain
import Fluent
import Vapor

/// Creates or refreshes an account with exactly one role (a `Grant`), for the command line and the demo.
/// A temporary password (the command's) stops working at `passwordExpiresAt` and must be replaced
/// at the first sign-in; the demo's shared password is not temporary.
enum AccountProvisioning {
    static func upsert(email: String, name: String, passwordHash: String, grant: Grant,
                       passwordExpiresAt: Double? = nil, on db: any Database) async throws {
        try await db.audited(actor: "system:provisioning") { db in
            var events: [AuditEvent] = []
            let user: User
            if let existing = try await User.query(on: db).filter(\.$email == email).with(\.$roles).first() {
                user = existing
                user.passwordHash = passwordHash
                user.passwordExpiresAt = passwordExpiresAt
                user.isActive = true
                try await user.update(on: db)
                try await LoginThrottleStore.forget(email: email, db: db)
                try await AccountSessions.end(userID: user.requireID(), keeping: nil, on: db)
                events.append(AuditEvent(action: "user.reset-password", entityType: "user", entityID: email))
            } else {
                user = User(email: email, displayName: name, passwordHash: passwordHash)
                user.passwordExpiresAt = passwordExpiresAt
                try await user.create(on: db)
                events.append(AuditEvent(action: "user.create", entityType: "user", entityID: email, after: user.auditSnapshot))
            }
            let has = try await RoleGrant.query(on: db).filter(\.$user.$id == user.id!).all().contains(where: grant.isStored(in:))
            if !has {
                try await grant.record(for: user.id!).create(on: db)
                events.append(AuditEvent(action: "user.grant-role", entityType: "user", entityID: email, after: grant.snapshot))
            }
            return ((), events)
        }
    }
}
