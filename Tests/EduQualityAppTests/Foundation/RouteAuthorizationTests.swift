import Fluent
import EduQualityDomain
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Every route of the application, the action it asks permission for and on what, walked for
/// the public and for every role: the answer must be exactly what the domain rule says.
@Suite("Routes × roles")
struct RouteAuthorizationTests {
    struct Alternative: Sendable { let action: Action; let resource: Resource }

    struct Route: Sendable, CustomTestStringConvertible {
        let method: HTTPMethod
        let path: String
        let action: Action
        var resource: Resource = .service
        /// A second rule that also admits the visitor (a review's page: the team's or the provider's).
        var orElse: Alternative? = nil
        var testDescription: String { "\(method) \(path)" }
    }

    static let adminRoutes: [Route] = [
        Route(method: .GET, path: "/admin", action: .manageUsers),
        Route(method: .GET, path: "/admin/organisations", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/organisations/new", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/organisations/new", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/organisations/T001", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/organisations/T001", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/organisations/T001/retire", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/organisations/T001/reinstate", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/sites", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/sites/new", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/sites/new", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/sites/T001-01", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/sites/T001-01", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/users", action: .manageUsers),
        Route(method: .GET, path: "/admin/users/new", action: .manageUsers),
        Route(method: .POST, path: "/admin/users/new", action: .manageUsers),
        Route(method: .GET, path: "/admin/users/:id", action: .manageUsers),
        Route(method: .POST, path: "/admin/users/:id/roles", action: .manageUsers),
        Route(method: .POST, path: "/admin/users/:id/roles/:grant/remove", action: .manageUsers),
        Route(method: .POST, path: "/admin/users/:id/reset-password", action: .manageUsers),
        Route(method: .POST, path: "/admin/users/:id/active", action: .manageUsers),
        Route(method: .POST, path: "/admin/users/:id/reset-two-step", action: .manageUsers),
        Route(method: .GET, path: "/admin/two-step", action: .manageUsers),
        Route(method: .POST, path: "/admin/two-step", action: .manageUsers),
        Route(method: .GET, path: "/admin/retention", action: .manageRetention),
        Route(method: .POST, path: "/admin/retention", action: .manageRetention),
        Route(method: .POST, path: "/admin/retention/purge", action: .manageRetention),
        Route(method: .GET, path: "/admin/subject-access", action: .exportSubjectData),
        Route(method: .POST, path: "/admin/subject-access", action: .exportSubjectData),
        Route(method: .GET, path: "/admin/reference", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/reference/profession", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/profession", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/profession/other", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/reference/quality-framework", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/reference/quality-framework/draft", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/quality-framework/draft", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/quality-framework/draft/domains", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/quality-framework/draft/domains/1", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/quality-framework/draft/domains/1/standards", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/quality-framework/draft/standards/1.1", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/quality-framework/draft/standards/1.1/retire", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/quality-framework/draft/publish", action: .manageReferenceData),
        Route(method: .POST, path: "/admin/reference/quality-framework/draft/discard", action: .manageReferenceData),
        Route(method: .GET, path: "/admin/audit", action: .viewAuditLog),
        Route(method: .POST, path: "/admin/audit/verify", action: .viewAuditLog),
        Route(method: .GET, path: "/admin/outbox", action: .viewOutbox),
        Route(method: .GET, path: "/account", action: .viewOwnAccount),
        Route(method: .POST, path: "/account/password", action: .viewOwnAccount),
        Route(method: .POST, path: "/account/tokens", action: .viewOwnAccount),
        Route(method: .POST, path: "/account/sessions/end-others", action: .viewOwnAccount),
        Route(method: .POST, path: "/account/sessions/:id/end", action: .viewOwnAccount),
        Route(method: .GET, path: "/account/two-step", action: .viewOwnAccount),
        Route(method: .POST, path: "/account/two-step", action: .viewOwnAccount),
        Route(method: .POST, path: "/account/two-step/disable", action: .viewOwnAccount),
    ]

    /// Routes open to everyone (they check a public action, or none is needed to sign in/out).
    static let publicRoutes: Set<String> = [
        "GET /", "GET /login", "POST /login", "POST /logout", "GET /login/two-step", "POST /login/two-step",
        "GET /api/v1/organisations", "GET /api/v1/organisations/:code/sites", "GET /api/v1/professions",
        "GET /api/v1/specialties", "GET /api/v1/placement-types", "GET /api/v1/training-levels", "GET /api/v1/regions",
        "POST /account/tokens/:id/revoke", "GET /quality-framework", "GET /api/v1/quality-framework",
        "GET /reviews", "GET /reviews/feed.atom", "GET /reviews/providers/:code", "GET /reviews/:id",
        "GET /api/v1/review-types", "GET /api/v1/review-reports", "GET /api/v1/review-reports/:id", "GET /api/v1/signatories",
        // operations: /metrics answers only with its own token (MetricsEndpointTests), never a role
        "GET /health", "GET /ready", "GET /metrics",
        "GET /api", "GET /api/v1/openapi.json", "GET /api/v1/openapi.yaml",
    ]

    @Test("every route is either public or listed with its action here")
    func everyRouteListed() async throws {
        try await withTestApp(.sqlite) { app in
            let listed = Set(Self.adminRoutes.map { "\($0.method) \(Self.pattern($0.path))" })
            for route in app.routes.all {
                let key = "\(route.method) /" + route.path.map(\.description).joined(separator: "/")
                #expect(listed.contains(key) || Self.publicRoutes.contains(key) || Self.laterRoutes(key),
                        "\(key) is neither public nor in the route × role table")
            }
        }
    }

    /// Routes whose own suites walk their authorisation (survey, reports, concerns, GMC survey, reviews).
    static func laterRoutes(_ key: String) -> Bool {
        ["/survey", "/reports", "/api/v1/survey", "/api/v1/reports", "/concerns", "/api/v1/concerns",
         "/speak-up", "/admin/survey", "/triage", "/outbox", "/comments/shared", "/register", "/api/v1/register",
         "/isf", "/api/v1/isf", "/admin/isf-categories",
         "/quality/gmc-survey", "/quality/organisations/:code/gmc-survey", "/api/v1/register/gmc-survey",
         "/quality/self-assessment", "/api/v1/self-assessments", "/api/v1/reviews", "/api/v1/requirements",
         "/quality/evidence", "/quality/reviews", "/quality/requirements",
         "/quality/emerging-concerns", "/api/v1/emerging-concerns", "/quality/early-warning", "/api/v1/early-warning",
         "/quality/impact-assessments", "/api/v1/impact-assessments", "/admin/impact-assessment-form"].contains { key.contains(" \($0)") }
    }

    static func pattern(_ path: String) -> String {
        path.replacingOccurrences(of: "T001-01", with: ":code").replacingOccurrences(of: "T001", with: ":code")
            .replacingOccurrences(of: "/profession/other", with: "/:list/:code")
            .replacingOccurrences(of: "/profession", with: "/:list")
            .replacingOccurrences(of: "/standards/1.1", with: "/standards/:code")
            .replacingOccurrences(of: "/domains/1", with: "/domains/:code")
    }

    @Test("each role gets exactly what the authorisation rule allows", arguments: adminRoutes)
    func walk(route: Route) async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let target = try await User.query(on: app.db).filter(\.$email == TestAccounts.email(.learner)).with(\.$roles).first()!
            let path = route.path.replacingOccurrences(of: ":id", with: target.id!.uuidString)
                .replacingOccurrences(of: ":grant", with: target.roles.first!.id!.uuidString)
            // the public
            let anonymous = TestBrowser(app)
            let publicStatus = try await request(anonymous, route.method, path)
            #expect(publicStatus == 401, "public \(route.method) \(path) → \(publicStatus)")
            // every role
            for role in Role.allCases {
                let browser = try await TestAccounts.browser(app, as: role)
                let status = try await request(browser, route.method, path)
                let actor = try await actor(for: role, app)
                let allowed = Authorization.isAllowed(actor, route.action, route.resource)
                if allowed {
                    #expect(status != 401 && status != 403 && status < 500, "\(role) \(route.method) \(path) → \(status)")
                } else {
                    #expect(status == 403, "\(role) \(route.method) \(path) → \(status), expected 403")
                }
            }
        }
    }

    private func request(_ b: TestBrowser, _ method: HTTPMethod, _ path: String) async throws -> UInt {
        if method == .GET { return try await b.get(path).status.code }
        try await b.get("/login")
        return try await b.post(path, form: [:]).status.code
    }

    private func actor(for role: Role, _ app: Application) async throws -> Actor {
        try await User.query(on: app.db).filter(\.$email == TestAccounts.email(role)).with(\.$roles).first()!.actor
    }
}
