import Fluent
import Foundation
import SQLiteNIO
import SQLKit
import Vapor

/// Which instance runs a periodic job: one row per job name with its holder and when the lease
/// ends. A lease is taken for the job's interval, so it ends when the job is next due; whoever
/// asks first after that takes it and runs the job, and the rest skip that turn. The holder may
/// always take it again. If the holder stops, another instance takes the job over at its next
/// turn after the lease ends. Taken in one statement (an upsert that changes the row only when
/// the lease has ended or is the caller's), then read back in the same write transaction, so two
/// instances asking at once cannot both win, on SQLite or PostgreSQL.
/// On SQLite an instance that finds another process holding the write lock does not wait: that
/// turn is not its own.
struct JobLease: Sendable {
    let db: any Database
    let holder: String

    /// Whether this instance holds `job` until `now + duration` (it took or renewed the lease).
    func take(_ job: String, for duration: TimeInterval, at now: Date = Date()) async throws -> Bool {
        let holder = holder
        let until = now.addingTimeInterval(duration).timeIntervalSince1970
        let now = now.timeIntervalSince1970
        do {
            return try await upsert(job, holder: holder, until: until, now: now)
        } catch let error as SQLiteError {
            // Another process (an instance taking this lease, say) holds SQLite's write lock: this turn is theirs.
            guard case .busy = error.reason else { throw error }
            return false
        }
    }

    /// Ends every lease this instance holds, so that a stopping instance hands its jobs on at once.
    func releaseAll(at now: Date = Date()) async throws {
        try await JobLeaseRecord.query(on: db).filter(\.$holder == holder)
            .set(\.$expiresAt, to: now.timeIntervalSince1970).update()
    }

    private func upsert(_ job: String, holder: String, until: Double, now: Double) async throws -> Bool {
        try await db.writeTransaction { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("""
                INSERT INTO job_leases (name, holder, expires_at) VALUES (\(bind: job), \(bind: holder), \(bind: until))
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE job_leases.expires_at <= \(bind: now) OR job_leases.holder = excluded.holder
                """).run()
            return try await JobLeaseRecord.find(job, on: db)?.holder == holder
        }
    }
}

/// This running instance's name in job leases: the host, the process and a random part, so two
/// instances on one host, or one restarted, are never taken for each other.
enum InstanceID {
    static func make() -> String {
        let host = ProcessInfo.processInfo.hostName.prefix(60)
        return "\(host):\(ProcessInfo.processInfo.processIdentifier):" + UUID().uuidString.prefix(8)
    }
}

enum InstanceIDKey: StorageKey { typealias Value = String }

extension Application {
    /// Made in `configure`.
    var instanceID: String { storage[InstanceIDKey.self]! }
    var jobLease: JobLease { JobLease(db: db, holder: instanceID) }
}
