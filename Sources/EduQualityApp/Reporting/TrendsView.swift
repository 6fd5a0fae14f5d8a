import EduQualityDomain

/// Each indicator across survey rounds: a chart per series and the same figures as a table.
enum TrendsView {
    struct Row: Encodable { let indicator, round, mean, ci, n, change: String }

    static func charts(_ table: TrendTable, names: ReportNames) -> [ChartMarkup] {
        table.series.map { ChartMarkup(svg: ReportCharts.trend(indicator: names.indicator($0.indicator), series: $0)) }
    }

    static func rows(_ table: TrendTable, names: ReportNames) -> [Row] {
        table.series.flatMap { series in
            series.points.map { point in
                Row(indicator: names.indicator(series.indicator), round: point.round,
                    mean: point.mean.map(ReportFormat.score) ?? ReportFormat.notShown,
                    ci: point.ciLow.map { ReportFormat.interval($0, point.ciHigh ?? $0) } ?? "",
                    n: point.mean == nil ? ReportFormat.notShown : point.n.map(String.init) ?? "",
                    change: point.change.map(ReportFormat.change) ?? "")
            }
        }
    }
}
