import Fluent
import Foundation
import SQLKit
import Vapor

/// The gauges of `/metrics`, read when it is asked for: the reporting engine (loaded, its rows,
/// seconds since its last refresh), the outbox (notices waiting, and those that failed every
/// attempt), imports started from the administration page (running, and rows read by them), and
/// the database (the time `SELECT 1` takes, and the most connections the pool opens).
enum ServiceGauges {
    static func update(_ app: Application, now: Date = Date()) async {
        let metrics = app.serviceMetrics
        if let engine = app.reportEngine {
            metrics.set("eduquality_report_engine_loaded", 1)
            metrics.set("eduquality_report_engine_rows", Double(engine.responseCount))
            if let refreshed = engine.refreshedAt {
                metrics.set("eduquality_report_engine_refresh_lag_seconds", max(0, now.timeIntervalSince(refreshed)))
            }
        } else {
            metrics.set("eduquality_report_engine_loaded", 0)
        }
        if let sql = app.db as? any SQLDatabase {
            let started = ContinuousClock.now
            if (try? await withDeadline(Readiness.databaseTimeout, { try await sql.raw("SELECT 1").run() })) != nil {
                metrics.set("eduquality_database_ping_seconds", Double((ContinuousClock.now - started).nanoseconds) / 1e9)
            }
        }
        if let waiting = try? await OutboxMessage.query(on: app.db).filter(\.$sentOn == nil)
            .filter(\.$attempts < OutboxDelivery.maxAttempts).count(),
           let failed = try? await OutboxMessage.query(on: app.db).filter(\.$sentOn == nil)
            .filter(\.$attempts >= OutboxDelivery.maxAttempts).count() {
            metrics.set("eduquality_outbox_messages", Double(waiting), [("state", "waiting")])
            metrics.set("eduquality_outbox_messages", Double(failed), [("state", "failed")])
        }
        let running = await app.importJobs.recent().filter { !$0.finished }
        metrics.set("eduquality_import_jobs_running", Double(running.count))
        metrics.set("eduquality_import_rows_read", Double(running.reduce(0) { $0 + ($1.progress?.rows ?? 0) }))
        metrics.set("eduquality_database_pool_max_connections", Double(app.databasePoolSize))
    }
}
