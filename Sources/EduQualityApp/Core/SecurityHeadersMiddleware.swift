import Vapor

/// Security headers on every response: nothing from other origins, no inline script or style
/// (no `unsafe-inline`: templates use classes and `/js/app.js`, charts and QR codes are SVG
/// without style attributes), no framing, no referrer, and HSTS when the service is on https.
/// Pages with personal or case data are also kept out of caches.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let strictTransportSecurityValue = "max-age=31536000; includeSubDomains"
    var strictTransportSecurity = false

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
        "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        var headers = response.headers
        Self.secure(&headers, staticAsset: Self.isStaticAsset(request.url.path), strictTransportSecurity: strictTransportSecurity)
        response.headers = headers
        return response
    }

    /// Adds the headers; also used by the server for the answers it gives without the app.
    static func secure(_ headers: inout HTTPHeaders, staticAsset: Bool, strictTransportSecurity: Bool = false) {
        let cached = headers.first(name: .cacheControl) != nil
        headers.replaceOrAdd(name: "Content-Security-Policy", value: contentSecurityPolicy)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        headers.replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
        headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        if strictTransportSecurity {
            headers.replaceOrAdd(name: "Strict-Transport-Security", value: strictTransportSecurityValue)
        }
        if !staticAsset, !cached {
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
    }

    static func isStaticAsset(_ path: String) -> Bool {
        path.hasPrefix("/nhsuk/") || path.hasPrefix("/css/") || path.hasPrefix("/js/") || path == "/favicon.ico"
    }
}
