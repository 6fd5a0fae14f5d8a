import EduQualityDomain
import Fluent
@testable import EduQualityApp
import Vapor

/// Test accounts: one per role, scoped to the demo organisation T001 (London) where a scope is
/// needed, all with the same password.
enum TestAccounts {
    static let password = "test-password-12345"

    static func email(_ role: Role) -> String { "\(role.rawValue)@test.eduquality.test" }

    static func scope(_ role: Role) -> String? {
        switch role.scopeKind {
        case .site: "T001-01"
        case .organisation: role == .educationProviderLead ? "H008" : "T001"
        case .region: "LDN"
        default: nil
        }
    }

    /// Creates every role's account (bcrypt at a low cost: speed matters here, not strength).
    static func createAll(on app: Application) async throws {
        let hash = try Bcrypt.hash(password, cost: 4)
        for role in Role.allCases {
            let grant = try await Grant.resolve(role, scopeCode: scope(role), on: app.db)
            try await AccountProvisioning.upsert(email: email(role), name: "Test \(role.displayName)",
                                                 passwordHash: hash, grant: grant, on: app.db)
        }
    }

    static func browser(_ app: Application, as role: Role) async throws -> TestBrowser {
        let b = TestBrowser(app)
        try await b.signIn(email(role), password: password)
        return b
    }
}
