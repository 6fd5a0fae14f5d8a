import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import VaporTesting

@Suite("Security headers, CSRF and bad input")
struct SecurityTests {
    @Test("every response carries the security headers",
          arguments: ["/", "/login", "/api/v1/regions", "/no-such-page", "/css/app.css", "/admin"])
    func headers(path: String) async throws {
        try await withTestApp(.sqlite) { app in
            let res = try await app.testing().sendRequest(.GET, path)
            let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
            #expect(csp.contains("default-src 'self'"))
            #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(res.headers.first(name: "Referrer-Policy") == "no-referrer")
        }
    }

    @Test("a form posted without its token is refused and changes nothing")
    func csrf() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let res = try await admin.post("/admin/organisations/new",
                                           form: ["code": "X1", "name": "Forged", "type": "nhs-trust", "region": "LDN"], csrf: false)
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("This form has expired"))
            #expect(try await Organisation.query(on: app.db).filter(\.$code == "X1").count() == 0)
        }
    }

    @Test("a form token from another visitor's cookie is refused")
    func csrfMismatch() async throws {
        try await withTestApp(.sqlite) { app in
            let a = TestBrowser(app)
            try await a.get("/login")
            let stolen = a.csrfToken!
            let b = TestBrowser(app)
            try await b.get("/login")
            let res = try await b.post("/login", form: ["email": "x@example.org", "password": "y", "_csrf": stolen], csrf: false)
            #expect(res.status == .badRequest)
        }
    }

    @Test("bad input never produces a 500", arguments: [
        "/admin/organisations?page=-1", "/admin/organisations?page=abc", "/api/v1/organisations/%00/sites",
        "/api/v1/organisations?q=%25%27%22", "/admin/users/not-a-uuid", "/admin/reference/nonsense",
        "/login?next=//evil.example", "/admin/audit?page=99999999999999999999",
    ])
    func noServerErrors(path: String) async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let res = try await admin.get(path)
            #expect(res.status.code < 500, "\(path) answered \(res.status)")
        }
    }

    @Test("malformed bodies are 4xx", arguments: ["{", "[]", "null", "\u{0}"])
    func malformedBodies(body: String) async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.add(name: "X-CSRF-Token", value: admin.csrfToken ?? "")
            let res = try await admin.send(.POST, "/admin/organisations/new", headers: headers, body: .init(string: body))
            #expect(res.status.code >= 400 && res.status.code < 500)
        }
    }

    @Test("user text is escaped on every page it appears", arguments: TestDatabase.all)
    func escaping(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/organisations/new")
            let res = try await admin.post("/admin/organisations/new", form: [
                "code": "XSS1", "name": "<script>alert(1)</script> & Co", "type": "nhs-trust", "region": "LDN"])
            #expect(res.status == .seeOther)
            let list = try await admin.get("/admin/organisations?q=XSS1")
            #expect(list.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
            #expect(!list.body.string.contains("<script>alert(1)"))
        }
    }
}
