import Vapor

/// A route taking a file upload of up to `limit` bytes. The limit is kept on the route as well,
/// because the CSRF middleware reads the body (for its token) before the route does, and must
/// refuse a body over the route's limit exactly as the route would, with a 413.
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
