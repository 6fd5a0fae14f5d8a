import EduQualityDomain
import Fluent
import Vapor

/// Creates or refreshes an account with exactly one role, for the command line and the demo.
enum AccountProvisioning {
    struct Grant: Sendable {
        let role: Role
        let region, organisation, site: String?
    }

    /// Resolves the code a role's scope needs (a site code for educators, an organisation code for
    /// organisation roles, a region code for regional teams); nothing for national roles.
    static func grant(for role: Role, scopeCode: String?, on db: any Database) async throws -> Grant {
        let code = scopeCode ?? ""
        switch role.scopeKind {
        case .national, .personal, .assignedReviews:
            return Grant(role: role, region: nil, organisation: nil, site: nil)
        case .region:
            guard try await Region.query(on: db).filter(\.$code == code).count() > 0 else {
                throw ConfigError("--scope must be a region code for \(role.rawValue)")
            }
            return Grant(role: role, region: code, organisation: nil, site: nil)
        case .organisation:
            guard try await Organisation.query(on: db).filter(\.$code == code).count() > 0 else {
                throw ConfigError("--scope must be an organisation code for \(role.rawValue)")
            }
            return Grant(role: role, region: nil, organisation: code, site: nil)
        case .site:
            guard let site = try await Site.query(on: db).filter(\.$code == code).first() else {
                throw ConfigError("--scope must be a site code for \(role.rawValue)")
            }
            return Grant(role: role, region: nil, organisation: site.organisationCode, site: site.code)
        }
    }

    static func upsert(email: String, name: String, passwordHash: String, grant: Grant, on db: any Database) async throws {
        try await db.audited(actor: "system:provisioning") { db in
            var events: [AuditEvent] = []
            let user: User
            if let existing = try await User.query(on: db).filter(\.$email == email).with(\.$roles).first() {
                user = existing
                user.passwordHash = passwordHash
                user.isActive = true
                try await user.update(on: db)
                try await LoginThrottleStore.forget(email: email, db: db)
                events.append(AuditEvent(action: "user.reset-password", entityType: "user", entityID: email))
            } else {
                user = User(email: email, displayName: name, passwordHash: passwordHash)
                try await user.create(on: db)
                events.append(AuditEvent(action: "user.create", entityType: "user", entityID: email, after: user.auditSnapshot))
            }
            let has = try await RoleGrant.query(on: db).filter(\.$user.$id == user.id!).all().contains {
                $0.role == grant.role.rawValue && $0.regionCode == grant.region
                    && $0.organisationCode == grant.organisation && $0.siteCode == grant.site
            }
            if !has {
                try await RoleGrant(userID: user.id!, role: grant.role.rawValue, regionCode: grant.region,
                                    organisationCode: grant.organisation, siteCode: grant.site).create(on: db)
                var after = ["role": grant.role.rawValue]
                after["region"] = grant.region
                after["organisation"] = grant.organisation
                after["site"] = grant.site
                events.append(AuditEvent(action: "user.grant-role", entityType: "user", entityID: email, after: after))
            }
            return ((), events)
        }
    }
}
