import Fluent
import Foundation
import SQLKit
import Vapor

/// `eduquality backup FILE` and `restore FILE`: a consistent snapshot of the live database
/// (SQLite's `VACUUM INTO`, or `pg_dump`'s custom format on PostgreSQL) and putting one back.
/// A restore refuses a database that holds any table unless forced, checks the audit chain of
/// what it restored, and leaves migrations to the next start (a backup from an older version is
/// brought up to date then). Stop the server before restoring.
enum DatabaseBackup {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Writes the snapshot to `file` (which must not exist yet); says what was written.
    static func backup(_ app: Application, to file: String) async throws -> String {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw Failure("\(file) already exists: choose a new file name, so that no backup is overwritten")
        }
        switch app.config.database {
        case .sqliteFile, .sqliteMemory:
            try await SQLiteBackup.snapshot(app.db, to: file)
        case .postgres(let url):
            try await PostgresBackup.dump(url: url, to: file)
        }
        return "Backup written to \(file) (\(fileSize(file)) bytes)."
    }

    /// Puts the backup in `file` in place of the database, then verifies its audit chain.
    static func restore(_ app: Application, from file: String, force: Bool) async throws -> String {
        guard FileManager.default.isReadableFile(atPath: file) else { throw Failure("\(file) cannot be read") }
        switch app.config.database {
        case .sqliteFile(let path):
            try await SQLiteBackup.restore(file, over: path, force: force)
        case .sqliteMemory:
            throw Failure("the database is in memory: there is nothing to restore into")
        case .postgres(let url):
            let tables = try await tableCount(app.db)
            guard tables == 0 || force else { throw refusal(tables) }
            try await PostgresBackup.restore(file, url: url, clean: tables > 0)
        }
        let (broken, count) = try await AuditLog.verify(on: app.db)
        if let broken {
            throw Failure("restored, but the audit log is broken at entry \(broken.sequence): \(broken.description)")
        }
        return "Restored \(file). Audit log intact: \(count) entries verified. Migrations run when the server next starts."
    }

    static func refusal(_ tables: Int) -> Failure {
        Failure("the database is not empty (\(tables) tables): restoring would replace what it holds. "
                + "Run again with --force to replace it")
    }

    /// Tables in the schema the connection uses (PostgreSQL).
    static func tableCount(_ db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw("""
            SELECT count(*) AS n FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The file's size in bytes, 0 when there is none.
    static func fileSize(_ path: String) -> Int {
        (try? URL(fileURLWithPath: path).resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
    }
}
