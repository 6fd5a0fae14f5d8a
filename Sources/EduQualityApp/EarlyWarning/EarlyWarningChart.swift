import EduQualityDomain

/// One source's figures by quarter as a small chart, the same size and layout for every source so
/// they read side by side: a column per quarter, the quarters that worsened the signal in red, a
/// suppressed figure drawn as a hatched stub and a quarter with no figure left empty.
enum EarlyWarningChart {
    static func draw(_ series: SourceSeries, periods: [CalendarQuarter], worsening: SourceWorsening?, organisation: String) -> String {
        let left = 28.0, top = 14.0, plotWidth = 232.0, plotHeight = 90.0
        let values = periods.map { series.value(at: $0) }
        let highest = max(1, values.compactMap { $0?.number }.max() ?? 1)
        let step = plotWidth / Double(max(1, periods.count))
        let summary = zip(periods, values).map { "\($0.description): \($1?.display ?? "no figure")" }.joined(separator: "; ")
            + (worsening.map { ". \($0.reason)." } ?? ".")
        var svg = SVG(width: left + plotWidth + 8, height: top + plotHeight + 34,
                      title: "\(series.source.displayName) at \(organisation) by quarter", summary: summary)
        let baseline = top + plotHeight
        svg.line(x1: left, y1: baseline, x2: left + plotWidth, y2: baseline, stroke: ChartColour.text)
        svg.text(String(highest), x: left - 4, y: top + 4, anchor: "end", size: 11)
        svg.text("0", x: left - 4, y: baseline + 4, anchor: "end", size: 11)
        for (i, (period, value)) in zip(periods, values).enumerated() {
            let x = left + Double(i) * step + step * 0.15
            let width = step * 0.7
            let worse = worsening.map { period >= $0.fromQuarter && period <= $0.toQuarter } ?? false
            switch value {
            case .count(let n)?:
                let height = plotHeight * Double(n) / Double(highest)
                svg.rect(x: x, y: baseline - height, width: width, height: max(height, n == 0 ? 0 : 1),
                         fill: worse ? "#d5281b" : ChartColour.blue, label: "\(period): \(n)")
            case .suppressed?:
                svg.rect(x: x, y: baseline - 8, width: width, height: 8, fill: ChartColour.paleGrey, label: "\(period): suppressed")
                svg.text("s", x: x + width / 2, y: baseline - 11, anchor: "middle", size: 10, fill: ChartColour.grey)
            case nil:
                break
            }
            if i == 0 || i == periods.count - 1 {
                svg.text(period.description, x: x + width / 2, y: baseline + 16, anchor: i == 0 ? "start" : "end", size: 11)
            }
        }
        return svg.markup
    }
}
