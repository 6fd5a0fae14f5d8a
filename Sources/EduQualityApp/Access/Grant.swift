import EduQualityDomain
import Fluent
import Foundation

/// A role and the codes of its scope, as a `RoleGrant` stores them, for the users page, the
/// `users create` command and demo and test accounts alike. Only the codes the role's scope needs
/// are set; a site grant keeps its site's organisation too.
struct Grant: Sendable, Hashable {
    let role: Role
    let region, organisation, site: String?

    /// Looks up the code the role needs (`Role.scopeCodeKind`) in reference data; a role that needs
    /// none ignores it.
    static func resolve(_ role: Role, scopeCode: String?, on db: any Database) async throws -> Grant {
        let code = scopeCode ?? ""
        switch role.scopeCodeKind {
        case nil:
            return Grant(role: role, region: nil, organisation: nil, site: nil)
        case .region:
            guard try await Region.query(on: db).filter(\.$code == code).count() > 0 else {
                throw UnknownScopeCode(role: role, kind: .region)
            }
            return Grant(role: role, region: code, organisation: nil, site: nil)
        case .organisation:
            guard try await Organisation.inUse(on: db).filter(\.$code == code).count() > 0 else {
                throw UnknownScopeCode(role: role, kind: .organisation)
            }
            return Grant(role: role, region: nil, organisation: code, site: nil)
        case .site:
            guard let site = try await Site.query(on: db).filter(\.$code == code).first() else {
                throw UnknownScopeCode(role: role, kind: .site)
            }
            return Grant(role: role, region: nil, organisation: site.organisationCode, site: site.code)
        }
    }

    func isStored(in record: RoleGrant) -> Bool {
        record.role == role.rawValue && record.regionCode == region && record.organisationCode == organisation
            && record.siteCode == site
    }

    func record(for userID: UUID) -> RoleGrant {
        RoleGrant(userID: userID, role: role.rawValue, regionCode: region, organisationCode: organisation, siteCode: site)
    }

    /// What the audit log records of a grant.
    var snapshot: [String: String] { Self.snapshot(role: role.rawValue, region: region, organisation: organisation, site: site) }

    static func snapshot(of record: RoleGrant) -> [String: String] {
        snapshot(role: record.role, region: record.regionCode, organisation: record.organisationCode, site: record.siteCode)
    }

    private static func snapshot(role: String, region: String?, organisation: String?, site: String?) -> [String: String] {
        var d = ["role": role]
        d["region"] = region
        d["organisation"] = organisation
        d["site"] = site
        return d
    }
}
