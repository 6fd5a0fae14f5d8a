import EduQualityDomain
import Fluent
import Foundation
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Two-step sign-in as a person does it: reads the key from the page, computes codes as an app
/// would, and keeps the recovery codes shown once.
enum TwoStepFixture {
    struct Enrolment {
        let secret: [UInt8]
        let secretText: String
        let recoveryCodes: [String]
        func code(at clock: TestClock) -> String { TOTP(secret: secret).code(at: Int64(clock.now.timeIntervalSince1970)) }
    }

    static func text(in body: String, after marker: String) -> String? {
        guard let r = body.range(of: marker) else { return nil }
        return String(body[r.upperBound...].prefix { $0 != "<" })
    }

    static func recoveryCodes(in body: String) -> [String] {
        guard let start = body.range(of: #"id="recovery-codes">"#), let end = body[start.upperBound...].range(of: "</ul>") else { return [] }
        return body[start.upperBound..<end.lowerBound].matches(of: try! Regex(#"<li>([^<]*)</li>"#))
            .compactMap { $0.output[1].substring.map(String.init) }
    }

    /// Turns two-step sign-in on for the browser's account.
    static func enrol(_ b: TestBrowser, clock: TestClock) async throws -> Enrolment {
        let page = try await b.get("/account/two-step")
        let shown = text(in: page.body.string, after: #"id="two-step-secret">"#) ?? ""
        let secret = Base32.decode(shown.replacingOccurrences(of: " ", with: "")) ?? []
        let code = TOTP(secret: secret).code(at: Int64(clock.now.timeIntervalSince1970))
        let done = try await b.post("/account/two-step", form: ["code": code])
        precondition(done.status == .ok, "enrolment failed: \(done.status)")
        return Enrolment(secret: secret, secretText: shown, recoveryCodes: recoveryCodes(in: done.body.string))
    }

    /// The password step; the answer's location says what comes next.
    static func password(_ b: TestBrowser, _ email: String, _ password: String = TestAccounts.password) async throws -> TestingHTTPResponse {
        try await b.get("/login")
        return try await b.post("/login", form: ["email": email, "password": password])
    }

    static func secondStep(_ b: TestBrowser, code: String) async throws -> TestingHTTPResponse {
        try await b.get("/login/two-step")
        return try await b.post("/login/two-step", form: ["code": code])
    }

    static func sessionCookie(_ b: TestBrowser) -> String? { b.cookies["eq_session"] }

    static func audit(_ app: Application) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).sort(\.$id).all()
    }

    /// Every word of every audit entry (and of those waiting for a batch), to search for secrets.
    static func auditText(_ app: Application) async throws -> String {
        let sealed = try await audit(app).map { [$0.actor, $0.action, $0.entityID, $0.beforeJSON ?? "", $0.afterJSON ?? ""].joined(separator: " ") }
        let pending = try await PendingAuditEvent.query(on: app.db).all()
            .map { [$0.actor, $0.action, $0.entityID, $0.beforeJSON ?? "", $0.afterJSON ?? ""].joined(separator: " ") }
        return (sealed + pending).joined(separator: "\n")
    }
}
