import Fluent
import Foundation
import SQLiteNIO
import SQLKit

/// SQLite's half of `DatabaseBackup`. The snapshot is `VACUUM INTO`, which reads the live
/// database in one read transaction (writers carry on) into a new file, written beside the target
/// and renamed into place only when complete. A restore checks the backup (an SQLite file that
/// passes `PRAGMA integrity_check` and has a migration log), copies it beside the database, removes
/// the old write-ahead log, and renames the copy over the database file.
enum SQLiteBackup {
    static func snapshot(_ db: any Database, to file: String) async throws {
        let partial = file + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        let sql = db as! any SQLDatabase
        do {
            try await sql.raw("VACUUM INTO \(bind: partial)").run()
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw DatabaseBackup.Failure("the snapshot could not be written to \(file): \(String(describing: error))")
        }
        try move(partial, to: file)
    }

    static func restore(_ file: String, over path: String, force: Bool) async throws {
        try await check(backup: file)
        let tables = try await tableCount(path)
        guard tables == 0 || force else { throw DatabaseBackup.refusal(tables) }
        let copy = path + ".restoring"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: file, toPath: copy)
        // The old log belongs to the old file: left beside the new one, SQLite would replay it.
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try move(copy, to: path)
    }

    /// An SQLite database file, intact, made by this service.
    static func check(backup file: String) async throws {
        let handle = FileHandle(forReadingAtPath: file)
        let head = (try? handle?.read(upToCount: 16)) ?? nil
        try? handle?.close()
        guard head == Data("SQLite format 3\0".utf8) else {
            throw DatabaseBackup.Failure("\(file) is not an SQLite database")
        }
        try await withConnection(file) { connection in
            let integrity = try await connection.query("PRAGMA integrity_check").first?.column("integrity_check")?.string
            guard integrity == "ok" else {
                throw DatabaseBackup.Failure("\(file) fails SQLite's integrity check: \(integrity ?? "no answer")")
            }
            let log = try await connection.query("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'")
            guard log.first?.column("n")?.integer == 1 else {
                throw DatabaseBackup.Failure("\(file) is an SQLite database but not one of this service's (it has no migration log)")
            }
        }
    }

    /// Tables in the database file at `path` (0 when there is no file).
    static func tableCount(_ path: String) async throws -> Int {
        guard DatabaseBackup.fileSize(path) > 0 else { return 0 }
        return try await withConnection(path) { connection in
            Int(try await connection.query("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").first?.column("n")?.integer ?? 0)
        }
    }

    private static func withConnection<T: Sendable>(_ path: String, _ body: @Sendable (SQLiteConnection) async throws -> T) async throws -> T {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Renames within one folder, replacing what is there: readers see the old file or the new, whole.
    private static func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: from)
            throw DatabaseBackup.Failure("\(from) could not be moved to \(to): \(reason)")
        }
    }
}
