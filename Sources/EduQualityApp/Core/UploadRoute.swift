import Vapor

/// A route taking a file upload of up to `limit` bytes. The limit is kept on the route as well, for
/// `UploadLimitMiddleware` and the CSRF middleware, which read the body before the route does.
extension RoutesBuilder {
    @discardableResult
    func upload(_ path: PathComponent..., limit: ByteCount,
                use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: limit), use: closure)
        route.userInfo[UploadLimitKey.name] = limit.value
        return route
    }
}

private enum UploadLimitKey {
    static let name: AnySendableHashable = "eduquality.upload-limit"
}

extension Route {
    /// The upload limit of a route made with `upload`; nil for any other route.
    var uploadLimit: Int? { userInfo[UploadLimitKey.name] as? Int }
}

extension Request {
    /// The most this request's route takes in a body.
    var uploadLimit: Int { route?.uploadLimit ?? application.routes.defaultMaxBodySize.value }
}

extension Routes {
    /// The most any route takes in a body: what the server collects before a route is chosen.
    var largestBodyLimit: Int { max(defaultMaxBodySize.value, all.compactMap(\.uploadLimit).max() ?? 0) }
}

/// Refuses a body over its route's limit with a 413. The server hands the app each body whole
/// (`VaporRequestBridge`), and Vapor checks `body: .collect(maxSize:)` only on a body still
/// streaming in, so the limit is checked here, for every route, before anything reads the body.
struct UploadLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.bodyTooLarge || (request.body.data?.readableBytes ?? 0) > request.uploadLimit {
            throw Abort(.payloadTooLarge)
        }
        return try await next.respond(to: request)
    }
}
