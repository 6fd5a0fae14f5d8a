import EduQualityDomain
import Fluent
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Walks one route for the public (401) and every role: exactly what the authorisation rule says
/// (allowed: no 401, 403 or 5xx; refused: 403). Bodies are empty forms or `{}`.
enum RouteWalk {
    static func expectEveryRole(_ app: Application, _ route: RouteAuthorizationTests.Route) async throws {
        #expect(try await send(TestBrowser(app), route) == 401, "public \(route.method) \(route.path)")
        for role in Role.allCases {
            let browser = try await TestAccounts.browser(app, as: role)
            let status = try await send(browser, route)
            let actor = try await User.query(on: app.db).filter(\.$email == TestAccounts.email(role)).with(\.$roles).first()!.actor
            let allowed = Authorization.isAllowed(actor, route.action, route.resource)
                || route.orElse.map { Authorization.isAllowed(actor, $0.action, $0.resource) } == true
            if allowed {
                #expect(status != 401 && status != 403 && status < 500, "\(role) \(route.method) \(route.path) → \(status)")
            } else {
                #expect(status == 403, "\(role) \(route.method) \(route.path) → \(status), expected 403")
            }
        }
    }

    static func send(_ b: TestBrowser, _ route: RouteAuthorizationTests.Route) async throws -> UInt {
        switch route.method {
        case .GET: return try await b.get(route.path).status.code
        case .PATCH: return try await b.sendJSON(.PATCH, route.path, json: "{}").status.code
        default:
            if route.path.hasPrefix("/api/") { return try await b.postJSON(route.path, json: "{}").status.code }
            try await b.get("/login")
            return try await b.post(route.path, form: [:]).status.code
        }
    }
}
