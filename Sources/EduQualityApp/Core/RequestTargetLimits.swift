import Vapor

/// Refuses request targets no page can have, before anything touches the disk: a path over 2,048
/// bytes or a query over 8,192 is 414 URI Too Long; a path with a control character once decoded
/// (`%00`, `%0A`…) names no file and no route, so it is 404. Browsers and links never send either,
/// and both would otherwise reach the file system as a file name. A query value that cannot be
/// stored (`StorableText`) is 400.
struct RequestTargetLimits: AsyncMiddleware {
    static let maxPathBytes = 2_048
    static let maxQueryBytes = 8_192
    static let tooLong = "The address is too long. Check the link, or start again from the home page."

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard path.utf8.count <= Self.maxPathBytes, (request.url.query?.utf8.count ?? 0) <= Self.maxQueryBytes else {
            throw Abort(.uriTooLong, reason: Self.tooLong)
        }
        if let decoded = path.removingPercentEncoding, decoded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw Abort(.notFound, reason: "There is no page at this address.")
        }
        if let query = request.url.query { try StorableText.check(StorableText.formFields(Substring(query))) }
        return try await next.respond(to: request)
    }
}

/// The public directory's files. A file-system error while looking a path up (a name too long, an
/// odd character) means there is no such file: it becomes a 404, never a 500 with the path in the
/// log. Errors from the routes behind it pass through untouched.
struct PublicFilesMiddleware: AsyncMiddleware {
    let files: FileMiddleware

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let reached = ReachedFlag()
        do {
            return try await files.respond(to: request, chainingTo: FlaggingResponder(next: next, reached: reached))
        } catch where !reached.value && !(error is any AbortError) {
            throw Abort(.notFound, reason: "There is no page at this address.")
        }
    }

    private final class ReachedFlag: @unchecked Sendable {
        // Set once, on the request's own task, before the routes run.
        var value = false
    }

    private struct FlaggingResponder: AsyncResponder {
        let next: any AsyncResponder
        let reached: ReachedFlag
        func respond(to request: Request) async throws -> Response {
            reached.value = true
            return try await next.respond(to: request)
        }
    }
}

/// Text from a request or an error, made safe to log: control characters replaced and the length
/// bounded, so unbounded input never reaches a log line whole.
enum LoggableText {
    static func bounded(_ text: String, limit: Int = 200) -> String {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit + 1).map {
            $0.properties.generalCategory == .control ? "?" : $0
        }))
        guard clean.unicodeScalars.count > limit else { return clean }
        return String(String.UnicodeScalarView(clean.unicodeScalars.prefix(limit))) + "…(\(text.utf8.count) bytes)"
    }
}
