import EduQualityDomain

/// The ranked table: one indicator's groups by mean score, hidden ones last.
enum RankingView {
    struct Row: Encodable { let position: Int; let label: String; let mean, ci, n, percentPositive, flag, flagLabel: String }

    static func rows(_ table: IndicatorTable, groupBy: ReportDimension, names: ReportNames) -> [Row] {
        let published = table.rows.filter { $0.mean != nil }.sorted { $0.mean! > $1.mean! }
        let ranked = published.enumerated().map { i, r in
            Row(position: i + 1, label: names.name(r.group, groupBy), mean: ReportFormat.score(r.mean!),
                ci: ReportFormat.interval(r.ciLow ?? 0, r.ciHigh ?? 0), n: String(r.n ?? 0),
                percentPositive: r.percentPositive.map(ReportFormat.percent) ?? "", flag: r.flag.rawValue,
                flagLabel: FlagPalette.style(r.flag).label)
        }
        let hidden = table.rows.filter { $0.mean == nil }.map {
            Row(position: 0, label: names.name($0.group, groupBy), mean: ReportFormat.notShown, ci: "", n: "", percentPositive: "",
                flag: OutlierFlag.suppressed.rawValue, flagLabel: FlagPalette.style(.suppressed).label)
        }
        return ranked + hidden
    }
}
