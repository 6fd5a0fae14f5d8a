import EduQualityDomain
import Vapor

/// One page per profession (by region) or per region (by organisation): headline figures,
/// flags and trends, made to print (`reports/print.leaf`).
struct PrintReportPage: Encodable {
    let layout: Layout
    let subject: String
    let kind: String
    let round: String
    let headline: [ReportHeadline]
    /// False on a professional report: its headline is the profession nationally, the benchmark itself.
    let headlineFlags: Bool
    let columns: [String]
    let grid: [FlagGridView.Row]
    let groupLabel: String
    let trends: [ChartMarkup]
    let toolHref: String
    let threshold: Int
    let legend = FlagPalette.legend

    static func build(_ req: Request, _ c: ReportContext, dimension: ReportDimension, groupBy: ReportDimension) throws -> PrintReportPage {
        let code = req.parameters.get("code") ?? ""
        guard c.names.byDimension[dimension]?[code] != nil else {
            throw AppError.notFound("There is no \(ReportNames.label(dimension).lowercased()) with the code \(code)")
        }
        guard let round = try c.access.round(req.query[String.self, at: "round"]) else {
            throw AppError.notFound("There are no published survey results yet")
        }
        var p = ReportParameters(req)
        p.round = round
        p.filters = [dimension.rawValue: code]
        p.groupBy = ReportDimension.national.rawValue
        let headlineTable = try c.indicatorTable(p)
        let headline = ReportHeadline.rows(headlineTable, names: c.names)
        p.groupBy = groupBy.rawValue
        let grid = FlagGridView.rows(try c.indicatorTable(p), groupBy: groupBy, c)
        let subject = c.names.name(code, dimension)
        return PrintReportPage(
            layout: req.layout(title: "\(subject): survey report \(round)"), subject: subject,
            kind: dimension == .profession ? "Professional report" : "Regional report", round: round, headline: headline,
            headlineFlags: !headlineTable.isItsOwnBenchmark,
            columns: c.columns, grid: grid, groupLabel: ReportNames.label(groupBy),
            trends: TrendsView.charts(try c.trends(p, groupBy: .national), names: c.names),
            toolHref: "/reports?" + ReportToolPage.query(p, view: .grid), threshold: c.threshold.value)
    }
}
