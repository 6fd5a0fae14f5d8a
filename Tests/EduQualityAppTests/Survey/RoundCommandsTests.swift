import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Round commands")
struct RoundCommandsTests {
    static func run(_ app: Application, _ arguments: [String]) async throws {
        app.environment.arguments = ["eduquality"] + arguments
        try await app.execute()
    }

    static func round(_ app: Application, _ code: String) async throws -> SurveyRoundRecord? {
        try await SurveyRoundRecord.query(on: app.db).filter(\.$code == code).first()
    }

    @Test("rounds create without --questionnaire takes the latest version, so the round can be taken and imported into")
    func defaultQuestionnaire() async throws {
        try await withTestApp(.sqlite) { app in
            try await Self.run(app, ["rounds", "create", "--code", "NETS-2031", "--opens", "2031-09-01", "--closes", "2031-11-30"])
            #expect(try await Self.round(app, "NETS-2031")?.questionnaireCode == "core-2026")
        }
    }

    @Test("rounds set-questionnaire attaches a version, and is refused once the round has responses")
    func setQuestionnaire() async throws {
        try await withTestApp(.sqlite) { app in
            // setup: a second version, and two rounds, one with a response
            let core = try String(contentsOfFile: app.config.seedDirectory + "/questionnaires/core-2026.json", encoding: .utf8)
            let file = NSTemporaryDirectory() + "core-2031-\(UUID().uuidString).json"
            defer { try? FileManager.default.removeItem(atPath: file) }
            try core.replacingOccurrences(of: "\"version\": \"core-2026\"", with: "\"version\": \"core-2031\"")
                .write(toFile: file, atomically: true, encoding: .utf8)
            try await Self.run(app, ["questionnaires", "add", file])
            try await Self.run(app, ["rounds", "create", "--code", "NETS-2032", "--opens", "2032-09-01", "--closes", "2032-11-30",
                                     "--questionnaire", "core-2026"])
            // MUT
            try await Self.run(app, ["rounds", "set-questionnaire", "NETS-2032", "core-2031"])
            // validate
            #expect(try await Self.round(app, "NETS-2032")?.questionnaireCode == "core-2031")
            await #expect(throws: CommandFailed.self) { try await Self.run(app, ["rounds", "set-questionnaire", "NETS-2032", "no-such"]) }
            await #expect(throws: CommandFailed.self) { try await Self.run(app, ["rounds", "set-questionnaire", "NO-ROUND", "core-2031"]) }
            // a round with responses keeps its version
            let past = try await ResponseImportCommandTests.prepare(app, rows: 20, file: file + ".csv")
            defer { try? FileManager.default.removeItem(atPath: file + ".csv") }
            try await ResponseImportCommandTests.run(app, ["--round", past.code.rawValue, file + ".csv"])
            await #expect(throws: CommandFailed.self) {
                try await Self.run(app, ["rounds", "set-questionnaire", past.code.rawValue, "core-2031"])
            }
            #expect(try await Self.round(app, past.code.rawValue)?.questionnaireCode == "core-2026")
        }
    }

    @Test("generate-responses for an open round dates nothing after today, and the file imports whole")
    func generateForOpenRound() async throws {
        try await withTestApp(.sqlite) { app in
            let round = try await SurveyTestRounds.open(app)
            let file = NSTemporaryDirectory() + "open-\(UUID().uuidString).csv"
            defer { try? FileManager.default.removeItem(atPath: file) }
            // MUT
            try await Self.run(app, ["generate-responses", "--round", round.code.rawValue, "--count", "300", file])
            // validate
            var reader = try CSVReader(fileAt: file)
            let day = try #require(try reader.next()?.strings.firstIndex(of: "submitted_on"))
            let today = CalendarDay.today().iso
            var rows = 0
            while let record = try reader.next() {
                rows += 1
                #expect(record.string(at: day) <= today)
            }
            #expect(rows == 300)
            try await ResponseImportCommandTests.run(app, ["--round", round.code.rawValue, file])
            #expect(try await SurveyResponseRecord.query(on: app.db).filter(\.$roundCode == round.code.rawValue).count() == 300)
            // a round that has not opened has no day to date a response with
            let upcoming = try await SurveyTestRounds.upcoming(app)
            await #expect(throws: CommandFailed.self) {
                try await Self.run(app, ["generate-responses", "--round", upcoming.code.rawValue, "--count", "5", file])
            }
        }
    }
}
