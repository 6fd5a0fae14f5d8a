import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("GMC survey import API")
struct GMCSurveyAPITests {
    typealias F = GMCSurveyFixtures

    @Test("a national lead's token imports a file; importing it again adds nothing", arguments: TestDatabase.all)
    func importAndReimport(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            try await TestAccounts.createAll(on: app)
            let token = try await F.token(.nationalQualityLead, app)
            let csv = F.file(F.londonRows[0], F.londonRows[1], F.londonRows[2], F.southEastRow)
            // MUT
            let first = try await F.postCSV(app, csv, token: token)
            let again = try await F.postCSV(app, csv, token: token)
            // validate
            #expect(first.status == .ok && again.status == .ok)
            #expect(try JSONDecoder().decode(F.Imported.self, from: Data(first.body.string.utf8)) == .init(imported: 4, skipped: 0))
            #expect(try JSONDecoder().decode(F.Imported.self, from: Data(again.body.string.utf8)) == .init(imported: 0, skipped: 4))
            #expect(try await GMCSurveyResultRecord.query(on: app.db).count() == 4)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "gmc-survey.import").count() == 1)
            // the lookup other services link by
            let result = try #require(try await GMCSurveyStore.result(reference: "2026/T001/T001-01/acute-medicine/workload", on: app.db))
            #expect(result.score == 48.5 && result.flag == .red && result.site == "T001-01")
            #expect(try await GMCSurveyStore.result(reference: "2026/T001/-/acute-medicine/overall-satisfaction", on: app.db)?.site == nil)
            #expect(try await GMCSurveyStore.result(reference: "2026/T001/-/acute-medicine/workload", on: app.db) == nil)
            #expect(try await GMCSurveyStore.result(reference: "not a reference", on: app.db) == nil)
        }
    }

    @Test("a malformed file is a 400 problem listing every line error, and nothing is stored", arguments: TestDatabase.all)
    func malformedFile(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let token = try await F.token(.nationalQualityLead, app)
            let csv = F.file(F.londonRows[0], "2026,NOPE,,acute-medicine,workload,50,red", "2030,T001,,acute-medicine,workload,101,amber")
            let res = try await F.postCSV(app, csv, token: token)
            #expect(res.status == .badRequest)
            #expect(res.headers.contentType?.description.contains("problem+json") == true)
            let problem = try JSONDecoder().decode(F.Problem.self, from: Data(res.body.string.utf8))
            #expect(problem.status == 400 && problem.detail == "The file has 4 errors; nothing was imported.")
            #expect(problem.errors == [
                .init(line: 3, column: "organisation", reason: "unknown organisation code \"NOPE\""),
                .init(line: 4, column: "year", reason: "2030 is in the future"),
                .init(line: 4, column: "score", reason: "101 is more than 100; scores are from 0 to 100"),
                .init(line: 4, column: "flag", reason: "\"amber\" is not a flag; use one of red, pink, white, light-green, green"),
            ])
            #expect(try await GMCSurveyResultRecord.query(on: app.db).count() == 0)
            // a bad header and an empty body are refused the same way
            let header = try await F.postCSV(app, "year,org\n", token: token)
            #expect(header.status == .badRequest && header.body.string.contains("\"line\":1"))
            let empty = try await F.postCSV(app, "", token: token)
            #expect(empty.status == .badRequest && empty.body.string.contains("the file is empty"))
            // a changed score for a stored result is a conflict on its line
            _ = try await F.postCSV(app, F.file(F.londonRows[0]), token: token)
            let changed = try await F.postCSV(app, F.file(F.londonRows[0].replacingOccurrences(of: "48.5", with: "52")), token: token)
            #expect(changed.status == .badRequest && changed.body.string.contains("is already stored with score 48.5"))
            #expect(try await GMCSurveyResultRecord.query(on: app.db).first()?.score == 48.5)
        }
    }

    @Test("a regional team imports only its region's rows; others are line errors and nothing is stored")
    func regionalScope() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            try await team.get("/quality/gmc-survey")
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "csv")
            headers.replaceOrAdd(name: "X-CSRF-Token", value: team.csrfToken ?? "")
            // MUT: by session, with the form token
            let outside = try await team.send(.POST, "/api/v1/register/gmc-survey", headers: headers,
                                              body: ByteBuffer(string: F.file(F.londonRows[0], F.southEastRow)))
            let inside = try await team.send(.POST, "/api/v1/register/gmc-survey", headers: headers,
                                             body: ByteBuffer(string: F.file(F.londonRows[0], F.londonRows[2])))
            // validate
            #expect(outside.status == .badRequest)
            #expect(outside.body.string.contains("organisation \\\"T010\\\" (region SE) is outside the organisations you may import results for"))
            #expect(inside.status == .ok && inside.body.string.contains("\"imported\":2"))
            #expect(try await GMCSurveyResultRecord.query(on: app.db).count() == 2)
            // without the form token a session cannot post
            var bare = HTTPHeaders()
            bare.contentType = HTTPMediaType(type: "text", subType: "csv")
            let forged = try await team.send(.POST, "/api/v1/register/gmc-survey", headers: bare, body: ByteBuffer(string: F.file(F.southEastRow)))
            #expect(forged.status == .badRequest && forged.body.string.contains("This form has expired"))
        }
    }

    @Test("the public gets 401; provider leads, regulators and administrators 403; other bodies 415")
    func refusals() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let csv = F.file(F.londonRows[0])
            #expect(try await F.postCSV(app, csv, token: nil).status == .unauthorized)
            #expect(try await F.postCSV(app, csv, token: "eqt_not-a-token").status == .unauthorized)
            for role in [Role.providerEducationLead, .regulatorLiaison, .administrator, .learner, .educator] {
                let res = try await F.postCSV(app, csv, token: try await F.token(role, app))
                #expect(res.status == .forbidden, "\(role)")
                #expect(res.headers.contentType?.description.contains("problem+json") == true)
            }
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.bearerAuthorization = BearerAuthorization(token: try await F.token(.nationalQualityLead, app))
            let json = try await app.testing().sendRequest(.POST, "/api/v1/register/gmc-survey", headers: headers, body: ByteBuffer(string: "{}"))
            #expect(json.status == .unsupportedMediaType && json.body.string.contains("Send the file as text\\/csv"))
            #expect(try await GMCSurveyResultRecord.query(on: app.db).count() == 0)
        }
    }
}
