import EduQualityDomain
import Vapor

/// The public reporting API: suppressed aggregates only, the same figures the pages and exports
/// show. `GET /api/v1/reports/indicators?round=CODE&groupBy=DIM[&DIM=CODE…]` (pinned shape),
/// `/items` (answer distributions and % positive) and `/trends` (across rounds).
struct ReportsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "reports")
        api.get("indicators", use: indicators)
        api.get("items", use: items)
        api.get("trends", use: trends)
    }

    @Sendable func indicators(req: Request) async throws -> Response {
        try req.authorize(.viewSurveyReports)
        let query = try ReportParameters(req).query(threshold: req.config.disclosureThreshold)
        let access = try req.reportAccess()
        return try Self.json(access.indicatorTable(query))
    }

    @Sendable func items(req: Request) async throws -> Response {
        try req.authorize(.viewSurveyReports)
        let query = try ReportParameters(req).query(threshold: req.config.disclosureThreshold)
        let access = try req.reportAccess()
        return try Self.json(access.itemDistributions(query))
    }

    /// `rounds=A,B,C` in order (default: every round the visitor may see, oldest first).
    @Sendable func trends(req: Request) async throws -> Response {
        try req.authorize(.viewSurveyReports)
        let p = ReportParameters(req)
        let access = try req.reportAccess()
        let rounds = (req.query[String.self, at: "rounds"]).map { $0.split(separator: ",").map { String($0).trimmingWhitespace } }
            ?? access.rounds
        let query = try p.trendQuery(rounds: rounds, threshold: req.config.disclosureThreshold)
        return try Self.json(access.trends(query))
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return e
    }()

    static func json(_ value: some Encodable) throws -> Response {
        let response = Response(status: .ok, body: .init(data: try encoder.encode(value)))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=5")
        return response
    }
}
