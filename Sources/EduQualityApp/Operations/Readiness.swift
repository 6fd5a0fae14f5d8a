import Fluent
import SQLKit
import Vapor

/// Whether this instance should be sent traffic: the database answers, every migration the code
/// knows has been applied to it, and the reporting engine has loaded. Each check says what it
/// found, so a 503 names the one that failed.
struct Readiness: Sendable {
    struct Check: Sendable, Encodable, Equatable {
        let name: String
        let ok: Bool
        let detail: String
    }

    let checks: [Check]
    var isReady: Bool { checks.allSatisfy(\.ok) }
    var failed: [Check] { checks.filter { !$0.ok } }

    /// How long the database may take to answer before it counts as unreachable.
    static let databaseTimeout: Duration = .seconds(3)

    static func check(_ app: Application) async -> Readiness {
        let database = await databaseCheck(app.db)
        let migrations: Check = database.ok
            ? await migrationsCheck(app.db)
            : Check(name: "migrations", ok: false, detail: "not checked: the database did not answer")
        let engine = app.reportEngine.map {
            Check(name: "reportingEngine", ok: true, detail: "loaded, \($0.responseCount) responses")
        } ?? Check(name: "reportingEngine", ok: false, detail: "not loaded")
        return Readiness(checks: [database, migrations, engine])
    }

    private static func databaseCheck(_ db: any Database) async -> Check {
        guard let sql = db as? any SQLDatabase else { return Check(name: "database", ok: false, detail: "not an SQL database") }
        do {
            try await withDeadline(databaseTimeout) { try await sql.raw("SELECT 1").run() }
            return Check(name: "database", ok: true, detail: "reachable")
        } catch is DeadlinePassed {
            return Check(name: "database", ok: false, detail: "no answer within \(databaseTimeout)")
        } catch {
            return Check(name: "database", ok: false, detail: "unreachable")
        }
    }

    private static func migrationsCheck(_ db: any Database) async -> Check {
        do {
            let applied = Set(try await MigrationLog.query(on: db).all(\.$name))
            let pending = AppMigrations.all.map(\.name).filter { !applied.contains($0) }
            guard pending.isEmpty else {
                let names = pending.map { $0.split(separator: ".").last.map(String.init) ?? $0 }
                return Check(name: "migrations", ok: false, detail: "\(pending.count) not applied: " + names.joined(separator: ", "))
            }
            return Check(name: "migrations", ok: true, detail: "all \(AppMigrations.all.count) applied")
        } catch {
            return Check(name: "migrations", ok: false, detail: "the migration log could not be read")
        }
    }
}

struct DeadlinePassed: Error {}

/// Runs `body`, or throws `DeadlinePassed` once `limit` has passed, without waiting for a body
/// that does not heed cancellation (a database connection that never answers).
func withDeadline<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let waiting = OnceContinuation<T>()
    return try await withCheckedThrowingContinuation { continuation in
        waiting.set(continuation)
        let work = Task {
            do { waiting.resume(with: .success(try await body())) } catch { waiting.resume(with: .failure(error)) }
        }
        Task {
            try? await Task.sleep(for: limit)
            waiting.resume(with: .failure(DeadlinePassed()))
            work.cancel()
        }
    }
}

/// A continuation resumed by whichever result comes first; later ones are dropped.
private final class OnceContinuation<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    func set(_ c: CheckedContinuation<T, any Error>) { lock.withLock { continuation = c } }

    func resume(with result: Result<T, any Error>) {
        let c = lock.withLock { () -> CheckedContinuation<T, any Error>? in
            defer { continuation = nil }
            return continuation
        }
        c?.resume(with: result)
    }
}
