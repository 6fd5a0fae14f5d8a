import Foundation
@testable import EduQualityApp
import Vapor
import VaporTesting

/// A minimal browser for tests: keeps cookies between requests and sends forms with the CSRF
/// token taken from the last page it fetched.
final class TestBrowser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var lastBody = ""
    /// The form token of the last page that had a form.
    private(set) var csrfToken: String?

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a URL-encoded form; the CSRF token of the last page is added unless `csrf` is false.
    @discardableResult
    func post(_ path: String, form: [String: String], csrf: Bool = true) async throws -> TestingHTTPResponse {
        if csrf && csrfToken == nil { try await get("/login") }
        var fields = form
        if csrf { fields["_csrf"] = csrfToken }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a URL-encoded form whose fields may repeat (checkboxes), in the order given.
    @discardableResult
    func post(_ path: String, fields: [(String, String)]) async throws -> TestingHTTPResponse {
        if csrfToken == nil { try await get("/login") }
        let all = fields + [("_csrf", csrfToken ?? "")]
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    @discardableResult
    func sendJSON(_ method: HTTPMethod, _ path: String, json: String) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        h.contentType = .json
        return try await send(method, path, headers: h, body: ByteBuffer(string: json))
    }

    @discardableResult
    func postJSON(_ path: String, json: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var h = headers
        h.contentType = .json
        return try await send(.POST, path, headers: h, body: ByteBuffer(string: json))
    }

    func signIn(_ email: String, password: String) async throws {
        try await get("/login")
        let res = try await post("/login", form: ["email": email, "password": password])
        precondition(res.status == .seeOther, "sign-in failed for \(email): \(res.status)")
    }

    private static func token(in body: String) -> String? {
        guard let r = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(body[r.upperBound...].prefix { $0 != "\"" })
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var h = headers
        if !cookies.isEmpty {
            h.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: h, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if header.contains("Max-Age=0") || header.lowercased().contains("expires=thu, 01 jan 1970") {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = parts[1]
            }
        }
        if response.headers.contentType?.subType == "html" {
            lastBody = response.body.string
            if let token = Self.token(in: lastBody) { csrfToken = token }
        }
        return response
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
