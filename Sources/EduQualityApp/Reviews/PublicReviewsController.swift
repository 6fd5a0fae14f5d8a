import EduQualityDomain
import Fluent
import Vapor

/// The published review reports, open to everyone: `/reviews` (search by words, provider, region,
/// review type, profession, standard and final-report dates; newest first; paginated),
/// `/reviews/ID` (the report as last published, `?version=N` for an earlier one, with the change
/// history), `/reviews/providers/CODE` (a provider's reports), `/reviews/feed.atom`, and the API's
/// `GET /api/v1/review-reports[?q&organisation&region&type&profession&standard&from&to&page]` and
/// `GET /api/v1/review-reports/ID`. Only published versions are read here: nothing in draft, at
/// factual accuracy or final is reachable.
struct PublicReviewsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reviews", use: index)
        routes.get("reviews", "feed.atom", use: feed)
        routes.get("reviews", "providers", ":code", use: provider)
        routes.get("reviews", ":id", use: report)
        routes.get("api", "v1", "review-reports", use: apiList)
        routes.get("api", "v1", "review-reports", ":id", use: apiShow)
    }

    static func query(_ req: Request) throws -> ReviewReportQuery {
        func day(_ name: String) throws -> CalendarDay? {
            guard let text = FormProblems.clean(req.query[String.self, at: name]) else { return nil }
            guard let day = CalendarDay(iso: text) else { throw AppError.badRequest("\(name) must be a date, as YYYY-MM-DD") }
            return day
        }
        let words = req.query[String.self, at: "q"]
        if let words, words.count > ReviewReportQuery.maxWords {
            throw AppError.badRequest("q must be \(ReviewReportQuery.maxWords) characters or fewer")
        }
        return ReviewReportQuery(words: words, organisation: req.query[String.self, at: "organisation"],
                                 region: req.query[String.self, at: "region"], type: req.query[String.self, at: "type"],
                                 profession: req.query[String.self, at: "profession"], standard: req.query[String.self, at: "standard"],
                                 from: try day("from"), to: try day("to"))
    }

    @Sendable func index(req: Request) async throws -> View {
        try req.authorize(.viewPublicInformation)
        let query = try Self.query(req)
        let all = try await ReviewPublication.latest(on: req.db)
        let results = query.results(all)
        let number = try req.pageNumber()
        let slice = Array(results[Pagination.range(number).clamped(to: results.indices)])
        return try await req.view.render("reviews/index", ReviewIndexPage.build(req, query: query, all: all, results: slice,
                                                                              total: results.count, number: number))
    }

    @Sendable func provider(req: Request) async throws -> View {
        try req.authorize(.viewPublicInformation)
        let code = (req.parameters.get("code") ?? "").uppercased()
        guard let organisation = try await Organisation.query(on: req.db).filter(\.$code == code).first() else {
            throw AppError.notFound("There is no provider \(code)")
        }
        let reports = ReviewReportQuery(organisation: code).results(try await ReviewPublication.latest(on: req.db))
        return try await req.view.render("reviews/provider", ReviewIndexPage.build(
            req, query: ReviewReportQuery(organisation: code), all: reports, results: reports, total: reports.count,
            number: 1, title: "Review reports: \(organisation.name)"))
    }

    /// The versions of a published report, newest last; 404 when none is published.
    static func published(_ id: String, _ req: Request) async throws -> [ReviewReportVersionRecord] {
        let versions = try await ReviewPublication.versions(of: id, on: req.db)
        guard !versions.isEmpty else { throw AppError.notFound("There is no published review report \(id)") }
        return versions
    }

    /// Requirement statuses as they are now, by reference.
    static func live(_ record: ReviewReportVersionRecord, _ req: Request) async throws -> [String: Requirement] {
        let rows = try await RequirementRecord.query(on: req.db).filter(\.$reviewID == record.reviewID).all()
        return Dictionary(rows.compactMap { $0.requirement.map { ($0.reference, $0) } }) { a, _ in a }
    }

    @Sendable func report(req: Request) async throws -> View {
        try req.authorize(.viewPublicInformation)
        let versions = try await Self.published(req.parameters.get("id") ?? "", req)
        var chosen = versions.last!
        if let raw = req.query[String.self, at: "version"] {
            guard let n = Int(raw), let match = versions.first(where: { $0.version == n }) else {
                throw AppError.notFound("This report has no version \(raw)")
            }
            chosen = match
        }
        guard let snapshot = chosen.snapshot else { throw AppError.notFound("This report cannot be read") }
        return try await req.view.render("reviews/report", ReviewReportPage.build(
            req, snapshot: snapshot, live: try await Self.live(chosen, req), versions: versions, latest: versions.last!.version))
    }

    @Sendable func feed(req: Request) async throws -> Response {
        try req.authorize(.viewPublicInformation)
        let reports = ReviewReportQuery().results(try await ReviewPublication.latest(on: req.db)).prefix(50)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: ReviewAtomFeed.xml(Array(reports), site: req.application.siteURL)))
    }

    struct ReportList: Content { let items: [ReviewDTO.PublishedReport]; let total: Int; let page: Int }

    @Sendable func apiList(req: Request) async throws -> ReportList {
        let query = try Self.query(req)
        let results = query.results(try await ReviewPublication.latest(on: req.db))
        let number = try req.pageNumber()
        let rule = req.reviewSettings.rules.rag
        return ReportList(items: results[Pagination.range(number).clamped(to: results.indices)]
                            .map { ReviewDTO.published($0, live: nil, versions: nil, rule: rule) },
                          total: results.count, page: number)
    }

    @Sendable func apiShow(req: Request) async throws -> ReviewDTO.PublishedReport {
        let versions = try await Self.published(req.parameters.get("id") ?? "", req)
        guard let snapshot = versions.last!.snapshot else { throw AppError.notFound("This report cannot be read") }
        return ReviewDTO.published(snapshot, live: try await Self.live(versions.last!, req),
                                   versions: versions.map { ReviewDTO.Version(version: $0.version, publishedOn: CalendarDay($0.publishedAt).iso, note: $0.note) },
                                   rule: req.reviewSettings.rules.rag)
    }
}
