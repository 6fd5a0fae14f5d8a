import Fluent
import EduQualityDomain
import Foundation
import Testing
@testable import EduQualityApp
import VaporTesting

@Suite("Signing in and out")
struct SessionTests {
    @Test("signing in sets a secure-by-default session cookie and shows the account", arguments: TestDatabase.all)
    func signIn(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let b = TestBrowser(app)
            try await b.get("/login")
            let res = try await b.post("/login", form: ["email": TestAccounts.email(.administrator),
                                                        "password": TestAccounts.password])
            #expect(res.status == .seeOther)
            let cookie = res.headers[.setCookie].first { $0.hasPrefix("eq_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let account = try await b.get("/account")
            #expect(account.status == .ok)
            #expect(account.body.string.contains("Administrator"))
        }
    }

    @Test("the public pages set no session cookie")
    func noSessionForPublic() async throws {
        try await withTestApp(.sqlite) { app in
            for path in ["/", "/login", "/api/v1/regions"] {
                let res = try await app.testing().sendRequest(.GET, path)
                #expect(!res.headers[.setCookie].contains { $0.hasPrefix("eq_session=") }, "\(path)")
            }
        }
    }

    @Test("a wrong password says the same as an unknown email, and is a 401")
    func wrongPassword() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let b = TestBrowser(app)
            try await b.get("/login")
            let wrong = try await b.post("/login", form: ["email": TestAccounts.email(.learner), "password": "nope nope nope"])
            let unknown = try await b.post("/login", form: ["email": "nobody@example.org", "password": "nope nope nope"])
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.body.string.contains("The email address or password is not right"))
            #expect(unknown.body.string.contains("The email address or password is not right"))
        }
    }

    @Test("after three failed attempts the next must wait, even with the right password", arguments: TestDatabase.all)
    func slowed(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            SignInThrottleFixture.install(app)   // a clock that stands still: a slow machine is no wait
            let b = TestBrowser(app)
            try await b.get("/login")
            let email = TestAccounts.email(.administrator)
            for _ in 1...3 {
                #expect(try await b.post("/login", form: ["email": email, "password": "wrong password!"]).status == .unauthorized)
            }
            let right = try await b.post("/login", form: ["email": email, "password": TestAccounts.password])
            #expect(right.status == .tooManyRequests)
            #expect(right.headers.first(name: .retryAfter) == "2")
            #expect(right.body.string.contains("Too many attempts. Try again in 2 seconds."))
        }
    }

    @Test("empty fields are named in the error summary")
    func emptyFields() async throws {
        try await withTestApp(.sqlite) { app in
            let b = TestBrowser(app)
            try await b.get("/login")
            let res = try await b.post("/login", form: ["email": "", "password": ""])
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("Enter your email address"))
            #expect(res.body.string.contains("Enter your password"))
            #expect(res.body.string.contains("nhsuk-error-summary"))
        }
    }

    @Test("sign-in only redirects to local paths")
    func safeNext() {
        #expect(SessionController.safeNext("/admin") == "/admin")
        #expect(SessionController.safeNext("//evil.example") == nil)
        #expect(SessionController.safeNext("https://evil.example") == nil)
        #expect(SessionController.safeNext("/\\evil") == nil)
    }

    @Test("signing out ends the session")
    func signOut() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let b = try await TestAccounts.browser(app, as: .administrator)
            try await b.get("/account")
            try await b.post("/logout", form: [:])
            #expect(try await b.get("/account").status == .unauthorized)
        }
    }

    @Test("changing your own password checks the current one and the policy")
    func changePassword() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let b = try await TestAccounts.browser(app, as: .learner)
            try await b.get("/account")
            let bad = try await b.post("/account/password", form: ["current": "wrong", "new": "short", "confirm": "short"])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Your current password is not right"))
            #expect(bad.body.string.contains("at least 12 characters"))
            let ok = try await b.post("/account/password", form: ["current": TestAccounts.password,
                                                                   "new": "a much longer passphrase", "confirm": "a much longer passphrase"])
            #expect(ok.status == .seeOther)
            let fresh = TestBrowser(app)
            try await fresh.signIn(TestAccounts.email(.learner), password: "a much longer passphrase")
        }
    }
}
