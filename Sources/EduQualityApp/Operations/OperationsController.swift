import Foundation
import Vapor

/// What the operations team's tools ask of each instance: `GET /health` (the process answers),
/// `GET /ready` (it can serve: see `Readiness`) and `GET /metrics` (Prometheus's text format,
/// only with `Authorization: Bearer` and the token in `METRICS_TOKEN`; without that setting the
/// route answers as an unknown page does). None of them reads a session or a cookie.
struct OperationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
        routes.get("ready", use: ready)
        routes.get("metrics", use: metrics)
    }

    struct Health: Content { let status: String }

    @Sendable func health(req: Request) async throws -> Response {
        try await Health(status: "ok").encodeResponse(status: .ok, headers: Self.noStore, for: req)
    }

    struct Ready: Encodable {
        let status: String
        let checks: [String: Readiness.Check]
    }

    /// Problem JSON (RFC 9457) naming the checks that failed, with every check beside it.
    struct NotReady: Encodable {
        var type = "about:blank"
        var title = "Not ready"
        var status = 503
        let detail: String
        let checks: [String: Readiness.Check]
    }

    @Sendable func ready(req: Request) async throws -> Response {
        let readiness = await Readiness.check(req.application)
        let checks = Dictionary(uniqueKeysWithValues: readiness.checks.map { ($0.name, $0) })
        guard readiness.isReady else {
            let detail = readiness.failed.map { "\($0.name): \($0.detail)" }.joined(separator: "; ")
            let response = Response(status: .serviceUnavailable, headers: Self.noStore)
            try response.content.encode(NotReady(detail: detail, checks: checks), using: Self.sortedJSON)
            response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
            return response
        }
        let response = Response(status: .ok, headers: Self.noStore)
        try response.content.encode(Ready(status: "ready", checks: checks), using: Self.sortedJSON)
        return response
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        guard let token = req.config.metricsToken else { throw Abort(.notFound) }
        guard let presented = req.headers.bearerAuthorization?.token, Self.same(presented, token) else {
            let response = Problem(title: "Please sign in", status: 401,
                                   detail: "Metrics need the token set in METRICS_TOKEN as a Bearer token.").response()
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
        await ServiceGauges.update(req.application)
        var headers = Self.noStore
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: req.application.serviceMetrics.exposition()))
    }

    static let noStore: HTTPHeaders = ["Cache-Control": "no-store"]

    static var sortedJSON: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Compares in time that does not depend on where the two differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
