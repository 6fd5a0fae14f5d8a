import EduQualityDomain

/// One indicator's headline figures for a whole population, as the tool's cards and the
/// printable reports' table show them.
struct ReportHeadline: Encodable {
    let name: String
    let percentPositive: String
    let mean: String
    let n: String
    /// The flag's class (`eq-flag--…`) and its name in words; nil when the population is its own
    /// benchmark (`IndicatorTable.isItsOwnBenchmark`), where a flag would compare it with itself.
    let flag: String?
    let flagLabel: String?
    /// False when the figures are hidden (each then reads "not shown").
    let shown: Bool

    /// From an indicator table grouped nationally, one headline per indicator.
    static func rows(_ table: IndicatorTable, names: ReportNames) -> [ReportHeadline] {
        let flagged = !table.isItsOwnBenchmark
        return table.rows.map { r in
            ReportHeadline(name: names.indicator(r.indicator),
                           percentPositive: r.percentPositive.map(ReportFormat.percent) ?? ReportFormat.notShown,
                           mean: r.mean.map(ReportFormat.score) ?? ReportFormat.notShown,
                           n: ReportFormat.count(r.n),
                           flag: flagged ? r.flag.rawValue : nil,
                           flagLabel: flagged ? FlagPalette.style(r.flag).label : nil,
                           shown: r.mean != nil)
        }
    }
}
