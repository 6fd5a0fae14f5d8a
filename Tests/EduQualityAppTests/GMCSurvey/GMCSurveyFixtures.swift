import EduQualityDomain
import Fluent
import Foundation
@testable import EduQualityApp
import Vapor
import VaporTesting

enum GMCSurveyFixtures {
    static let header = "year,organisation,site,specialty,indicator,score,flag"

    /// A file of `rows` under the header.
    static func file(_ rows: String...) -> String { ([header] + rows).map { $0 + "\n" }.joined() }

    /// Two London results (T001, T002) and one in the South East (T010).
    static let londonRows = ["2026,T001,T001-01,acute-medicine,workload,48.5,red",
                             "2026,T001,,acute-medicine,overall-satisfaction,71,white",
                             "2026,T002,T002-01,paediatrics,teamwork,90.2,green"]
    static let southEastRow = "2026,T010,T010-01,anaesthetics,induction,62,pink"

    /// A personal API token for the test account of `role`.
    static func token(_ role: Role, _ app: Application) async throws -> String {
        let user = try await User.query(on: app.db).filter(\.$email == TestAccounts.email(role)).first()!
        let (token, hash) = APIToken.generate()
        try await APIToken(userID: user.id!, name: "test", tokenHash: hash).create(on: app.db)
        return token
    }

    static func postCSV(_ app: Application, _ csv: String, token: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv")
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        return try await app.testing().sendRequest(.POST, "/api/v1/register/gmc-survey", headers: headers, body: ByteBuffer(string: csv))
    }

    /// Uploads `csv` through the import page's multipart form, with the page's form token.
    static func upload(_ browser: TestBrowser, _ csv: String, dryRun: Bool = false) async throws -> TestingHTTPResponse {
        try await browser.get("/quality/gmc-survey")
        let boundary = "eq-test-boundary"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrfToken ?? "")\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gmc.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
        if dryRun { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\ntrue\r\n" }
        body += "--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await browser.send(.POST, "/quality/gmc-survey", headers: headers,
                                      body: ByteBuffer(string: body))
    }

    struct Problem: Decodable {
        struct LineError: Decodable, Equatable { let line: Int; let column, reason: String }
        let title, detail: String
        let status: Int
        let errors: [LineError]
    }

    struct Imported: Decodable, Equatable { let imported, skipped: Int }
}
