import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Sessions and passwords")
struct AccountSessionTests {
    @Test("signing in gives a new session id, and so does each step of a two-step sign-in", arguments: TestDatabase.all)
    func newSessionID(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let b = try await TestAccounts.browser(app, as: .reviewer)
            let first = try #require(TwoStepFixture.sessionCookie(b))
            try await b.signIn(TestAccounts.email(.reviewer), password: TestAccounts.password)
            let second = try #require(TwoStepFixture.sessionCookie(b))
            #expect(first != second)
            #expect(try await SessionRecord.query(on: app.db).filter(\.$key == SessionID(string: first)).count() == 0,
                    "the old session is gone")
            let enrolment = try await TwoStepFixture.enrol(b, clock: clock)
            clock.advance(30)
            _ = try await TwoStepFixture.password(b, TestAccounts.email(.reviewer))
            let half = try #require(TwoStepFixture.sessionCookie(b))
            _ = try await TwoStepFixture.secondStep(b, code: enrolment.code(at: clock))
            let full = try #require(TwoStepFixture.sessionCookie(b))
            #expect(Set([second, half, full]).count == 3)
        }
    }

    @Test("a session ends after the idle time-out without use, however often it was used before", arguments: TestDatabase.all)
    func idleTimeout(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let b = try await TestAccounts.browser(app, as: .reviewer)
            for _ in 1...4 {
                clock.advance(29 * 60)
                #expect(try await b.get("/account").status == .ok)
            }
            clock.advance(30 * 60 + 1)
            #expect(try await b.get("/account").status == .unauthorized)
            #expect(try await b.get("/account").status == .unauthorized, "and stays ended")
        }
    }

    @Test("a session ends at the absolute time-out even when in use")
    func absoluteTimeout() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let b = try await TestAccounts.browser(app, as: .reviewer)
            for _ in 1..<(12 * 3) {
                clock.advance(20 * 60)
                #expect(try await b.get("/account").status == .ok)
            }
            clock.advance(21 * 60)
            #expect(try await b.get("/account").status == .unauthorized)
        }
    }

    @Test("the time-outs come from the environment, in minutes and hours, and nonsense is refused")
    func timeoutsFromEnvironment() throws {
        let t = try AppConfig.sessionTimeoutsFromEnvironment(["SESSION_IDLE_MINUTES": "15", "SESSION_ABSOLUTE_HOURS": "8"])
        #expect(t.idleSeconds == 15 * 60 && t.absoluteSeconds == 8 * 3600)
        #expect(try AppConfig.sessionTimeoutsFromEnvironment([:]) == .standard)
        #expect(throws: ConfigError.self) { try AppConfig.sessionTimeoutsFromEnvironment(["SESSION_IDLE_MINUTES": "soon"]) }
        #expect(throws: ConfigError.self) { try AppConfig.sessionTimeoutsFromEnvironment(["SESSION_IDLE_MINUTES": "0"]) }
    }

    @Test("the account page lists the sessions, and signs out one or every other", arguments: TestDatabase.all)
    func signOutEverywhereElse(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let here = TestBrowser(app), phone = TestBrowser(app), laptop = TestBrowser(app)
            try await here.get("/login", headers: ["User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36"])
            let firefox = "Mozilla/5.0 (Windows NT 10.0; rv:121.0) Gecko/20100101 Firefox/121.0"
            for b in [here, phone, laptop] {
                let ua: HTTPHeaders = b === phone ? ["User-Agent": "Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile Safari/537.36"]
                    : b === laptop ? ["User-Agent": firefox] : ["User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36"]
                try await b.get("/login", headers: ua)
                var headers = ua
                headers.contentType = .urlEncodedForm
                let body = "email=\(TestBrowser.encode(TestAccounts.email(.reviewer)))&password=\(TestBrowser.encode(TestAccounts.password))&_csrf=\(TestBrowser.encode(b.csrfToken ?? ""))"
                #expect(try await b.send(.POST, "/login", headers: headers, body: ByteBuffer(string: body)).status == .seeOther)
            }
            let page = try await here.get("/account")
            #expect(page.body.string.contains("Chrome on Linux (this one)"))
            #expect(page.body.string.contains("Chrome on Android") && page.body.string.contains("Firefox on Windows"))
            #expect(!page.body.string.contains("127.0.0.1"))
            #expect(try await AccountSessionRecord.query(on: app.db).all().allSatisfy { $0.userAgent != firefox }, "only a summary kept")
            // one
            let laptopRow = try await AccountSessionRecord.query(on: app.db).filter(\.$userAgent == "Firefox on Windows").first()!
            #expect(try await here.post("/account/sessions/\(laptopRow.id!.uuidString)/end", form: [:]).status == .seeOther)
            #expect(try await laptop.get("/account").status == .unauthorized)
            #expect(try await phone.get("/account").status == .ok)
            // every other
            try await here.get("/account")
            #expect(try await here.post("/account/sessions/end-others", form: [:]).status == .seeOther)
            #expect(try await phone.get("/account").status == .unauthorized)
            #expect(try await here.get("/account").status == .ok)
            // someone else's session cannot be ended
            let other = try await TestAccounts.browser(app, as: .learner)
            try await other.get("/account")
            let mine = try await AccountSessionRecord.query(on: app.db).filter(\.$userAgent == "Chrome on Linux").first()!
            #expect(try await other.post("/account/sessions/\(mine.id!.uuidString)/end", form: [:]).status == .notFound)
            #expect(try await here.get("/account").status == .ok)
        }
    }

    @Test("signing out ends the session's row too")
    func signOutRow() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let b = try await TestAccounts.browser(app, as: .reviewer)
            #expect(try await AccountSessionRecord.query(on: app.db).count() == 1)
            try await b.get("/account")
            try await b.post("/logout", form: [:])
            #expect(try await AccountSessionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("changing your own password: long enough, not common, not the email; other sessions end")
    func ownPasswordRules() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let b = try await TestAccounts.browser(app, as: .reviewer)
            let elsewhere = try await TestAccounts.browser(app, as: .reviewer)
            try await b.get("/account")
            for bad in ["short", Self.commonPassword(app), TestAccounts.email(.reviewer)] {
                let res = try await b.post("/account/password", form: ["current": TestAccounts.password, "new": bad, "confirm": bad])
                #expect(res.status == .badRequest, "\(bad)")
                #expect(res.body.string.contains("nhsuk-error-summary"))
            }
            let good = "plum kettle orbit 47"
            #expect(try await b.post("/account/password", form: ["current": TestAccounts.password, "new": good, "confirm": good]).status == .seeOther)
            #expect(try await elsewhere.get("/account").status == .unauthorized)
            #expect(try await b.get("/account").status == .ok)
        }
    }

    @Test("an administrator's reset gives a temporary password: shown once, to be changed at sign-in, expiring", arguments: TestDatabase.all)
    func temporaryPassword(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let email = TestAccounts.email(.reviewer)
            let user = try await User.query(on: app.db).filter(\.$email == email).first()!
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/users/\(user.id!.uuidString)")
            let reset = try await admin.post("/admin/users/\(user.id!.uuidString)/reset-password", form: [:])
            let temporary = try #require(TwoStepFixture.text(in: reset.body.string, after: #"<p class="eq-code"><strong>"#))
            #expect((try? app.passwordPolicy.check(temporary, email: email)) != nil)
            #expect(!(try await admin.get("/admin/users/\(user.id!.uuidString)")).body.string.contains(temporary), "shown once")
            // signed in, only the password change is open
            let b = TestBrowser(app)
            let signIn = try await TwoStepFixture.password(b, email, temporary)
            #expect(signIn.headers.first(name: .location) == "/account")
            #expect(try await b.get("/account").body.string.contains("must-change-password"))
            #expect(try await b.get("/quality/reviews").status == .seeOther)
            #expect(try await b.get("/account/two-step").headers.first(name: .location) == "/account")
            let new = "a password of my own 2"
            #expect(try await b.post("/account/password", form: ["current": temporary, "new": new, "confirm": new]).status == .seeOther)
            #expect(try await b.get("/account/two-step").status == .ok)
            // a second reset, not used in time
            try await admin.get("/admin/users/\(user.id!.uuidString)")
            let again = try await admin.post("/admin/users/\(user.id!.uuidString)/reset-password", form: [:])
            let late = try #require(TwoStepFixture.text(in: again.body.string, after: #"<p class="eq-code"><strong>"#))
            clock.advance(Int(TemporaryPassword.lifetime) + 1)
            let expired = try await TwoStepFixture.password(TestBrowser(app), email, late)
            #expect(expired.status == .unauthorized)
            #expect(expired.body.string.contains("temporary password has expired"))
            #expect(try await TwoStepFixture.audit(app).contains { $0.action == "user.reset-password" && $0.entityID == email })
        }
    }

    @Test("a new account's temporary password follows the same rules")
    func newAccountTemporary() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/users/new")
            let made = try await admin.post("/admin/users/new", form: ["email": "new.person@example.org", "name": "New Person", "role": "reviewer"])
            #expect(made.status == .created)
            let user = try await User.query(on: app.db).filter(\.$email == "new.person@example.org").first()!
            #expect(user.passwordExpiresAt != nil)
        }
    }

    @Test("the provisioning path sets a temporary password that passes the rules")
    func provisioning() async throws {
        try await withTestApp(.sqlite) { app in
            let password = TemporaryPassword.generate(checkedBy: app.passwordPolicy, email: "first@example.org")
            #expect(password.count >= PasswordPolicy.minimumLength)
            let grant = try await Grant.resolve(.administrator, scopeCode: nil, on: app.db)
            try await AccountProvisioning.upsert(email: "first@example.org", name: "First", passwordHash: try Bcrypt.hash(password, cost: 4),
                                                 grant: grant, passwordExpiresAt: TemporaryPassword.expiry(from: Date()), on: app.db)
            let b = TestBrowser(app)
            #expect(try await TwoStepFixture.password(b, "first@example.org", password).headers.first(name: .location) == "/account")
            #expect(try await b.get("/admin").headers.first(name: .location) == "/account")
        }
    }

    /// A line of the deny-list that is long enough, so only the list refuses it.
    static func commonPassword(_ app: Application) -> String {
        let text = (try? String(contentsOfFile: app.config.seedDirectory + "/reference/common-passwords.txt", encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isNewline).map(String.init)
            .first { $0.count >= PasswordPolicy.minimumLength && !$0.hasPrefix("#") } ?? "password1234"
    }
}
