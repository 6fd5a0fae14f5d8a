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
        try await Self.answer(req) { access, query, published in
            try published ? access.indicatorTable(query) : access.unpublishedIndicatorTable(query)
        }
    }

    @Sendable func items(req: Request) async throws -> Response {
        try await Self.answer(req) { access, query, published in
            try published ? access.itemDistributions(query) : access.unpublishedItemDistributions(query)
        }
    }

    /// One round's table as JSON, saying whether the round is published.
    private static func answer<Table: Encodable>(
        _ req: Request, _ table: (ReportAccess, ReportQuery, Bool) throws -> Table
    ) async throws -> Response {
        try req.authorize(.viewSurveyReports)
        let query = try ReportParameters(req).query(threshold: req.config.disclosureThreshold)
        let (access, published) = try await access(for: query.round, req)
        return try json(Answer(table: table(access, query, published), published: published))
    }

    /// `rounds=A,B,C` in order (default: every published round, oldest first). Rounds not
    /// published yet are left out and named in `unpublishedRounds`.
    @Sendable func trends(req: Request) async throws -> Response {
        try req.authorize(.viewSurveyReports)
        let p = ReportParameters(req)
        var access = try req.reportAccess()
        let asked = (req.query[String.self, at: "rounds"]).map { $0.split(separator: ",").map { String($0).trimmingWhitespace } }
        var unpublished: [String] = []
        for round in asked ?? [] where !access.rounds.contains(round) {
            (access, _) = try await Self.access(for: round, req)
            unpublished.append(round)
        }
        let rounds = (asked ?? access.rounds).filter(access.rounds.contains)
        guard !rounds.isEmpty || asked == nil || !unpublished.isEmpty else { throw ReportErrors.appError(.noRounds) }
        let query = try p.trendQuery(rounds: rounds, threshold: req.config.disclosureThreshold)
        let table = rounds.isEmpty ? nil : try access.trends(query)
        return try Self.json(TrendAnswer(table: table, query: query, unpublishedRounds: unpublished))
    }

    /// The published figures, once the engine knows the round: a round stored by another process
    /// a moment ago is picked up at once rather than answered as unknown. Whether it is published.
    static func access(for round: String, _ req: Request) async throws -> (ReportAccess, published: Bool) {
        var access = try req.reportAccess()
        if !access.store.roundCodesInOrder.contains(round) {
            guard try await req.surveyCatalog.roundRecord(round) != nil else { throw ReportErrors.appError(.unknownRound(round)) }
            try await req.reportEngine().refresh(db: req.db, catalog: req.surveyCatalog)
            access = try req.reportAccess()
        }
        return (access, access.rounds.contains(round))
    }

    /// A report answer, with whether its round's figures are published (`false`: no rows yet).
    struct Answer<Table: Encodable>: Encodable {
        let table: Table
        let published: Bool
        enum Key: String, CodingKey { case published }
        func encode(to encoder: any Encoder) throws {
            try table.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(published, forKey: .published)
        }
    }

    /// Trends, naming the requested rounds that have no published figures yet.
    struct TrendAnswer: Encodable {
        let table: TrendTable?
        let query: TrendQuery
        let unpublishedRounds: [String]
        enum Key: String, CodingKey { case rounds, groupBy, filters, threshold, series, unpublishedRounds }
        func encode(to encoder: any Encoder) throws {
            if let table { try table.encode(to: encoder) }
            var container = encoder.container(keyedBy: Key.self)
            if table == nil {
                try container.encode(query.rounds, forKey: .rounds)
                try container.encode(query.groupBy, forKey: .groupBy)
                try container.encode(Dictionary(uniqueKeysWithValues: query.filters.map { ($0.key.rawValue, $0.value) }), forKey: .filters)
                try container.encode(query.threshold.value, forKey: .threshold)
                try container.encode([TrendSeries](), forKey: .series)
            }
            try container.encode(unpublishedRounds, forKey: .unpublishedRounds)
        }
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
