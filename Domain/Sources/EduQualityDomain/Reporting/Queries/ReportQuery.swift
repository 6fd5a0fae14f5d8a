/// A report table query: one round, any filters (dimension = code), one grouping.
public struct ReportQuery: Sendable, Hashable {
    public var round: String
    public var groupBy: ReportDimension
    public var filters: [ReportDimension: String]
    /// Theme codes to report, in this order; nil for every theme of the scheme.
    public var indicators: [String]?
    public var threshold: DisclosureThreshold

    public init(round: String, groupBy: ReportDimension = .national, filters: [ReportDimension: String] = [:],
                indicators: [String]? = nil, threshold: DisclosureThreshold = .standard) {
        self.round = round
        self.groupBy = groupBy
        self.filters = filters
        self.indicators = indicators
        self.threshold = threshold
    }

    /// From raw API parameters: `round`, `groupBy` (default national) and filters keyed by the
    /// dimensions' raw values. Codes are checked later, against the store.
    public init(round: String?, groupBy: String?, filters: [String: String], indicators: [String]? = nil,
                threshold: DisclosureThreshold = .standard) throws(ReportQueryError) {
        guard let round, !round.isEmpty else { throw .missingRound }
        self.init(round: round, groupBy: try ReportDimension(apiValue: groupBy ?? ReportDimension.national.rawValue),
                  filters: try Self.parseFilters(filters), indicators: indicators, threshold: threshold)
    }

    static func parseFilters(_ raw: [String: String]) throws(ReportQueryError) -> [ReportDimension: String] {
        var filters = [ReportDimension: String]()
        for (name, code) in raw { filters[try ReportDimension(apiValue: name)] = code }
        return filters
    }
}

extension ReportDimension {
    /// Parses an API value, throwing the error the API turns into a 400.
    public init(apiValue: String) throws(ReportQueryError) {
        guard let dimension = ReportDimension(rawValue: apiValue) else { throw .unknownDimension(apiValue) }
        self = dimension
    }
}

/// Why a report query cannot be answered; the API turns each into a 400 problem.
public enum ReportQueryError: Error, Equatable, Sendable {
    case missingRound
    case unknownRound(String)
    case unknownDimension(String)
    case unknownCode(dimension: ReportDimension, code: String)
    case unknownIndicator(String)
    case noRounds
}
