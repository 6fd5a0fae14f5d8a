import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

enum DatabaseSetup {
    /// Each event loop's PostgreSQL connections at most (SQLite has one per event loop).
    static let postgresConnectionsPerEventLoop = 8

    static func configure(_ app: Application, _ choice: AppConfig.DatabaseChoice, searchPath: [String]? = nil) throws {
        switch choice {
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(60), sqlLogLevel: nil), as: .sqlite)
            app.databases.middleware.use(SQLiteWriteGate.Carrier(gate: SQLiteWriteGate()), on: .sqlite)
        case .sqliteFile(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            app.databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(60), sqlLogLevel: nil), as: .sqlite)
            app.databases.middleware.use(SQLiteWriteGate.Carrier(gate: SQLiteWriteGate()), on: .sqlite)
        case .postgres(let url):
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = searchPath
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: postgresConnectionsPerEventLoop,
                                         connectionPoolTimeout: .seconds(60), sqlLogLevel: .trace), as: .psql)
        }
    }

    /// SQLite: write-ahead logging, so readers never wait for the writer (kept in the file).
    static func tune(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }
}

extension Application {
    /// The most connections this instance opens to its database.
    var databasePoolSize: Int {
        let loops = Array(eventLoopGroup.makeIterator()).count
        if case .postgres = config.database { return loops * DatabaseSetup.postgresConnectionsPerEventLoop }
        return loops
    }
}
