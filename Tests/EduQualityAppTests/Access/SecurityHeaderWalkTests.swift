import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Walks representative pages and API answers, public and signed in, on http and on https, and
/// checks every security header and cookie flag on each.
@Suite("Security headers on every kind of answer")
struct SecurityHeaderWalkTests {
    static let publicPaths = ["/", "/login", "/api", "/api/v1/regions", "/api/v1/openapi.json", "/reviews", "/quality-framework",
                              "/no-such-page", "/api/v1/no-such-thing", "/css/app.css", "/account", "/login/two-step"]
    static let staffPaths = ["/account", "/account/two-step", "/admin", "/admin/users", "/admin/two-step", "/admin/audit",
                             "/api/v1/concerns", "/register"]

    static func check(_ res: TestingHTTPResponse, _ path: String, https: Bool) {
        let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
        #expect(csp.contains("default-src 'self'"), "\(path)")
        #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "\(path)")
        #expect(csp.contains("script-src 'self'") && csp.contains("style-src 'self'"), "\(path)")
        #expect(csp.contains("frame-ancestors 'none'"), "\(path)")
        #expect(res.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
        #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
        #expect(res.headers.first(name: "Referrer-Policy") == "no-referrer", "\(path)")
        let hsts = res.headers.first(name: "Strict-Transport-Security")
        #expect(https ? hsts == SecurityHeadersMiddleware.strictTransportSecurityValue : hsts == nil, "\(path) HSTS")
        // (a cookie being deleted carries nothing to protect)
        for cookie in res.headers[.setCookie] where !cookie.contains("1970") {
            let flags = cookie.lowercased()
            #expect(flags.contains("httponly"), "\(path): \(cookie)")
            #expect(flags.contains("samesite=lax") || flags.contains("samesite=strict"), "\(path): \(cookie)")
            #expect(flags.contains("; secure") == https, "\(path): \(cookie) Secure")
        }
        if res.headers.contentType?.subType == "html" {
            let body = res.body.string
            #expect(!body.contains(" style=\"") && !body.contains("<style"), "\(path): inline style")
            #expect(!body.contains("<script>") && !body.contains(" onclick="), "\(path): inline script")
        }
    }

    @Test("on http: no HSTS, cookies without Secure", arguments: TestDatabase.all)
    func plainHTTP(db: TestDatabase) async throws {
        try await withTestApp(db) { app in try await walk(app, https: false) }
    }

    @Test("behind an https PUBLIC_URL: HSTS on every answer, Secure cookies")
    func https() async throws {
        let app = try await TestApplication.make()
        var config = AppConfig(database: .sqliteMemory, secureCookies: true, seedDirectory: app.directory.workingDirectory + "Seed")
        config.publicURL = "https://eduquality.example.org"
        do {
            try await configure(app, config)
            try await app.prepareDatabase()
            _ = try await ReferenceDataSeeder(directory: config.seedDirectory).seedOrganisations(file: "demo/organisations.json", on: app.db)
            try await AccountSettingRecord(key: TwoStepRequirement.key, value: "").create(on: app.db)
            try await walk(app, https: true)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private func walk(_ app: Application, https: Bool) async throws {
        try await TestAccounts.createAll(on: app)
        for path in Self.publicPaths {
            Self.check(try await TestBrowser(app).get(path), path, https: https)
        }
        // the sign-in answer sets the session cookie: checked too
        let b = TestBrowser(app)
        try await b.get("/login")
        Self.check(try await b.post("/login", form: ["email": TestAccounts.email(.administrator), "password": TestAccounts.password]),
                   "POST /login", https: https)
        Self.check(try await b.post("/login", form: ["email": "x@example.org", "password": "wrong wrong wrong"]), "POST /login failing", https: https)
        let admin = try await TestAccounts.browser(app, as: .administrator)
        for path in Self.staffPaths {
            Self.check(try await admin.get(path), path, https: https)
        }
        // a token's API answer
        try await admin.get("/account")
        let created = try await admin.post("/account/tokens", form: ["name": "Headers"])
        let token = TwoStepFixture.text(in: created.body.string, after: #"<strong id="new-token">"#) ?? ""
        let api = try await app.testing().sendRequest(.GET, "/api/v1/concerns", headers: ["Authorization": "Bearer \(token)"])
        Self.check(api, "token GET /api/v1/concerns", https: https)
        let refused = try await app.testing().sendRequest(.GET, "/api/v1/concerns", headers: ["Authorization": "Bearer eqt_nonsense"])
        #expect(refused.status == .unauthorized)
        Self.check(refused, "bad token", https: https)
    }
}
