import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Importing survey responses")
struct ResponseImportCommandTests {
    /// A round with the shipped questionnaire, and a file of generated responses for it.
    static func prepare(_ app: Application, rows: Int, file: String) async throws -> SurveyRound {
        let admin = SurveyAdministration(db: app.db, cache: QuestionnaireCache(), actor: "test")
        let round = try await admin.createRound(.init(code: "NETS-2019", opens: "2019-09-01", closes: "2019-11-30",
                                                      questionnaire: "core-2026"))
        let q = try await app.surveyCatalog.questionnaire(for: round)!
        let orgs = try await Organisation.query(on: app.db).filter(\.$type == "nhs-trust").all()
        let sites = Dictionary(grouping: try await Site.query(on: app.db).all(), by: \.organisationCode)
        let generator = SyntheticResponseGenerator(
            questionnaire: q,
            population: .standard(organisations: orgs.map { SyntheticOrganisation(code: $0.code, region: $0.regionCode,
                                                                                 sites: (sites[$0.code] ?? []).map(\.code)) },
                                  specialties: ["general-surgery", "paediatrics", "maternity"]),
            seed: 7)
        try SyntheticResponseFile.write(count: rows, of: generator, in: round, to: file)
        return round
    }

    static func run(_ app: Application, _ arguments: [String]) async throws {
        app.environment.arguments = ["eduquality", "import-responses"] + arguments
        try await app.execute()
    }

    @Test("100,000 generated rows import in one command; importing again adds nothing")
    func large() async throws {
        try await withTestApp(.sqlite) { app in
            let file = NSTemporaryDirectory() + "import-\(UUID().uuidString).csv"
            defer { try? FileManager.default.removeItem(atPath: file) }
            _ = try await Self.prepare(app, rows: 100_000, file: file)
            // MUT
            try await Self.run(app, ["--round", "NETS-2019", file])
            // validate
            #expect(try await SurveyResponseRecord.query(on: app.db).filter(\.$roundCode == "NETS-2019").count() == 100_000)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "survey.import").first()
            #expect(audit?.afterJSON?.contains("\"imported\":\"100000\"") == true)
            try await Self.run(app, ["--round", "NETS-2019", file])
            #expect(try await SurveyResponseRecord.query(on: app.db).filter(\.$roundCode == "NETS-2019").count() == 100_000)
        }
    }

    @Test("a file with bad rows is rejected with every error by line, and nothing is imported", arguments: TestDatabase.all)
    func rejected(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let file = NSTemporaryDirectory() + "import-\(UUID().uuidString).csv"
            defer { try? FileManager.default.removeItem(atPath: file) }
            let round = try await Self.prepare(app, rows: 500, file: file)
            // setup: spoil three rows of a valid file
            var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\r\n")
            let header = lines[0].components(separatedBy: ",")
            func spoil(_ line: Int, _ column: String, _ value: String) {
                var fields = lines[line - 1].components(separatedBy: ",")
                fields[header.firstIndex(of: column)!] = value
                lines[line - 1] = fields.joined(separator: ",")
            }
            // Free text may hold line breaks, so a record's physical line is counted, not assumed.
            func physicalLine(_ record: Int) -> Int {
                1 + lines[0..<(record - 1)].reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count + 1 }
            }
            spoil(5, "organisation", "NOWHERE")
            spoil(17, "submitted_on", "2019-02-30")
            spoil(200, "IND1", "9")
            let expected = [5, 17, 200].map(physicalLine)
            try lines.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
            let importer = ResponseImporter(db: app.db, catalog: app.surveyCatalog, keywords: app.commentKeywords, actor: "test")
            // MUT
            let outcome = try await importer.run(file: file, round: round.code.rawValue, dryRun: false) { _ in }
            // validate
            #expect(!outcome.isValid)
            let messages = outcome.errors.map(\.description)
            #expect(messages.contains { $0.hasPrefix("line \(expected[0]): organisation:") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("line \(expected[1]): submitted_on:") })
            #expect(messages.contains { $0.hasPrefix("line \(expected[2]): IND1:") })
            #expect(outcome.errorCount == 3)
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 0)
            #expect(try await SurveyCommentRecord.query(on: app.db).count() == 0)
            // and through the command, which fails
            await #expect(throws: CommandFailed.self) { try await Self.run(app, ["--round", round.code.rawValue, file]) }
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("a dry run validates and imports nothing; an unknown round is refused")
    func dryRun() async throws {
        try await withTestApp(.sqlite) { app in
            let file = NSTemporaryDirectory() + "import-\(UUID().uuidString).csv"
            defer { try? FileManager.default.removeItem(atPath: file) }
            _ = try await Self.prepare(app, rows: 200, file: file)
            try await Self.run(app, ["--round", "NETS-2019", "--dry-run", file])
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 0)
            await #expect(throws: (any Error).self) { try await Self.run(app, ["--round", "NO-SUCH", file]) }
        }
    }
}
