import Vapor

/// Logs method, path and status only. Never the client address, user agent, query string, cookies
/// or body: anonymous survey and concern routes must leave nothing identifying in the logs.
struct RequestLoggingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        let path = Self.loggablePath(request.url.path)
        let duration = String(format: "%.1f", ms)
        // The same again as fields for structured logs; plain text has them in the message already.
        let fields: Logger.Metadata? = request.logger.handler is JSONLogHandler ? [
            "method": .string(request.method.rawValue), "path": .string(path),
            "status": .stringConvertible(response.status.code), "ms": .string(duration),
        ] : nil
        request.logger.info("\(request.method.rawValue) \(path) \(response.status.code) \(duration)ms", metadata: fields)
        return response
    }

    /// Receipt and resume codes never travel in paths, but a mistyped one could, and a path can be
    /// kilobytes long: at most 120 characters, with the length of what was cut.
    static func loggablePath(_ path: String) -> String {
        LoggableText.bounded(path, limit: 120)
    }
}
