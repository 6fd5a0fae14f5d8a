import EduQualityDomain
import Vapor

/// A view of the reporting tool as CSV: the same parameters and the same disclosure control as
/// the page and the API, numbers unrounded, hidden figures empty. The columns are pinned.
enum ReportExport {
    static func csv(_ view: ReportToolView, _ p: ReportParameters, _ c: ReportContext) throws -> String {
        var text = ""
        func line(_ fields: [String]) { text += SpreadsheetCSV.line(fields) }
        func num(_ v: Double?) -> String { v.map { String($0) } ?? "" }
        func count(_ n: Int?) -> String { n.map(String.init) ?? "" }
        switch view {
        case .grid, .ranking, .boxplots:
            let table = try c.indicatorTable(p)
            line(["round", "group_by", "group", "group_name", "indicator", "flag", "n", "mean", "sd", "ci_low", "ci_high",
                  "percent_positive", "benchmark_n", "benchmark_mean", "benchmark_q1", "benchmark_q3", "benchmark_ci_low", "benchmark_ci_high"])
            for r in table.rows {
                let b = r.benchmark
                line([table.round, table.groupBy.rawValue, r.group, c.names.name(r.group, table.groupBy), r.indicator, r.flag.rawValue,
                      count(r.n), num(r.mean), num(r.sd), num(r.ciLow), num(r.ciHigh), num(r.percentPositive),
                      count(b?.n), num(b?.mean), num(b?.q1), num(b?.q3), num(b?.ciLow), num(b?.ciHigh)])
            }
        case .items:
            let table = try c.itemDistributions(p)
            let width = table.rows.compactMap { $0.rankCounts?.count }.max() ?? 5
            line(["round", "group_by", "group", "indicator", "item", "n"] + (1...width).map { "rank_\($0)" } + ["not_applicable", "percent_positive"])
            for r in table.rows {
                let counts = (r.rankCounts ?? []).map(String.init)
                line([table.round, table.groupBy.rawValue, r.group, r.indicator, r.item, count(r.n)]
                     + counts + Array(repeating: "", count: width - counts.count) + [count(r.notApplicable), num(r.percentPositive)])
            }
        case .trends:
            let table = try c.trends(p)
            line(["group_by", "group", "indicator", "round", "flag", "n", "mean", "ci_low", "ci_high", "change", "p", "significant"])
            for s in table.series {
                for pt in s.points {
                    line([table.groupBy.rawValue, s.group, s.indicator, pt.round, pt.flag.rawValue, count(pt.n),
                          num(pt.mean), num(pt.ciLow), num(pt.ciHigh), num(pt.change?.difference), num(pt.change?.p),
                          pt.change.map { String($0.significant) } ?? ""])
                }
            }
        }
        return text
    }

    static func response(_ req: Request, _ c: ReportContext) throws -> Response {
        var p = ReportParameters(req)
        p.round = try c.access.round(p.round)
        let view = ReportToolView(req)
        return .csvAttachment(try csv(view, p, c), filename: "survey-\(view.rawValue)-\(p.round ?? "all").csv")
    }
}
