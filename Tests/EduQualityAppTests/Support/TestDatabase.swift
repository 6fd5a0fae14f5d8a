import Foundation
import Testing
import SQLKit
@testable import EduQualityApp
import Vapor
import VaporTesting

/// The databases every database-backed test runs against: SQLite always, PostgreSQL when
/// `TEST_DATABASE_URL` is set (CI sets it; with `CI=true` a missing URL fails the run).
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var all: [TestDatabase] {
        let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] ?? ""
        if url.isEmpty {
            precondition(ProcessInfo.processInfo.environment["CI"] != "true",
                         "CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite is mandatory in CI")
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }
}

/// Starts the application on a fresh, migrated database with the reference data and demo
/// organisations loaded, runs `body`, and tears everything down. PostgreSQL tests each get their
/// own schema, so they run in parallel without seeing each other.
func withTestApp<T>(_ database: TestDatabase, threshold: Int = 3,
                    _ body: (Application) async throws -> T) async throws -> T {
    let app = try await TestApplication.make()
    let workingDirectory = app.directory.workingDirectory
    var schema: String?
    let choice: AppConfig.DatabaseChoice
    switch database {
    case .sqlite:
        choice = .sqliteMemory
    case .postgres:
        let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]!
        choice = .postgres(url: url)
        schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
    let config = AppConfig(database: choice, disclosureThreshold: .init(threshold)!,
                           seedDirectory: workingDirectory + "Seed")
    do {
        try await configure(app, config, databaseSearchPath: schema.map { [$0] })
        if let schema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.prepareDatabase()
        _ = try await ReferenceDataSeeder(directory: config.seedDirectory)
            .seedOrganisations(file: "demo/organisations.json", on: app.db)
        // No role must use two-step sign-in, as in the demo: test accounts sign in with their
        // password alone unless a test turns it on (TwoStepSignInTests).
        try await AccountSettingRecord(key: TwoStepRequirement.key, value: "").create(on: app.db)
        let result = try await body(app)
        try await teardown(app, schema: schema)
        return result
    } catch {
        try? await teardown(app, schema: schema)
        throw error
    }
}

private func teardown(_ app: Application, schema: String?) async throws {
    if let schema {
        try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }
    try await app.asyncShutdown()
}
