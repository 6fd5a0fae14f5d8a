import EduQualityDomain
import Vapor

/// What every reporting page and export asks with: the published figures, the display names
/// and the disclosure threshold.
struct ReportContext {
    let access: ReportAccess
    let names: ReportNames
    let threshold: DisclosureThreshold

    static func load(_ req: Request) async throws -> ReportContext {
        try req.authorize(.viewSurveyReports)
        let access = try req.reportAccess()
        return ReportContext(access: access, names: try await ReportNames.load(req.db, engine: req.application.reportEngine),
                             threshold: req.config.disclosureThreshold)
    }

    var themes: [Theme] { access.store.scheme.themes }

    /// The indicators' names, as column headings.
    var columns: [String] { themes.map { names.indicator($0.code) } }

    func indicatorTable(_ p: ReportParameters) throws -> IndicatorTable {
        try access.indicatorTable(try p.query(threshold: threshold))
    }

    func itemDistributions(_ p: ReportParameters) throws -> ItemDistributionTable {
        try access.itemDistributions(try p.query(threshold: threshold))
    }

    func trends(_ p: ReportParameters, groupBy: ReportDimension? = nil) throws -> TrendTable {
        try access.trends(try p.trendQuery(rounds: access.rounds, groupBy: groupBy, threshold: threshold))
    }

    /// Group codes in the order of their names.
    func ordered(_ codes: some Sequence<String>, _ dimension: ReportDimension) -> [String] {
        codes.sorted { names.name($0, dimension).localizedStandardCompare(names.name($1, dimension)) == .orderedAscending }
    }
}

/// A server-drawn chart, for `#unsafeHTML` (every text in it is escaped by `SVG`).
struct ChartMarkup: Encodable {
    let svg: String
}
