import EduQualityDomain
import Vapor

/// A report's parameters as they arrive in a URL: `round`, `groupBy`, and any dimension as a
/// filter (`profession=student-nurse&region=LDN`). Shared by the API, the pages and the exports,
/// so a shared link and an export ask exactly the same question.
struct ReportParameters: Sendable {
    var round: String?
    var groupBy: String?
    var filters: [String: String]
    var indicators: [String]?

    static let reserved: Set<String> = ["round", "groupBy", "indicator", "view", "page", "rounds", "format"]

    init(_ req: Request) {
        let items = URLComponents(string: req.url.string)?.queryItems ?? []
        var filters: [String: String] = [:]
        var round: String?, groupBy: String?, indicators: [String]?
        for item in items {
            let value = (item.value ?? "").trimmingWhitespace
            switch item.name {
            case "round": round = value.isEmpty ? nil : value
            case "groupBy": groupBy = value.isEmpty ? nil : value
            case "indicator": if !value.isEmpty { indicators = (indicators ?? []) + [value] }
            case let name where Self.reserved.contains(name) || name.hasPrefix("_"): break
            default: if !value.isEmpty { filters[item.name] = value }
            }
        }
        self.round = round
        self.groupBy = groupBy
        self.filters = filters
        self.indicators = indicators
    }

    func query(threshold: DisclosureThreshold) throws -> ReportQuery {
        do {
            return try ReportQuery(round: round, groupBy: groupBy, filters: filters, indicators: indicators, threshold: threshold)
        } catch {
            throw ReportErrors.appError(error)
        }
    }

    /// The same question across rounds, for the API's and the pages' trends: grouped by
    /// `groupBy`, or by the URL's `groupBy` (default national).
    func trendQuery(rounds: [String], groupBy: ReportDimension? = nil, threshold: DisclosureThreshold) throws -> TrendQuery {
        let groupBy = try groupBy ?? Self.dimension(self.groupBy ?? ReportDimension.national.rawValue)
        var dimensions: [ReportDimension: String] = [:]
        for (name, code) in filters { dimensions[try Self.dimension(name)] = code }
        return TrendQuery(rounds: rounds, groupBy: groupBy, filters: dimensions, indicators: indicators, threshold: threshold)
    }

    /// A dimension named in a URL; an unknown name is a 400.
    static func dimension(_ name: String) throws -> ReportDimension {
        try ReportErrors.run { () throws(ReportQueryError) in try ReportDimension(apiValue: name) }
    }
}

enum ReportErrors {
    /// Every reporting query error is the asker's: a 400 with what to fix.
    static func appError(_ error: ReportQueryError) -> AppError {
        let dimensions = ReportDimension.allCases.map(\.rawValue).joined(separator: ", ")
        return switch error {
        case .missingRound: .badRequest("round: give the survey round, e.g. round=NETS-2026")
        case .unknownRound(let code): .badRequest("round: there is no survey round \"\(code)\"")
        case .unknownDimension(let name): .badRequest("\(name): not a report dimension; use one of \(dimensions)")
        case .unknownCode(let dimension, let code): .badRequest("\(dimension.rawValue): unknown code \"\(code)\"")
        case .unknownIndicator(let code): .badRequest("indicator: unknown indicator \"\(code)\"")
        case .noRounds: .badRequest("rounds: give at least one survey round")
        }
    }

    static func run<T>(_ body: () throws(ReportQueryError) -> T) throws -> T {
        do { return try body() } catch { throw appError(error) }
    }
}

/// The published figures: the store, the published rounds, and the histories of rounds published
/// more than once. Every page, export and API answer asks it which round to show and runs its
/// queries through it, so none can reach an unpublished round by naming it, and a re-published
/// round always goes through its history.
struct ReportAccess {
    let store: ScoredResponseStore
    /// Oldest first.
    let rounds: [String]
    let histories: [String: RoundHistory]

    /// The round to show: the one asked for if it is published, else the latest published one.
    func round(_ requested: String?) throws -> String? {
        guard let requested else { return rounds.last }
        try check(requested)
        return requested
    }

    /// Refuses a round without published figures: 404 when it exists, 400 (as for any unknown
    /// code) when there is no such round.
    func check(_ round: String) throws {
        guard !rounds.contains(round) else { return }
        guard store.roundCodesInOrder.contains(round) else { throw ReportErrors.appError(.unknownRound(round)) }
        throw AppError.notFound(
            "Round \(round) has no published figures yet: results appear once the round has closed and been published.")
    }

    /// The same questions about a round with no published figures, asked of a store without any
    /// responses: the codes asked about are still checked, and no figure can come out.
    func unpublishedIndicatorTable(_ query: ReportQuery) throws -> IndicatorTable {
        try ReportErrors.run { () throws(ReportQueryError) in try store.keepingRounds([]).indicatorTable(query) }
    }

    func unpublishedItemDistributions(_ query: ReportQuery) throws -> ItemDistributionTable {
        try ReportErrors.run { () throws(ReportQueryError) in try store.keepingRounds([]).itemDistributions(query) }
    }

    func indicatorTable(_ query: ReportQuery) throws -> IndicatorTable {
        try check(query.round)
        return try ReportErrors.run { () throws(ReportQueryError) in
            if let history = histories[query.round] { return try history.indicatorTable(query) }
            return try store.indicatorTable(query)
        }
    }

    func itemDistributions(_ query: ReportQuery) throws -> ItemDistributionTable {
        try check(query.round)
        return try ReportErrors.run { () throws(ReportQueryError) in
            if let history = histories[query.round] { return try history.itemDistributions(query) }
            return try store.itemDistributions(query)
        }
    }

    func trends(_ query: TrendQuery) throws -> TrendTable {
        for round in query.rounds { try check(round) }
        return try ReportErrors.run { () throws(ReportQueryError) in try store.trends(query, histories: histories) }
    }
}

extension Request {
    func reportAccess() throws -> ReportAccess {
        let (store, rounds, histories) = try reportEngine().snapshot
        return ReportAccess(store: store, rounds: rounds, histories: histories)
    }
}
