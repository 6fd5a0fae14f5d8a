import EduQualityDomain

/// Each indicator's groups against the benchmark, as box plots (up to the 40 highest means).
enum BoxPlotsView {
    static func charts(_ table: IndicatorTable, groupBy: ReportDimension, _ c: ReportContext) -> [ChartMarkup] {
        c.themes.compactMap { theme in
            let rows = table.rows.filter { $0.indicator == theme.code && $0.mean != nil }
                .sorted { $0.mean! > $1.mean! }.prefix(40)
            guard !rows.isEmpty else { return nil }
            return ChartMarkup(svg: ReportCharts.boxPlot(indicator: c.names.indicator(theme.code),
                                                         rows: rows.map { (c.names.name($0.group, groupBy), $0) }))
        }
    }
}
