import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Pages people notice")
struct SmallThingsTests {
    @Test("the sign-in page's link on a 401 comes back to the page asked for")
    func signInKeepsNext() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let b = TestBrowser(app)
            // MUT
            let page = try await b.get("/admin/survey?tab=rounds")
            // validate
            #expect(page.status == .unauthorized)
            let body = page.body.string
            let start = try #require(body.range(of: "href=\"/login?next="))
            let href = String(body[body.index(start.lowerBound, offsetBy: 6)...].prefix { $0 != "\"" })
            let login = try await b.get(href).body.string
            #expect(login.contains("name=\"next\" value=\"/admin/survey?tab=rounds\""))
        }
    }

    @Test("\"Add an organisation\" shows no empty code; editing one shows its code")
    func noEmptyCode() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let new = try await admin.get("/admin/organisations/new").body.string
            #expect(!new.contains("Code: <strong>"))
            #expect(try await admin.get("/admin/organisations/T001").body.string.contains("Code: <strong>T001</strong>"))
        }
    }

    @Test("links in notices are absolute: PUBLIC_URL, or this server on the loopback address")
    func absoluteNoticeLinks() async throws {
        try await withTestApp(.sqlite) { app in
            // setup: handlers to hear of new cases
            try await TestAccounts.createAll(on: app)
            // MUT
            let first = try await ConcernAPI.raise(app)
            app.storage[AppConfigKey.self]?.publicURL = "https://eduquality.example"
            let second = try await ConcernAPI.raise(app)
            // validate
            let messages = try await OutboxMessage.query(on: app.db).all()
            let firstBodies = messages.map(\.body).filter { $0.contains(first.reference) }
            let secondBodies = messages.map(\.body).filter { $0.contains(second.reference) }
            #expect(!firstBodies.isEmpty && !secondBodies.isEmpty)
            let port = app.http.server.configuration.port
            #expect(firstBodies.allSatisfy { $0.contains("http://127.0.0.1:\(port)/concerns/cases/\(first.reference)") })
            #expect(secondBodies.allSatisfy { $0.contains("https://eduquality.example/concerns/cases/\(second.reference)") })
        }
    }
}
