import EduQualityDomain
import Foundation

/// Server-drawn SVG for the reporting tool. Each chart has a title and a description, and every
/// page shows the same figures in a table beside it.
enum ReportCharts {
    /// One indicator: the benchmark's interquartile range and mean, and each group's mean with
    /// its 95% confidence interval, coloured by flag, on the 0–100 score scale.
    static func boxPlot(indicator: String, rows: [(label: String, row: IndicatorRow)]) -> String {
        let left = 250.0, width = 460.0, rowHeight = 34.0, top = 46.0
        let shown = rows.filter { $0.row.mean != nil }
        let axisY = top + Double(max(shown.count, 1)) * rowHeight
        let height = axisY + 50
        let x = { (v: Double) in left + width * min(max(v, 0), 100) / 100 }
        let benchmark = shown.first?.row.benchmark
        let summary = (benchmark.map { "Benchmark: mean \(fmt($0.mean)), middle half \(fmt($0.q1)) to \(fmt($0.q3)). " } ?? "")
            + shown.map { "\($0.label): \(fmt($0.row.mean!)) (\(FlagPalette.name($0.row.flag)))" }.joined(separator: "; ")
        var svg = SVG(width: left + width + 40, height: height, title: "\(indicator): scores compared with the benchmark", summary: summary)
        svg.text(indicator, x: 0, y: 18, size: 16, bold: true)
        if let b = benchmark {
            svg.rect(x: x(b.q1), y: top - 12, width: x(b.q3) - x(b.q1), height: axisY - top + 12, fill: "#e8edee",
                     label: "Benchmark middle half: \(fmt(b.q1)) to \(fmt(b.q3))")
        }
        scoreAxis(&svg, x: x, top: top - 12, axisY: axisY)
        if let b = benchmark {
            svg.line(x1: x(b.mean), y1: top - 12, x2: x(b.mean), y2: axisY, stroke: ChartColour.darkBlue, width: 2, dashed: true)
            svg.text("Benchmark \(fmt(b.mean))", x: x(b.mean), y: top - 16, anchor: "middle", size: 12, fill: ChartColour.darkBlue)
        }
        for (i, item) in shown.enumerated() {
            let y = top + Double(i) * rowHeight + rowHeight / 2
            let r = item.row
            let label = ChartLabel.lines(item.label, width: 36, lines: 2)
            let firstLine: Double = y + 4 - Double(label.count - 1) * 7
            for (n, line) in label.enumerated() {
                svg.text(line, x: left - 10, y: firstLine + Double(n) * 14, anchor: "end", size: 12)
            }
            if let lo = r.ciLow, let hi = r.ciHigh {
                svg.line(x1: x(lo), y1: y, x2: x(hi), y2: y, stroke: ChartColour.text, width: 1.5)
            }
            svg.circle(cx: x(r.mean!), cy: y, r: 6, fill: FlagPalette.fill(r.flag),
                       label: "\(item.label): \(fmt(r.mean!)) (\(FlagPalette.name(r.flag))), n \(r.n ?? 0)")
        }
        return svg.markup
    }

    /// The 0–100 score scale under a chart: gridlines, a tick and a number every 10, and its name.
    private static func scoreAxis(_ svg: inout SVG, x: (Double) -> Double, top: Double, axisY: Double) {
        for tick in stride(from: 0.0, through: 100, by: 10) {
            svg.line(x1: x(tick), y1: top, x2: x(tick), y2: axisY, stroke: ChartColour.paleGrey)
            svg.line(x1: x(tick), y1: axisY, x2: x(tick), y2: axisY + 5, stroke: ChartColour.text)
            svg.text(String(Int(tick)), x: x(tick), y: axisY + 18, anchor: "middle", size: 12, fill: ChartColour.text)
        }
        svg.line(x1: x(0), y1: axisY, x2: x(100), y2: axisY, stroke: ChartColour.text)
        svg.text("Score out of 100", x: (x(0) + x(100)) / 2, y: axisY + 38, anchor: "middle", size: 12, fill: ChartColour.text)
    }

    /// One indicator across rounds: mean and 95% CI per round, significant changes marked.
    static func trend(indicator: String, series: TrendSeries) -> String {
        let left = 50.0, width = 520.0, top = 40.0, plotHeight = 200.0
        let points = series.points
        let step = points.count > 1 ? width / Double(points.count - 1) : 0
        let y = { (v: Double) in top + plotHeight * (1 - min(max(v, 0), 100) / 100) }
        let summary = points.map { p in
            "\(p.round): " + (p.mean.map { fmt($0) } ?? ReportFormat.notShown)
                + (p.change.map { $0.significant ? " (significant change of \(fmt($0.difference)))" : "" } ?? "")
        }.joined(separator: "; ")
        var svg = SVG(width: left + width + 60, height: top + plotHeight + 40, title: "\(indicator) across survey rounds", summary: summary)
        svg.text(indicator, x: 0, y: 18, size: 16, bold: true)
        for tick in stride(from: 0.0, through: 100, by: 25) {
            svg.line(x1: left, y1: y(tick), x2: left + width, y2: y(tick), stroke: ChartColour.paleGrey)
            svg.text(String(Int(tick)), x: left - 8, y: y(tick) + 4, anchor: "end", size: 12, fill: ChartColour.grey)
        }
        var line: [(Double, Double)] = []
        for (i, p) in points.enumerated() {
            let px = left + Double(i) * step + (points.count == 1 ? width / 2 : 0)
            svg.text(p.round, x: px, y: top + plotHeight + 24, anchor: "middle", size: 12)
            guard let mean = p.mean else {
                svg.text(ReportFormat.notShown, x: px, y: y(50), anchor: "middle", size: 11, fill: ChartColour.grey)
                continue
            }
            if let lo = p.ciLow, let hi = p.ciHigh { svg.line(x1: px, y1: y(lo), x2: px, y2: y(hi), stroke: ChartColour.text, width: 1.5) }
            line.append((px, y(mean)))
            let significant = p.change?.significant ?? false
            svg.circle(cx: px, cy: y(mean), r: significant ? 7 : 5, fill: significant ? ChartColour.darkBlue : ChartColour.blue,
                       label: "\(p.round): \(fmt(mean))\(significant ? ", significant change" : "")")
            svg.text(fmt(mean), x: px + 9, y: y(mean) - 6, size: 12)
        }
        if line.count > 1 { svg.polyline(line, stroke: ChartColour.blue) }
        return svg.markup
    }

    /// An item's answers as one stacked bar of shares, least to most favourable.
    static func distribution(item: String, counts: [Int], labels: [String]) -> String {
        let total = max(1, counts.reduce(0, +))
        let width = 600.0
        let shades = ["#d5281b", "#f4a6b5", "#d8dde0", "#a3d9a5", "#007f3b", "#005eb8", "#003087"]
        let share = { (c: Int) in ReportFormat.percent(Double(c) * 100 / Double(total)) }
        let summary = zip(labels, counts).map { "\($0): \(share($1))" }.joined(separator: "; ")
        var svg = SVG(width: width, height: 34, title: "Answers to \(item)", summary: summary)
        var x = 0.0
        for (i, c) in counts.enumerated() {
            let w = width * Double(c) / Double(total)
            let shade = counts.count <= 5 ? shades[min(i, 4)] : shades[i % shades.count]
            svg.rect(x: x, y: 4, width: w, height: 26, fill: shade,
                     label: "\(i < labels.count ? labels[i] : "Rank \(i + 1)"): \(c) (\(share(c)))")
            x += w
        }
        return svg.markup
    }

    private static func fmt(_ v: Double) -> String { ReportFormat.score(v) }
}
