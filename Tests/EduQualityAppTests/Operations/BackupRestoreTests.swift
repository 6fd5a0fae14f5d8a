import Fluent
import Foundation
import SQLKit
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Backup and restore", .serialized)
struct BackupRestoreTests {
    static var seed: String { FileManager.default.currentDirectoryPath + "/Seed" }

    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "eduquality-backup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Accounts, an anonymous concern and its deferred audit events: a database with an audit chain.
    static func fill(_ app: Application) async throws -> (entries: Int, concerns: Int) {
        try await TestAccounts.createAll(on: app)
        _ = try await ConcernAPI.raise(app)
        _ = try await AuditLog.appendPendingBatch(on: app.db)
        let (broken, entries) = try await AuditLog.verify(on: app.db)
        #expect(broken == nil)
        #expect(entries > 0)
        return (entries, try await ConcernRecord.query(on: app.db).count())
    }

    static func refused(_ body: () async throws -> String) async -> String? {
        do {
            _ = try await body()
            return nil
        } catch let failure as DatabaseBackup.Failure {
            return failure.description
        } catch {
            return "unexpected: \(error)"
        }
    }

    @Test("SQLite: a backup is a snapshot of the live database; it restores into an empty one with the audit chain intact")
    func sqliteRoundTrip() async throws {
        // setup
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = AppConfig(database: .sqliteFile(folder + "/live.sqlite"), seedDirectory: Self.seed)
        let live = try await TestInstance.make(config, seedOrganisations: true)
        let (entries, concerns) = try await Self.fill(live)
        let backup = folder + "/backup.sqlite"
        // MUT
        let wrote = try await DatabaseBackup.backup(live, to: backup)
        _ = try await ConcernAPI.raise(live)
        // validate: the file, which is never overwritten
        #expect(wrote.hasPrefix("Backup written to \(backup) ("))
        #expect(await Self.refused { try await DatabaseBackup.backup(live, to: backup) }?.contains("already exists") == true)
        try await live.asyncShutdown()
        // restore into a database that does not exist yet
        var restoredConfig = config
        restoredConfig.database = .sqliteFile(folder + "/restored/eduquality.sqlite")
        let restored = try await TestInstance.make(restoredConfig, prepare: false)
        let said = try await DatabaseBackup.restore(restored, from: backup, force: false)
        #expect(said.contains("Audit log intact: \(entries) entries verified"))
        #expect(try await ConcernRecord.query(on: restored.db).count() == concerns, "the concern raised after the backup is not in it")
        try await restored.prepareDatabase()
        try await restored.asyncShutdown()
        // a database that is not empty is replaced only with --force
        let again = try await TestInstance.make(restoredConfig, prepare: false)
        let refusal = await Self.refused { try await DatabaseBackup.restore(again, from: backup, force: false) }
        #expect(refusal?.hasPrefix("the database is not empty") == true, "\(refusal ?? "restored")")
        let forced = try await DatabaseBackup.restore(again, from: backup, force: true)
        #expect(forced.contains("Audit log intact: \(entries) entries verified"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/restored/eduquality.sqlite.restoring"))
        try await again.asyncShutdown()
    }

    @Test("SQLite: a file that is not one of this service's backups is refused and nothing is replaced")
    func sqliteRefusesOtherFiles() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = AppConfig(database: .sqliteFile(folder + "/target.sqlite"), seedDirectory: Self.seed)
        let app = try await TestInstance.make(config, prepare: false)
        let text = folder + "/notes.txt"
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(await Self.refused { try await DatabaseBackup.restore(app, from: text, force: true) }?.contains("is not an SQLite database") == true)
        #expect(await Self.refused { try await DatabaseBackup.restore(app, from: folder + "/missing", force: true) }?.contains("cannot be read") == true)
        #expect(!FileManager.default.fileExists(atPath: folder + "/target.sqlite"))
        try await app.asyncShutdown()
    }

    @Test("PostgreSQL's tools get the connection from libpq's variables, the password among them")
    func libpqEnvironment() throws {
        let env = try PostgresBackup.environment(url: "postgres://eq:p%40ss@db.example:5433/eduquality?sslmode=require")
        #expect(env == ["PGHOST": "db.example", "PGPORT": "5433", "PGUSER": "eq", "PGPASSWORD": "p@ss",
                        "PGDATABASE": "eduquality", "PGSSLMODE": "require"])
    }

    @Test("a missing PostgreSQL tool is a clear error")
    func missingTool() async throws {
        let said = await Self.refused {
            try await PostgresBackup.run("pg_dump_not_installed_here", [], url: nil)
            return ""
        }
        #expect(said?.hasPrefix("pg_dump_not_installed_here is not installed: install PostgreSQL's client tools") == true)
    }

    static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] ?? ""
        return url.isEmpty ? nil : url
    }

    /// With a PostgreSQL to test against, the round trip runs where pg_dump and pg_restore are
    /// installed, and in CI always (where their absence fails it).
    static var postgresRoundTripRuns: Bool {
        postgresURL != nil && ((PostgresBackup.tool("pg_dump") != nil && PostgresBackup.tool("pg_restore") != nil)
                               || ProcessInfo.processInfo.environment["CI"] == "true")
    }

    /// The test server's URL with another database in it.
    static func url(database: String) throws -> String {
        var parts = try #require(URLComponents(string: postgresURL!))
        parts.path = "/" + database
        return try #require(parts.string)
    }

    @Test("PostgreSQL: pg_dump's backup restores into an empty database with the audit chain intact",
          .enabled(if: postgresRoundTripRuns,
                   "skipped: needs TEST_DATABASE_URL, and pg_dump and pg_restore (Debian: postgresql-client) outside CI"))
    func postgresRoundTrip() async throws {
        // setup: two new databases on the test server
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let (source, target) = ("eq_backup_\(suffix)", "eq_restore_\(suffix)")
        let admin = try await TestInstance.make(AppConfig(database: .postgres(url: Self.postgresURL!), seedDirectory: Self.seed),
                                                prepare: false)
        let sql = admin.db as! any SQLDatabase
        try await sql.raw("CREATE DATABASE \(ident: source)").run()
        try await sql.raw("CREATE DATABASE \(ident: target)").run()
        let folder = try Self.folder()
        do {
            let config = AppConfig(database: .postgres(url: try Self.url(database: source)), seedDirectory: Self.seed)
            let live = try await TestInstance.make(config, seedOrganisations: true)
            let (entries, concerns) = try await Self.fill(live)
            let backup = folder + "/eduquality.pgdump"
            // MUT
            _ = try await DatabaseBackup.backup(live, to: backup)
            _ = try await ConcernAPI.raise(live)
            try await live.asyncShutdown()
            // validate
            var restoredConfig = config
            restoredConfig.database = .postgres(url: try Self.url(database: target))
            let restored = try await TestInstance.make(restoredConfig, prepare: false)
            let said = try await DatabaseBackup.restore(restored, from: backup, force: false)
            #expect(said.contains("Audit log intact: \(entries) entries verified"))
            #expect(try await ConcernRecord.query(on: restored.db).count() == concerns)
            let refusal = await Self.refused { try await DatabaseBackup.restore(restored, from: backup, force: false) }
            #expect(refusal?.hasPrefix("the database is not empty") == true, "\(refusal ?? "restored")")
            let forced = try await DatabaseBackup.restore(restored, from: backup, force: true)
            #expect(forced.contains("Audit log intact: \(entries) entries verified"))
            try await restored.prepareDatabase()
            try await restored.asyncShutdown()
        } catch {
            try? await Self.drop([source, target], sql)
            try? await admin.asyncShutdown()
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        try await Self.drop([source, target], sql)
        try await admin.asyncShutdown()
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func drop(_ databases: [String], _ sql: any SQLDatabase) async throws {
        for name in databases { try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
    }
}
