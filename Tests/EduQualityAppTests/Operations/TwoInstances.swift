import Foundation
import SQLKit
@testable import EduQualityApp
import Vapor

/// Two applications on one database, as two instances of the service behind a proxy: one SQLite
/// file (in a fresh folder) or one PostgreSQL schema. They share the configuration (the receipt
/// secret among it), as instances must. `restart` makes a third on the same database.
struct TwoInstances {
    let database: TestDatabase
    let choice: AppConfig.DatabaseChoice
    let schema: String?
    let folder: String
    let config: AppConfig

    init(_ database: TestDatabase) {
        self.database = database
        folder = NSTemporaryDirectory() + "eduquality-two-" + UUID().uuidString
        switch database {
        case .sqlite:
            choice = .sqliteFile(folder + "/shared.sqlite")
            schema = nil
        case .postgres:
            choice = .postgres(url: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]!)
            schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        }
        config = AppConfig(database: choice, seedDirectory: FileManager.default.currentDirectoryPath + "/Seed")
    }

    func instance(first: Bool = false) async throws -> Application {
        try await TestInstance.make(config, schema: schema, createSchema: first, seedOrganisations: first)
    }

    /// Runs `body` with two instances, then shuts both down and removes the database.
    static func run(_ database: TestDatabase, _ body: (TwoInstances, Application, Application) async throws -> Void) async throws {
        let two = TwoInstances(database)
        let a = try await two.instance(first: true)
        var b: Application?
        do {
            b = try await two.instance()
            try await body(two, a, b!)
        } catch {
            try? await b?.asyncShutdown()
            try? await two.teardown(a)
            throw error
        }
        try await b?.asyncShutdown()
        try await two.teardown(a)
    }

    private func teardown(_ a: Application) async throws {
        if let schema { try await (a.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        try await a.asyncShutdown()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// One application on a database of the test's choosing, as the executable makes it.
enum TestInstance {
    static func make(_ config: AppConfig, schema: String? = nil, createSchema: Bool = false, prepare: Bool = true,
                     seedOrganisations: Bool = false) async throws -> Application {
        let app = try await TestApplication.make()
        do {
            try await configure(app, config, databaseSearchPath: schema.map { [$0] })
            if createSchema, let schema {
                try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
            }
            if prepare { try await app.prepareDatabase() }
            if seedOrganisations {
                _ = try await ReferenceDataSeeder(directory: config.seedDirectory).seedOrganisations(file: "demo/organisations.json", on: app.db)
            }
            return app
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

extension Application {
    /// Waits for the first housekeeping turn that `startServices` began (up to 30 s), so that a
    /// test's teardown does not drop its database under it.
    func firstHousekeepingDone() async throws {
        for _ in 0..<300 where !serviceMetrics.exposition().contains(#"eduquality_background_job_runs_total{job="housekeeping""#) {
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
