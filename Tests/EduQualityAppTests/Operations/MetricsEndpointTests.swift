import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Prometheus metrics")
struct MetricsEndpointTests {
    static let token = "metrics-token-for-tests-0123456789"

    static func withToken(_ app: Application, _ token: String? = MetricsEndpointTests.token) {
        var config = app.config
        config.metricsToken = token
        app.storage[AppConfigKey.self] = config
    }

    static func scrape(_ app: Application, bearer: String? = MetricsEndpointTests.token) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
        return try await app.testing().sendRequest(.GET, "/metrics", headers: headers)
    }

    @Test("without METRICS_TOKEN there is no /metrics at all")
    func off() async throws {
        try await withTestApp(.sqlite) { app in
            let withBearer = try await Self.scrape(app)
            let without = try await Self.scrape(app, bearer: nil)
            #expect(withBearer.status == .notFound)
            #expect(without.status == .notFound)
        }
    }

    @Test("with METRICS_TOKEN, /metrics needs it as a Bearer token")
    func token() async throws {
        try await withTestApp(.sqlite) { app in
            Self.withToken(app)
            let none = try await Self.scrape(app, bearer: nil)
            #expect(none.status == .unauthorized)
            #expect(none.headers.first(name: .wwwAuthenticate) == "Bearer")
            #expect(!none.body.string.contains("eduquality_"))
            #expect(try await Self.scrape(app, bearer: "wrong").status == .unauthorized)
            #expect(try await Self.scrape(app, bearer: Self.token + "x").status == .unauthorized)
            let right = try await Self.scrape(app)
            #expect(right.status == .ok)
            #expect(right.headers.contentType?.description.hasPrefix("text/plain") == true)
        }
    }

    @Test("requests are counted and timed by route pattern and status, never by the path asked for", arguments: TestDatabase.all)
    func requests(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            Self.withToken(app)
            try await app.startServices()
            let tester = try app.testing()
            for _ in 0..<3 { #expect(try await tester.sendRequest(.GET, "/health").status == .ok) }
            #expect(try await tester.sendRequest(.GET, "/reviews/987654").status == .notFound)
            #expect(try await tester.sendRequest(.GET, "/nothing-here/ZX81-SECRET").status == .notFound)
            _ = try await ConcernAPI.raise(app)
            // MUT
            let body = try await Self.scrape(app).body.string
            // validate: requests by pattern
            #expect(body.contains(#"eduquality_http_requests_total{method="GET",route="/health",status="200"} 3"#), "\(body)")
            #expect(body.contains(#"eduquality_http_requests_total{method="GET",route="/reviews/:id",status="404"} 1"#))
            #expect(body.contains(#"eduquality_http_requests_total{method="GET",route="unrouted",status="404"} 1"#))
            #expect(body.contains(#"eduquality_http_requests_total{method="POST",route="/api/v1/concerns",status="201"} 1"#))
            #expect(body.contains(#"eduquality_http_request_duration_seconds_bucket{method="GET",route="/health",status="200",le="+Inf"} 3"#))
            #expect(!body.contains("987654") && !body.contains("ZX81") && !body.contains("SECRET"))
            // the service's own gauges
            #expect(body.contains("eduquality_report_engine_loaded 1.0"))
            #expect(body.contains("eduquality_report_engine_rows 0.0"))
            #expect(body.contains("eduquality_report_engine_refresh_lag_seconds "))
            #expect(body.contains(#"eduquality_outbox_messages{state="waiting"} "#))
            #expect(body.contains(#"eduquality_outbox_messages{state="failed"} 0.0"#))
            #expect(body.contains("eduquality_import_jobs_running 0.0"))
            #expect(body.contains("eduquality_database_ping_seconds "))
            #expect(body.contains("eduquality_database_pool_max_connections "))
            // housekeeping ran once on start, through its lease
            try await app.firstHousekeepingDone()
            let later = try await Self.scrape(app).body.string
            #expect(later.contains(#"eduquality_background_job_runs_total{job="housekeeping",outcome="ran"} 1"#))
        }
    }

    @Test("the outbox backlog counts notices waiting")
    func outbox() async throws {
        try await withTestApp(.sqlite) { app in
            Self.withToken(app)
            for i in 0..<2 {
                try await OutboxMessage(recipient: "lead\(i)@test.eduquality.test", subject: "S", body: "B", kind: "test", dedupeKey: nil)
                    .create(on: app.db)
            }
            let body = try await Self.scrape(app).body.string
            #expect(body.contains(#"eduquality_outbox_messages{state="waiting"} 2.0"#))
            #expect(body.contains("eduquality_report_engine_loaded 0.0"))
        }
    }
}
