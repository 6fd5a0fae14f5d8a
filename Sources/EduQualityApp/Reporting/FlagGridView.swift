import EduQualityDomain
import Foundation

/// The flag grid: one row per group, one coloured cell per indicator. Shown by the tool and by
/// the printable reports.
enum FlagGridView {
    struct Cell: Encodable {
        let flag: String
        let text: String
        let title: String
        /// For a signed-in quality team member, a red or pink cell opens a register entry with
        /// the cell as its source.
        var registerHref: String? = nil
    }
    struct Row: Encodable { let label: String; let cells: [Cell] }

    /// `mayOpenEntry` says whether the visitor may open a register entry about a group (nil: never).
    static func rows(_ table: IndicatorTable, groupBy: ReportDimension, _ c: ReportContext,
                     mayOpenEntry: ((String) -> Bool)? = nil) -> [Row] {
        let byGroup = Dictionary(grouping: table.rows, by: \.group)
        return c.ordered(byGroup.keys, groupBy).map { group in
            Row(label: c.names.name(group, groupBy), cells: c.themes.map { theme in
                guard let row = byGroup[group]!.first(where: { $0.indicator == theme.code }) else {
                    return Cell(flag: "none", text: "", title: "No respondents")
                }
                var shown = cell(row)
                if row.flag == .red || row.flag == .pink, mayOpenEntry?(group) == true {
                    let source = RegisterSource.surveyFlag(round: table.round, dimension: groupBy, code: group, indicator: theme.code)
                    var components = URLComponents()
                    components.path = "/register/new"
                    components.queryItems = [URLQueryItem(name: "sourceKind", value: source.kind.rawValue),
                                             URLQueryItem(name: "sourceReference", value: source.reference)]
                    shown.registerHref = components.string
                }
                return shown
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
