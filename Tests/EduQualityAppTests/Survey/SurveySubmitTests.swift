import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Sending a whole survey in one form")
struct SurveySubmitTests {
    static let round = "NETS-OPEN"

    @Test("one POST with every field stores one response with its comments", arguments: TestDatabase.all)
    func oneRequest(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            // MUT
            let status = try await b.post("/survey/\(Self.round)/submit",
                                          SurveyAnswersFixture.wholeSurvey(comment: "Great teaching on ward rounds."))
            // validate
            #expect(status == .created)
            #expect(b.body.contains("completion-code"))
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 1)
            let comments = try await SurveyCommentRecord.query(on: app.db).all()
            #expect(comments.map(\.text) == ["Great teaching on ward rounds."])
            #expect(comments.first?.triageStatus == "not-for-triage")
        }
    }

    @Test("an invalid whole survey is refused with every problem listed on the check page", arguments: TestDatabase.all)
    func invalid(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            var form = SurveyAnswersFixture.wholeSurvey(profession: "student-nurse").filter { $0.0 != "organisation" }
            form.append(("MED1", "3"))
            #expect(try await b.post("/survey/\(Self.round)/submit", form) == .badRequest)
            #expect(b.body.contains("Choose the organisation that provided your placement."))
            #expect(b.body.contains("nhsuk-error-summary"))
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 0)
            form.append(("organisation", "T001"))
            #expect(try await b.post("/survey/\(Self.round)/submit", form) == .badRequest)
            #expect(b.body.contains("This question is not asked of your profession; leave it blank."))
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("concurrent submissions are all stored, none lost", arguments: TestDatabase.all)
    func concurrent(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            let b = SurveyBrowser(app)
            try await b.get("/survey/resume")
            let token = try #require(b.csrf)
            let cookie = b.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let body = (SurveyAnswersFixture.wholeSurvey() + [("_csrf", token)])
                .map { "\(TestBrowser.encode($0.0))=\(TestBrowser.encode($0.1))" }.joined(separator: "&")
            // MUT
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<60 {
                    group.addTask {
                        var headers = HTTPHeaders()
                        headers.contentType = .urlEncodedForm
                        headers.add(name: .cookie, value: cookie)
                        return try await app.testing().sendRequest(.POST, "/survey/\(Self.round)/submit", headers: headers,
                                                                   body: ByteBuffer(string: body)).status.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // validate
            #expect(statuses.allSatisfy { $0 == 201 })
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 60)
            #expect(try await SurveyCommentRecord.query(on: app.db).count() == 60)
        }
    }

    @Test("form bodies are read as browsers send them")
    func formParsing() {
        let body = "a=1&b=two+words&c=caf%C3%A9%20%26%20more&empty=&noValue&a=3&%=bad%zz&d=%E2%80%9Cquoted%E2%80%9D"
        let fields = SurveyFormBody.parse(Array(body.utf8))
        #expect(fields["a"] == "3", "the last of a repeated name")
        #expect(fields["b"] == "two words")
        #expect(fields["c"] == "café & more")
        #expect(fields["empty"] == "" && fields["noValue"] == "")
        #expect(fields["%"] == "bad%zz", "malformed escapes are kept as typed")
        #expect(fields["d"] == "“quoted”")
        #expect(SurveyFormBody.parse(Array("".utf8)).isEmpty)
    }

    @Test("every survey page is open to the public and to every role", arguments: TestDatabase.all)
    func routesArePublic(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await SurveyTestRounds.open(app)
            try await TestAccounts.createAll(on: app)
            let routes: [(HTTPMethod, String)] = [
                (.GET, "/survey"), (.GET, "/survey/resume"), (.POST, "/survey/resume"),
                (.GET, "/survey/\(Self.round)/start"), (.GET, "/survey/\(Self.round)/questions"),
                (.POST, "/survey/\(Self.round)/questions"), (.POST, "/survey/\(Self.round)/go"),
                (.POST, "/survey/\(Self.round)/submit"),
            ]
            let registered = Set(app.routes.all.map { "\($0.method) /" + $0.path.map(\.description).joined(separator: "/") }
                .filter { $0.contains(" /survey") })
            #expect(registered.count == routes.count, "\(registered)")
            var browsers = [("public", TestBrowser(app))]
            for role in Role.allCases { browsers.append((role.rawValue, try await TestAccounts.browser(app, as: role))) }
            for (who, browser) in browsers {
                for (method, path) in routes {
                    let status: UInt
                    if method == .GET {
                        status = try await browser.get(path).status.code
                    } else {
                        try await browser.get("/survey/resume")
                        status = try await browser.post(path, form: ["page": "1"]).status.code
                    }
                    #expect(status != 401 && status != 403 && status < 500, "\(who) \(method) \(path) → \(status)")
                }
            }
        }
    }
}
