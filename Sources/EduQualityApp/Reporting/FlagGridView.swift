import EduQualityDomain

/// The flag grid: one row per group, one coloured cell per indicator. Shown by the tool and by
/// the printable reports.
enum FlagGridView {
    struct Cell: Encodable { let flag: String; let text: String; let title: String }
    struct Row: Encodable { let label: String; let cells: [Cell] }

    static func rows(_ table: IndicatorTable, groupBy: ReportDimension, _ c: ReportContext) -> [Row] {
        let byGroup = Dictionary(grouping: table.rows, by: \.group)
        return c.ordered(byGroup.keys, groupBy).map { group in
            Row(label: c.names.name(group, groupBy), cells: c.themes.map { theme in
                byGroup[group]!.first { $0.indicator == theme.code }.map(cell)
                    ?? Cell(flag: "none", text: "", title: "No respondents")
            })
        }
    }

    static func cell(_ r: IndicatorRow) -> Cell {
        guard let mean = r.mean, let n = r.n else {
            return Cell(flag: OutlierFlag.suppressed.rawValue, text: ReportFormat.notShown, title: "Not shown: see the key for why")
        }
        return Cell(flag: r.flag.rawValue, text: ReportFormat.score(mean),
                    title: "Mean \(ReportFormat.score(mean)), n \(n), flag \(FlagPalette.name(r.flag))")
    }
}
