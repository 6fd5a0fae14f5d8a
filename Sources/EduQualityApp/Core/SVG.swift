import EduQualityDomain
import Foundation

/// A small builder for server-drawn SVG charts. Every text goes through `escape`; styling uses
/// presentation attributes (the Content-Security-Policy forbids inline style).
struct SVG {
    private(set) var body = ""
    let width: Double
    let height: Double
    let title: String
    let summary: String

    init(width: Double, height: Double, title: String, summary: String) {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
    }

    static func escape(_ s: String) -> String { XMLText.escaped(s) }

    static func num(_ v: Double) -> String { String(format: "%.1f", v) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, label: String? = nil) {
        body += "<rect x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" width=\"\(Self.num(max(0, width)))\" height=\"\(Self.num(max(0, height)))\" fill=\"\(fill)\""
        if let label { body += "><title>\(Self.escape(label))</title></rect>" } else { body += "/>" }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        body += "<line x1=\"\(Self.num(x1))\" y1=\"\(Self.num(y1))\" x2=\"\(Self.num(x2))\" y2=\"\(Self.num(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.num(width))\"\(dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, label: String? = nil) {
        body += "<circle cx=\"\(Self.num(cx))\" cy=\"\(Self.num(cy))\" r=\"\(Self.num(r))\" fill=\"\(fill)\" stroke=\"\(ChartColour.text)\" stroke-width=\"1\""
        if let label { body += "><title>\(Self.escape(label))</title></circle>" } else { body += "/>" }
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let p = points.map { "\(Self.num($0.0)),\(Self.num($0.1))" }.joined(separator: " ")
        body += "<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.num(width))\"/>"
    }

    mutating func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 14, fill: String = "#212b32", bold: Bool = false) {
        body += "<text x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.num(size))\" fill=\"\(fill)\" font-family=\"Frutiger W01, Arial, sans-serif\"\(bold ? " font-weight=\"bold\"" : "")>\(Self.escape(s))</text>"
    }

    /// The finished chart: an image with a title and a description for screen readers.
    var markup: String {
        let id = "chart-\(abs(title.hashValue % 1_000_000))"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.num(width)) \(Self.num(height))\" width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" focusable=\"false\"><title id=\"\(id)-t\">\(Self.escape(title))</title><desc id=\"\(id)-d\">\(Self.escape(summary))</desc>\(body)</svg>"
    }
}

/// NHS.UK palette colours used by the charts besides the flag colours (`FlagPalette`).
enum ChartColour {
    static let blue = "#005eb8"
    static let darkBlue = "#003087"
    static let grey = "#768692"
    static let paleGrey = "#d8dde0"
    static let white = "#ffffff"
    static let text = "#212b32"
}

/// Horizontal bars, one per labelled value; a withheld value is drawn as a note, not a bar.
enum HorizontalBarChart {
    static func draw(title: String, bars: [(label: String, value: Double?)], unit: String = "") -> String {
        let rowHeight = 28.0, labelWidth = 260.0, chartWidth = 420.0
        let height = Double(bars.count) * rowHeight + 20
        let maxValue = max(1, bars.compactMap(\.value).max() ?? 1)
        let summary = bars.map { "\($0.label): \($0.value.map { format($0) + unit } ?? "suppressed")" }.joined(separator: "; ")
        var svg = SVG(width: labelWidth + chartWidth + 60, height: height, title: title, summary: summary)
        for (i, bar) in bars.enumerated() {
            let y = Double(i) * rowHeight + 10
            svg.text(ChartLabel.lines(bar.label, width: 38, lines: 1).first ?? "", x: labelWidth - 8, y: y + 18, anchor: "end", size: 13)
            if let v = bar.value {
                let w = chartWidth * v / maxValue
                svg.rect(x: labelWidth, y: y + 4, width: w, height: rowHeight - 8, fill: ChartColour.blue, label: "\(bar.label): \(format(v))\(unit)")
                svg.text(format(v) + unit, x: labelWidth + w + 6, y: y + 18, size: 13)
            } else {
                svg.text("suppressed (fewer than the threshold)", x: labelWidth + 4, y: y + 18, size: 12, fill: ChartColour.grey)
            }
        }
        return svg.markup
    }

    static func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
}
