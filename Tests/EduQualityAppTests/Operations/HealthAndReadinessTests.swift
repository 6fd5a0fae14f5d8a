import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Health and readiness")
struct HealthAndReadinessTests {
    struct Ready: Decodable {
        struct Check: Decodable { let name: String; let ok: Bool; let detail: String }
        let status: FlexibleStatus
        let checks: [String: Check]
        let detail: String?
    }

    /// `status` is "ready" on 200 and the number 503 in problem JSON.
    enum FlexibleStatus: Decodable, Equatable {
        case text(String), code(Int)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .code(n) } else { self = .text(try c.decode(String.self)) }
        }
    }

    @Test("/health answers 200 with status ok, and keeps no session")
    func health() async throws {
        try await withTestApp(.sqlite) { app in
            // MUT
            let res = try await app.testing().sendRequest(.GET, "/health")
            // validate
            #expect(res.status == .ok)
            #expect(res.body.string == #"{"status":"ok"}"#)
            #expect(res.headers.first(name: .cacheControl) == "no-store")
            #expect(!res.headers[.setCookie].contains { $0.hasPrefix("eq_session") })
        }
    }

    @Test("/ready is 503 naming the reporting engine until it has loaded, then 200", arguments: TestDatabase.all)
    func engine(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: a test app has a migrated database but no reporting engine
            let before = try await app.testing().sendRequest(.GET, "/ready")
            #expect(before.status == .serviceUnavailable)
            #expect(before.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let problem = try JSONDecoder().decode(Ready.self, from: Data(before.body.string.utf8))
            #expect(problem.status == .code(503))
            #expect(problem.checks["reportingEngine"]?.ok == false)
            #expect(problem.checks["database"]?.ok == true)
            #expect(problem.checks["migrations"]?.ok == true)
            #expect(problem.detail == "reportingEngine: not loaded")
            // MUT
            try await app.startServices()
            try await app.firstHousekeepingDone()
            let after = try await app.testing().sendRequest(.GET, "/ready")
            // validate
            #expect(after.status == .ok)
            let ready = try JSONDecoder().decode(Ready.self, from: Data(after.body.string.utf8))
            #expect(ready.status == .text("ready"))
            let failing = ready.checks.values.filter { !$0.ok }.map(\.name)
            #expect(failing.isEmpty)
        }
    }

    @Test("/ready is 503 naming a migration that has not been applied")
    func migrations() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            try await app.startServices()
            try await app.firstHousekeepingDone()
            let last = AppMigrations.all.last!.name
            try await MigrationLog.query(on: app.db).filter(\.$name == last).delete()
            // MUT
            let res = try await app.testing().sendRequest(.GET, "/ready")
            // validate
            #expect(res.status == .serviceUnavailable)
            let problem = try JSONDecoder().decode(Ready.self, from: Data(res.body.string.utf8))
            #expect(problem.checks["migrations"]?.ok == false)
            #expect(problem.checks["migrations"]?.detail == "1 not applied: " + (last.split(separator: ".").last.map(String.init) ?? last))
            #expect(problem.checks["database"]?.ok == true)
            #expect(problem.checks["reportingEngine"]?.ok == true)
        }
    }

    /// No wall-clock assertion: under a full parallel test run the scheduler may be late, but the
    /// deadline still answers before a body 300 times as long, which would otherwise return normally.
    @Test("a deadline answers when the work it waits for never does")
    func deadline() async throws {
        await #expect(throws: DeadlinePassed.self) {
            try await withDeadline(.milliseconds(100)) { try await Task.sleep(for: .seconds(30)) }
        }
        #expect(try await withDeadline(.seconds(5)) { 42 } == 42)
    }
}
