import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date

    init(_ date: Date = Date()) { self.date = date }

    var now: Date { lock.withLock { date } }
    func advance(_ seconds: Int) { lock.withLock { date = date.addingTimeInterval(TimeInterval(seconds)) } }
}

/// Sign-in throttling with a moved clock and clients told apart by a test header.
enum SignInThrottleFixture {
    static let clientHeader = "X-Test-Client"

    @discardableResult
    static func install(_ app: Application) -> TestClock {
        let clock = TestClock()
        app.throttleEnvironment = ThrottleEnvironment(now: { clock.now },
                                                      clientAddress: { $0.headers.first(name: clientHeader) ?? "unknown" })
        return clock
    }

    static func signIn(_ b: TestBrowser, _ email: String, _ password: String, client: String) async throws -> TestingHTTPResponse {
        if b.csrfToken == nil { try await b.get("/login") }
        let fields = ["email": email, "password": password, "_csrf": b.csrfToken ?? ""]
        let body = fields.sorted { $0.key < $1.key }.map { "\(TestBrowser.encode($0.key))=\(TestBrowser.encode($0.value))" }
            .joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        headers.add(name: clientHeader, value: client)
        return try await b.send(.POST, "/login", headers: headers, body: ByteBuffer(string: body))
    }

    /// Status, headers (the date left out, cookies by name) and body, with the form token and
    /// the given email blanked: what an observer could compare.
    static func observable(_ res: TestingHTTPResponse, email: String) -> String {
        let body = res.body.string.replacingOccurrences(of: email, with: "EMAIL")
            .replacing(try! Regex(#"name="_csrf" value="[^"]*""#), with: #"name="_csrf" value="TOKEN""#)
        let headers = res.headers.filter { $0.name.lowercased() != "date" }
            .map { $0.name.lowercased() == "set-cookie" ? "set-cookie: \($0.value.prefix { $0 != "=" })" : "\($0.name.lowercased()): \($0.value)" }
            .sorted()
        return "\(res.status.code)\n\(headers.joined(separator: "\n"))\n\(body)"
    }
}

@Suite("Sign-in throttling: slowed, never locked")
struct SignInThrottleTests {
    @Test("each failure after the third makes the next attempt wait twice as long; the right password after the wait gets in",
          arguments: TestDatabase.all)
    func growingDelays(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let b = TestBrowser(app)
            let email = TestAccounts.email(.administrator)
            func attempt(_ password: String) async throws -> TestingHTTPResponse {
                try await SignInThrottleFixture.signIn(b, email, password, client: "10.0.0.1")
            }
            for _ in 1...3 { #expect(try await attempt("wrong password!").status == .unauthorized) }
            var expected = 2
            for _ in 1...9 {
                let refused = try await attempt(TestAccounts.password)
                #expect(refused.status == .tooManyRequests, "even the right password waits")
                #expect(refused.headers.first(name: .retryAfter) == String(expected))
                #expect(refused.body.string.contains(expected < 60 ? "Try again in \(expected) seconds" : "Try again in \((expected + 59) / 60) minutes"))
                clock.advance(expected - 1)
                #expect(try await attempt("wrong password!").status == .tooManyRequests, "one second early")
                clock.advance(1)
                #expect(try await attempt("wrong password!").status == .unauthorized, "after the wait, a try")
                expected = min(900, expected * 2)
            }
            #expect(expected == 900, "capped at fifteen minutes")
            #expect(try await attempt("wrong password!").headers.first(name: .retryAfter) == "900")
            clock.advance(900)
            #expect(try await attempt(TestAccounts.password).status == .seeOther)
            // a success starts this client afresh
            #expect(try await attempt("wrong password!").status == .unauthorized)
        }
    }

    @Test("an attacker's failures from other clients never stop the owner signing in from theirs", arguments: TestDatabase.all)
    func ownerNotLockedOut(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let email = TestAccounts.email(.administrator)
            let attacker = TestBrowser(app)
            // past both allowances: many clients, several failures each, waiting whenever told to
            var failures = 0
            for client in 0..<20 {
                for _ in 0..<3 {
                    var res = try await SignInThrottleFixture.signIn(attacker, email, "guess \(failures)", client: "198.51.100.\(client)")
                    if res.status == .tooManyRequests {
                        clock.advance(Int(res.headers.first(name: .retryAfter) ?? "0") ?? 0)
                        res = try await SignInThrottleFixture.signIn(attacker, email, "guess \(failures)", client: "198.51.100.\(client)")
                    }
                    #expect(res.status == .unauthorized)
                    failures += 1
                }
            }
            #expect(failures > LoginThrottle.acrossClients.freeFailures)
            let slowed = try await SignInThrottleFixture.signIn(attacker, email, "one more", client: "198.51.100.19")
            #expect(slowed.status == .tooManyRequests, "the attacker is slowed")
            // MUT: the owner, at once, from their own client
            let owner = TestBrowser(app)
            let res = try await SignInThrottleFixture.signIn(owner, email, TestAccounts.password, client: "192.0.2.50")
            // validate
            #expect(res.status == .seeOther)
            #expect(try await owner.get("/account").status == .ok)
        }
    }

    @Test("an unknown email and an account's are answered identically through the whole schedule", arguments: TestDatabase.all)
    func unknownLikeKnown(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let clock = SignInThrottleFixture.install(app)
            let known = TestAccounts.email(.administrator)
            let unknown = "b" + known.dropFirst()   // same length, no account
            #expect(try await User.query(on: app.db).filter(\.$email == unknown).count() == 0)
            let b = TestBrowser(app)
            var waits: [Int] = []
            for step in 0..<30 {
                let k = try await SignInThrottleFixture.signIn(b, known, "wrong password \(step)", client: "10.1.1.1")
                let u = try await SignInThrottleFixture.signIn(b, unknown, "wrong password \(step)", client: "10.1.1.1")
                #expect(k.status == .unauthorized || k.status == .tooManyRequests)
                #expect(SignInThrottleFixture.observable(k, email: known) == SignInThrottleFixture.observable(u, email: unknown),
                        "step \(step)")
                if k.status == .tooManyRequests, let wait = k.headers.first(name: .retryAfter).flatMap({ Int($0) }) {
                    waits.append(wait)
                    clock.advance(wait)
                }
            }
            #expect(waits.prefix(10) == [2, 4, 8, 16, 32, 64, 128, 256, 512, 900])
            #expect(waits.last == 900)
        }
    }

    @Test("the throttle outlives a restart: a new app on the same database still makes the client wait")
    func survivesRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eq-throttle-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let secret = AppConfig.randomSecret()
        let email = TestAccounts.email(.administrator)
        let clock = TestClock()
        func withApp(_ body: (Application) async throws -> Void) async throws {
            let app = try await TestApplication.make()
            let config = AppConfig(database: .sqliteFile(folder + "/eq.sqlite"), formSecret: secret,
                                   seedDirectory: app.directory.workingDirectory + "Seed")
            do {
                try await configure(app, config)
                try await app.prepareDatabase()
                app.throttleEnvironment = ThrottleEnvironment(
                    now: { clock.now }, clientAddress: { $0.headers.first(name: SignInThrottleFixture.clientHeader) ?? "unknown" })
                try await body(app)
                try await app.asyncShutdown()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        }
        try await withApp { app in
            _ = try await ReferenceDataSeeder(directory: app.config.seedDirectory)
                .seedOrganisations(file: "demo/organisations.json", on: app.db)
            try await TestAccounts.createAll(on: app)
            let b = TestBrowser(app)
            for _ in 1...3 {
                #expect(try await SignInThrottleFixture.signIn(b, email, "wrong password!", client: "10.2.2.2").status == .unauthorized)
            }
            #expect(try await SignInThrottleFixture.signIn(b, email, "wrong password!", client: "10.2.2.2").status == .tooManyRequests)
        }
        try await withApp { app in
            let b = TestBrowser(app)
            let res = try await SignInThrottleFixture.signIn(b, email, TestAccounts.password, client: "10.2.2.2")
            #expect(res.status == .tooManyRequests)
            #expect(try await LoginThrottleRecord.query(on: app.db).count() == 2)
            let rows = try await LoginThrottleRecord.query(on: app.db).all()
            for row in rows {
                #expect(!row.id!.contains("10.2.2.2") && !row.id!.contains(email) && !row.emailHash.contains(email))
            }
        }
    }
}
