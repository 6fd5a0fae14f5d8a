import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Two-step sign-in")
struct TwoStepSignInTests {
    @Test("enrolment shows a QR code and the key, turns on only with a right code, and shows ten recovery codes once",
          arguments: TestDatabase.all)
    func enrolment(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let b = try await TestAccounts.browser(app, as: .reviewer)
            let page = try await b.get("/account/two-step")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<svg"))
            let shown = TwoStepFixture.text(in: page.body.string, after: #"id="two-step-secret">"#) ?? ""
            #expect(shown.split(separator: " ").allSatisfy { $0.count <= 4 } && shown.count > 20, "the key in groups of four")
            let secret = Base32.decode(shown.replacingOccurrences(of: " ", with: ""))!
            // a wrong code leaves it off
            let wrong = try await b.post("/account/two-step", form: ["code": "000000" == TOTP(secret: secret).code(at: Int64(clock.now.timeIntervalSince1970)) ? "111111" : "000000"])
            #expect(wrong.status == .badRequest)
            let email = TestAccounts.email(.reviewer)
            #expect(try await User.query(on: app.db).filter(\.$email == email).first()!.twoStepEnabledAt == nil)
            // the same key is offered again until confirmed
            let again = try await b.get("/account/two-step")
            #expect(TwoStepFixture.text(in: again.body.string, after: #"id="two-step-secret">"#) == shown)
            // MUT
            let done = try await b.post("/account/two-step", form: ["code": TOTP(secret: secret).code(at: Int64(clock.now.timeIntervalSince1970))])
            // validate
            #expect(done.status == .ok)
            let codes = TwoStepFixture.recoveryCodes(in: done.body.string)
            #expect(codes.count == 10 && Set(codes).count == 10)
            let user = try await User.query(on: app.db).filter(\.$email == email).first()!
            #expect(user.twoStepEnabledAt != nil)
            let stored = try await RecoveryCodeRecord.query(on: app.db).filter(\.$userID == user.id!).all()
            #expect(stored.count == 10)
            #expect(stored.allSatisfy { row in !codes.contains { row.codeHash.contains($0) } }, "kept hashed")
            let status = try await b.get("/account/two-step")
            #expect(status.body.string.contains("10 of 10"))
            #expect(!status.body.string.contains(codes[0]), "shown once")
        }
    }

    @Test("signing in takes the password, then a code; the password alone signs nobody in", arguments: TestDatabase.all)
    func signInWithCode(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let email = TestAccounts.email(.reviewer)
            let enrolment = try await TwoStepFixture.enrol(try await TestAccounts.browser(app, as: .reviewer), clock: clock)
            clock.advance(30)
            let b = TestBrowser(app)
            let first = try await TwoStepFixture.password(b, email)
            #expect(first.status == .seeOther)
            #expect(first.headers.first(name: .location) == "/login/two-step")
            #expect(try await b.get("/account").status == .unauthorized, "half signed in is not signed in")
            #expect(try await TwoStepFixture.secondStep(b, code: "123").status == .unauthorized)
            let done = try await TwoStepFixture.secondStep(b, code: enrolment.code(at: clock))
            #expect(done.status == .seeOther)
            #expect(try await b.get("/account").status == .ok)
        }
    }

    @Test("a code is accepted once: the same code again is refused, the next one is not", arguments: TestDatabase.all)
    func reusedCode(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let email = TestAccounts.email(.reviewer)
            let enrolment = try await TwoStepFixture.enrol(try await TestAccounts.browser(app, as: .reviewer), clock: clock)
            // the code used to confirm the enrolment cannot sign in
            let b = TestBrowser(app)
            _ = try await TwoStepFixture.password(b, email)
            #expect(try await TwoStepFixture.secondStep(b, code: enrolment.code(at: clock)).status == .unauthorized)
            clock.advance(30)
            let fresh = enrolment.code(at: clock)
            #expect(try await TwoStepFixture.secondStep(b, code: fresh).status == .seeOther)
            // a second sign-in with the same code, in the same time step
            let other = TestBrowser(app)
            _ = try await TwoStepFixture.password(other, email)
            #expect(try await TwoStepFixture.secondStep(other, code: fresh).status == .unauthorized)
            #expect(try await other.get("/account").status == .unauthorized)
        }
    }

    @Test("a recovery code signs in once; used again it is refused", arguments: TestDatabase.all)
    func recoveryCode(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let email = TestAccounts.email(.reviewer)
            let enrolment = try await TwoStepFixture.enrol(try await TestAccounts.browser(app, as: .reviewer), clock: clock)
            let code = enrolment.recoveryCodes[3]
            let b = TestBrowser(app)
            _ = try await TwoStepFixture.password(b, email)
            #expect(try await TwoStepFixture.secondStep(b, code: code).status == .seeOther)
            #expect(try await b.get("/account").status == .ok)
            let again = TestBrowser(app)
            _ = try await TwoStepFixture.password(again, email)
            #expect(try await TwoStepFixture.secondStep(again, code: code).status == .unauthorized)
            #expect(try await again.get("/account").status == .unauthorized)
            let left = try await b.get("/account/two-step")
            #expect(left.body.string.contains("9 of 10"))
        }
    }

    @Test("the half-signed-in state lasts five minutes")
    func pendingExpires() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let email = TestAccounts.email(.reviewer)
            let enrolment = try await TwoStepFixture.enrol(try await TestAccounts.browser(app, as: .reviewer), clock: clock)
            let b = TestBrowser(app)
            _ = try await TwoStepFixture.password(b, email)
            clock.advance(5 * 60 + 1)
            try await b.get("/login")
            let late = try await b.post("/login/two-step", form: ["code": enrolment.code(at: clock)])
            #expect(late.status == .seeOther)
            #expect(late.headers.first(name: .location) == "/login?expired=1")
            #expect(try await b.get("/account").status == .unauthorized)
        }
    }

    @Test("wrong codes are throttled like passwords, across two instances on one database", arguments: TestDatabase.all)
    func secondStepThrottled(db: TestDatabase) async throws {
        try await withTwoApps(db) { one, two in
            try await TestAccounts.createAll(on: one)
            let clock = TestClock()
            for app in [one, two] {
                app.throttleEnvironment = ThrottleEnvironment(now: { clock.now }, clientAddress: { _ in "10.9.9.9" })
            }
            let email = TestAccounts.email(.reviewer)
            let enrolment = try await TwoStepFixture.enrol(try await TestAccounts.browser(one, as: .reviewer), clock: clock)
            clock.advance(30)
            let b = TestBrowser(one)
            _ = try await TwoStepFixture.password(b, email)
            for _ in 1...3 { #expect(try await TwoStepFixture.secondStep(b, code: "99999999").status == .unauthorized) }
            // the other instance, same database: the same wait
            let c = TestBrowser(two)
            _ = try await TwoStepFixture.password(c, email)
            let refused = try await TwoStepFixture.secondStep(c, code: enrolment.code(at: clock))
            #expect(refused.status == .tooManyRequests)
            clock.advance(2)
            #expect(try await TwoStepFixture.secondStep(c, code: enrolment.code(at: clock)).status == .seeOther)
        }
    }

    @Test("password failures on one instance slow the next attempt on another", arguments: TestDatabase.all)
    func passwordThrottleAcrossInstances(db: TestDatabase) async throws {
        try await withTwoApps(db) { one, two in
            try await TestAccounts.createAll(on: one)
            let clock = TestClock()
            for app in [one, two] {
                app.throttleEnvironment = ThrottleEnvironment(now: { clock.now }, clientAddress: { _ in "10.8.8.8" })
            }
            let email = TestAccounts.email(.administrator)
            let b = TestBrowser(one)
            for _ in 1...3 { #expect(try await TwoStepFixture.password(b, email, "wrong password!").status == .unauthorized) }
            let other = TestBrowser(two)
            let refused = try await TwoStepFixture.password(other, email)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers.first(name: .retryAfter) == "2")
        }
    }

    @Test("roles chosen by an administrator must enrol right after signing in, and can do nothing else first")
    func mandatoryRoles() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/two-step")
            let saved = try await admin.post("/admin/two-step", fields: [("roles", Role.regionalQualityTeam.rawValue)])
            #expect(saved.status == .seeOther)
            #expect(try await TwoStepRequirement.roles(on: app.db) == [.regionalQualityTeam])
            // MUT
            let b = TestBrowser(app)
            let signIn = try await TwoStepFixture.password(b, TestAccounts.email(.regionalQualityTeam))
            // validate
            #expect(signIn.headers.first(name: .location) == "/account/two-step")
            let elsewhere = try await b.get("/admin")
            #expect(elsewhere.status == .seeOther && elsewhere.headers.first(name: .location) == "/account/two-step")
            #expect(try await b.get("/account").headers.first(name: .location) == "/account/two-step")
            #expect(try await b.get("/api/v1/register").status == .forbidden)
            _ = try await TwoStepFixture.enrol(b, clock: clock)
            #expect(try await b.get("/account").status == .ok)
            // a role not chosen signs in with its password alone
            let learner = TestBrowser(app)
            let plain = try await TwoStepFixture.password(learner, TestAccounts.email(.learner))
            #expect(plain.headers.first(name: .location) == "/account")
        }
    }

    @Test("until an administrator saves the setting, the four most-seeing roles must use two-step sign-in")
    func defaultRoles() async throws {
        try await withTestApp(.sqlite) { app in
            try await AccountSettingRecord.query(on: app.db).delete()
            #expect(try await TwoStepRequirement.roles(on: app.db)
                    == [.nationalQualityLead, .administrator, .regionalQualityTeam, .regulatorLiaison])
        }
    }

    @Test("turning it off asks for the password or a code; an administrator can reset it for someone")
    func disableAndReset() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let b = try await TestAccounts.browser(app, as: .reviewer)
            let enrolment = try await TwoStepFixture.enrol(b, clock: clock)
            try await b.get("/account/two-step")
            #expect(try await b.post("/account/two-step/disable", form: [:]).status == .badRequest)
            #expect(try await b.post("/account/two-step/disable", form: ["password": "not my password"]).status == .badRequest)
            clock.advance(30)
            #expect(try await b.post("/account/two-step/disable", form: ["code": enrolment.code(at: clock)]).status == .seeOther)
            let email = TestAccounts.email(.reviewer)
            var user = try await User.query(on: app.db).filter(\.$email == email).first()!
            #expect(user.twoStepEnabledAt == nil && user.twoStepSecret == nil)
            #expect(try await RecoveryCodeRecord.query(on: app.db).filter(\.$userID == user.id!).count() == 0)
            // enrol again, then the administrator resets it
            _ = try await TwoStepFixture.enrol(b, clock: clock)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/users/\(user.id!.uuidString)")
            #expect(try await admin.post("/admin/users/\(user.id!.uuidString)/reset-two-step", form: [:]).status == .seeOther)
            user = try await User.query(on: app.db).filter(\.$email == email).first()!
            #expect(user.twoStepEnabledAt == nil)
            #expect(try await b.get("/account").status == .unauthorized, "their sessions ended")
            #expect(try await TwoStepFixture.password(TestBrowser(app), email).headers.first(name: .location) == "/account")
            let actions = try await TwoStepFixture.audit(app).map(\.action)
            #expect(actions.contains("user.two-step-disable") && actions.contains("user.reset-two-step"))
        }
    }

    @Test("sign-ins, failures, enrolment, codes and token use are audited, and no secret is ever in the log")
    func auditWithoutSecrets() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let email = TestAccounts.email(.reviewer)
            let b = try await TestAccounts.browser(app, as: .reviewer)
            let enrolment = try await TwoStepFixture.enrol(b, clock: clock)
            let failing = TestBrowser(app)
            _ = try await TwoStepFixture.password(failing, email, "a wrong password typed")
            _ = try await TwoStepFixture.password(failing, "nobody-at-all@example.org", "another wrong one")
            clock.advance(30)
            let typedCode = enrolment.code(at: clock)
            _ = try await TwoStepFixture.password(failing, email)
            _ = try await TwoStepFixture.secondStep(failing, code: "000000" == typedCode ? "111111" : "000000")
            #expect(try await TwoStepFixture.secondStep(failing, code: typedCode).status == .seeOther)
            let viaRecovery = TestBrowser(app)
            _ = try await TwoStepFixture.password(viaRecovery, email)
            #expect(try await TwoStepFixture.secondStep(viaRecovery, code: enrolment.recoveryCodes[0]).status == .seeOther)
            // a token used twice today is audited once
            try await b.get("/account")
            let created = try await b.post("/account/tokens", form: ["name": "Audit check"])
            let token = TwoStepFixture.text(in: created.body.string, after: #"<strong id="new-token">"#) ?? ""
            for _ in 1...2 {
                let res = try await app.testing().sendRequest(.GET, "/api/v1/concerns", headers: ["Authorization": "Bearer \(token)"])
                #expect(res.status != .unauthorized)
            }
            try await AuditLog.appendPendingBatch(on: app.db)
            let entries = try await TwoStepFixture.audit(app)
            let actions = entries.map(\.action)
            #expect(actions.filter { $0 == "user.sign-in" }.count >= 3)
            #expect(actions.filter { $0 == "user.sign-in-failed" }.count == 2)
            #expect(entries.contains { $0.action == "user.sign-in-failed" && $0.entityID == "unknown account" })
            #expect(!entries.contains { $0.entityID.contains("nobody-at-all") })
            #expect(actions.contains("user.two-step-enrol") && actions.contains("user.two-step-failed")
                    && actions.contains("user.use-recovery-code"))
            #expect(actions.filter { $0 == "user.use-api-token" }.count == 1)
            let text = try await TwoStepFixture.auditText(app)
            for secret in [TestAccounts.password, "a wrong password typed", "another wrong one", typedCode, token,
                           enrolment.secretText.replacingOccurrences(of: " ", with: "")] + enrolment.recoveryCodes {
                #expect(!text.contains(secret), "the audit log holds a secret")
            }
        }
    }
}

/// Two application instances on one database (an SQLite file, or one PostgreSQL schema), sharing
/// the form secret as instances of one service do.
func withTwoApps(_ database: TestDatabase, _ body: (Application, Application) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eq-two-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let secret = AppConfig.randomSecret()
    let choice: AppConfig.DatabaseChoice
    var schema: String?
    switch database {
    case .sqlite: choice = .sqliteFile(folder + "/eq.sqlite")
    case .postgres:
        choice = .postgres(url: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]!)
        schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
    var apps: [Application] = []
    do {
        for index in 0..<2 {
            let app = try await TestApplication.make()
            apps.append(app)
            let config = AppConfig(database: choice, formSecret: secret, seedDirectory: app.directory.workingDirectory + "Seed")
            try await configure(app, config, databaseSearchPath: schema.map { [$0] })
            if index == 0 {
                if let schema { try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run() }
                try await app.prepareDatabase()
                _ = try await ReferenceDataSeeder(directory: config.seedDirectory)
                    .seedOrganisations(file: "demo/organisations.json", on: app.db)
                try await AccountSettingRecord(key: TwoStepRequirement.key, value: "").create(on: app.db)
            }
        }
        try await body(apps[0], apps[1])
    } catch {
        await shutDown(apps, schema: schema)
        throw error
    }
    await shutDown(apps, schema: schema)
}

private func shutDown(_ apps: [Application], schema: String?) async {
    if let schema, let first = apps.first {
        try? await (first.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }
    for app in apps { try? await app.asyncShutdown() }
}
