import CoreMetrics
import Foundation
import Prometheus
import Vapor

/// The service's metrics, recorded through swift-metrics into a Prometheus registry of this
/// application's own (never the process-wide `MetricsSystem`: tests run many applications in one
/// process) and read out at `GET /metrics`. Labels carry route patterns, job names and statuses
/// only: never a path, an id, a code or anything a visitor typed.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        self.factory = factory
    }

    /// One answered request: its method, the pattern of the route that answered (`unrouted` for
    /// public files and unknown paths), its status and how long it took.
    func request(method: String, route: String, status: UInt, duration: Duration) {
        let dimensions = [("method", method), ("route", route), ("status", String(status))]
        CoreMetrics.Counter(label: "eduquality_http_requests_total", dimensions: dimensions, factory: factory).increment()
        CoreMetrics.Timer(label: "eduquality_http_request_duration_seconds", dimensions: dimensions, factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// One turn of a background job: `ran`, `failed`, or `skipped` (another instance holds its lease).
    func jobRun(_ job: String, outcome: String) {
        CoreMetrics.Counter(label: "eduquality_background_job_runs_total", dimensions: [("job", job), ("outcome", outcome)], factory: factory)
            .increment()
    }

    func set(_ label: String, _ value: Double, _ dimensions: [(String, String)] = []) {
        CoreMetrics.Gauge(label: label, dimensions: dimensions, factory: factory).record(value)
    }

    /// The text exposition format, after `ServiceGauges` has brought the gauges up to date.
    func exposition() -> String { registry.emitToString() }
}

enum ServiceMetricsKey: StorageKey { typealias Value = ServiceMetrics }

extension Application {
    /// Made in `configure`.
    var serviceMetrics: ServiceMetrics { storage[ServiceMetricsKey.self]! }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
