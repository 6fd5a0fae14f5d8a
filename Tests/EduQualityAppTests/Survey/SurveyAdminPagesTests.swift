import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Survey administration pages")
struct SurveyAdminPagesTests {
    static func multipart(_ fields: [String: String], file: (name: String, filename: String, content: String)) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "eq-test-\(UUID().uuidString)"
        var body = ""
        for (k, v) in fields { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n" }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n\(file.content)\r\n--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return (headers, ByteBuffer(string: body))
    }

    @Test("rounds are created with field messages for bad input; only survey managers may")
    func rounds() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let lead = try await TestAccounts.browser(app, as: .nationalQualityLead)
            try await lead.get("/admin/survey")
            let bad = try await lead.post("/admin/survey/rounds", form: ["code": "bad code!", "opens": "2027-13-01", "closes": ""])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Enter the opening date as YYYY-MM-DD"))
            let ok = try await lead.post("/admin/survey/rounds", form: ["code": "nets-2027", "opens": "2027-09-01", "closes": "2027-11-30",
                                                                       "questionnaire": "core-2026"])
            #expect(ok.status == .created)
            #expect(try await app.surveyCatalog.round("NETS-2027")?.questionnaireVersion == "core-2026")
            #expect(try await TestAccounts.browser(app, as: .regionalQualityTeam).get("/admin/survey").status == .forbidden)
            #expect(try await TestBrowser(app).get("/admin/survey").status == .unauthorized)
        }
    }

    @Test("an uploaded questionnaire with problems lists every one by path")
    func questionnaireUpload() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/survey")
            let (headers, body) = Self.multipart([:], file: ("file", "broken.json", #"{"format": 1, "version": "x", "themes": []}"#))
            var h = headers
            h.add(name: "X-CSRF-Token", value: admin.csrfToken!)
            let res = try await admin.send(.POST, "/admin/survey/questionnaires", headers: h, body: body)
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("title"), "the missing title is named")
        }
    }

    @Test("an import uploaded on the page runs with progress and reports its outcome", arguments: TestDatabase.all)
    func importUpload(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let file = NSTemporaryDirectory() + "page-import-\(UUID().uuidString).csv"
            defer { try? FileManager.default.removeItem(atPath: file) }
            _ = try await ResponseImportCommandTests.prepare(app, rows: 300, file: file)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/admin/survey")
            let content = try String(contentsOfFile: file, encoding: .utf8)
            let (headers, body) = Self.multipart(["round": "NETS-2019"], file: ("file", "responses.csv", content))
            var h = headers
            h.add(name: "X-CSRF-Token", value: admin.csrfToken!)
            let started = try await admin.send(.POST, "/admin/survey/imports", headers: h, body: body)
            #expect(started.status == .seeOther)
            let location = try #require(started.headers.first(name: .location))
            var page = ""
            for _ in 0..<100 {
                page = try await admin.get(location).body.string
                if page.contains("Import finished") { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(page.contains("300 responses imported"))
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 300)
            // a spoilt file is rejected with line-numbered errors
            let spoilt = content.replacingOccurrences(of: ",T0", with: ",X0")
            let (h2, b2) = Self.multipart(["round": "NETS-2019"], file: ("file", "bad.csv", spoilt))
            var hh = h2
            hh.add(name: "X-CSRF-Token", value: admin.csrfToken!)
            let again = try await admin.send(.POST, "/admin/survey/imports", headers: hh, body: b2)
            let next = try #require(again.headers.first(name: .location))
            for _ in 0..<100 {
                page = try await admin.get(next).body.string
                if page.contains("Import finished") { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(page.contains("The file was rejected; nothing was imported"))
            #expect(page.contains("line 2: organisation:"))
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 300)
        }
    }

    @Test("an upload carries its form token as the form's first field, never in the address")
    func uploadTokenInBody() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let page = try await admin.get("/admin/survey").body.string
            #expect(!page.contains("_csrf="))
            let token = try #require(admin.csrfToken)
            let broken = #"{"format": 1, "version": "x", "themes": []}"#
            func upload(fields: [(String, String)], query: String = "") async throws -> TestingHTTPResponse {
                let boundary = "eq-test-\(UUID().uuidString)"
                var body = ""
                for (k, v) in fields { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n" }
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"q.json\"\r\nContent-Type: application/json\r\n\r\n\(broken)\r\n--\(boundary)--\r\n"
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                return try await admin.send(.POST, "/admin/survey/questionnaires" + query, headers: headers, body: ByteBuffer(string: body))
            }
            // MUT + validate: the token first in the body passes, and the upload is read
            let accepted = try await upload(fields: [("_csrf", token)])
            #expect(accepted.status == .badRequest && accepted.body.string.contains("title"))
            #expect(!accepted.body.string.contains("This form has expired"))
            // a token in the address, a wrong one, or none is refused
            for refused in [try await upload(fields: [], query: "?_csrf=\(token)"),
                            try await upload(fields: [("_csrf", "forged")]),
                            try await upload(fields: [])] {
                #expect(refused.status == .badRequest && refused.body.string.contains("This form has expired"))
            }
        }
    }
}
