import Vapor

/// Cross-site request forgery protection for every form, without server state and without
/// identifying anyone (anonymous forms need it too): a random nonce in a SameSite=Strict,
/// HttpOnly cookie, and in each form the HMAC of that nonce under the server's form secret.
/// JSON requests are exempt: browsers cannot send them cross-origin without CORS, which we never
/// allow. API requests without a session cookie, or with a bearer token, are exempt too: the
/// token, not a cookie, says who sends them (the session is then ignored), so a request forged
/// from another site carries no authority, and one with no credentials is simply a 401. Multipart
/// uploads carry the token as their first field (`MultipartLeadingField`), read within the route's
/// own upload limit (`RoutesBuilder.upload`); scripts may send `X-CSRF-Token`. Never in the
/// address, where it would reach logs and other sites' `Referer`.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "eq_csrf"
    static let fieldName = "_csrf"
    let secret: [UInt8]
    let secureCookies: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = request.cookies[Self.cookieName].map(\.string).flatMap { $0.count == 43 ? $0 : nil }
        let nonce = existing ?? Self.newNonce()
        request.storage[CSRFTokenKey.self] = token(for: nonce)

        if ![.GET, .HEAD, .OPTIONS].contains(request.method) && !isJSON(request) && !carriesNoSession(request) {
            guard existing != nil, let sent = try await sentToken(request),
                  constantTimeEqual(sent, token(for: nonce)) else {
                throw AppError.forbiddenForm
            }
        }
        let response = try await next.respond(to: request)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: nonce, path: "/", isSecure: secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    private func isJSON(_ request: Request) -> Bool {
        request.headers.contentType?.subType == "json" || request.headers.contentType?.subType == "problem+json"
    }

    private func carriesNoSession(_ request: Request) -> Bool {
        request.url.path.hasPrefix("/api/") && (request.headers.bearerAuthorization != nil
            || request.cookies[request.application.sessions.configuration.cookieName] == nil)
    }

    private func sentToken(_ request: Request) async throws -> String? {
        if let header = request.headers.first(name: "X-CSRF-Token") { return header }
        if let type = request.headers.contentType, type.type == "multipart", type.subType == "form-data" {
            let boundary = (type.parameters["boundary"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard let body = try await request.body.collect(max: request.uploadLimit).get() else { return nil }
            return MultipartLeadingField.value(named: Self.fieldName, in: body, boundary: boundary)
        }
        guard request.headers.contentType == .urlEncodedForm else { return nil }
        _ = try await request.body.collect(max: 1 << 20).get()
        do {
            return try request.content.get(String.self, at: Self.fieldName)
        } catch let refused as AppError {
            // Text that cannot be stored (`StorableText`) is refused with its own message.
            throw refused
        } catch {
            return nil
        }
    }

    func token(for nonce: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(nonce.utf8), using: SymmetricKey(data: secret))
        return Data(mac).base64URLEncodedString()
    }

    static func newNonce() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        return Data(bytes).base64URLEncodedString()
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

enum CSRFTokenKey: StorageKey { typealias Value = String }

extension Request {
    /// The token to put in this response's forms.
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }
}

extension AppError {
    static let forbiddenForm = AppError.badRequest(
        "This form has expired or was not sent from this service. Go back, reload the page and try again.")
}

extension Data {
    func base64URLEncodedString() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
