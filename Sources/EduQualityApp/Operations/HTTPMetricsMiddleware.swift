import Vapor

/// Counts every answer and times it by route pattern (`/reviews/:id`, never `/reviews/42`),
/// method and status, for `ServiceMetrics`. Outermost but for the request log, so it sees the
/// status the error middleware chose.
struct HTTPMetricsMiddleware: AsyncMiddleware {
    /// Methods outside this list are counted as `other`, so that made-up ones cannot add labels.
    static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let method = Self.methods.contains(request.method.rawValue) ? request.method.rawValue : "other"
        do {
            let response = try await next.respond(to: request)
            request.application.serviceMetrics.request(method: method, route: Self.route(request), status: response.status.code,
                                                       duration: ContinuousClock.now - start)
            return response
        } catch {
            request.application.serviceMetrics.request(method: method, route: Self.route(request), status: 500,
                                                       duration: ContinuousClock.now - start)
            throw error
        }
    }

    static func route(_ request: Request) -> String {
        guard let route = request.route else { return "unrouted" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }
}
