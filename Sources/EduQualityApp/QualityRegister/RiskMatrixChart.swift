import EduQualityDomain

/// The register's 5 × 5 risk matrix as SVG: likelihood up the side, impact along the bottom, each
/// cell coloured by its band with its count, and a link to the list filtered to that cell. The
/// links are real links (keyboard and screen readers reach each cell by its label), so the chart
/// is a group of links rather than one image.
enum RiskMatrixChart {
    /// The band colours, shared with the `.eq-band--…` tags of `Public/css/app.css` (a test
    /// compares them). A configured band with another code is drawn grey.
    static let bandColours: [(code: String, fill: String, text: String)] = [
        ("low", "#a3d9a5", ChartColour.text), ("moderate", "#ffeb3b", ChartColour.text),
        ("high", "#ffb81c", ChartColour.text), ("extreme", "#d5281b", "#ffffff"),
    ]

    /// The `.eq-band--…` rules as `app.css` must hold them, one line per band.
    static var cssRules: String {
        bandColours.map { ".eq-band--\($0.code) { background: \($0.fill); color: \($0.text); border-color: \($0.fill); }\n" }.joined()
    }

    static func draw(_ matrix: RiskMatrix, bands: RiskBands, href: (Int, Int) -> String) -> String {
        let cell = 64.0, left = 150.0, top = 34.0
        let width = left + 5 * cell + 20, height = top + 5 * cell + 80
        var body = ""
        for likelihood in (1...5).reversed() {
            let y = top + Double(5 - likelihood) * cell
            for impact in 1...5 {
                let x = left + Double(impact - 1) * cell
                let count = matrix.count(likelihood: likelihood, impact: impact)
                let band = bands.band(for: likelihood * impact)
                let colour = Self.bandColours.first { $0.code == band.code }
                let fill = colour?.fill ?? ChartColour.paleGrey
                let textFill = colour?.text ?? ChartColour.text
                let label = "Likelihood \(likelihood), impact \(impact), score \(likelihood * impact) (\(band.name.lowercased())): "
                    + "\(count) \(count == 1 ? "entry" : "entries")"
                body += "<a href=\"\(SVG.escape(href(likelihood, impact)))\" aria-label=\"\(SVG.escape(label))\">"
                body += "<rect x=\"\(SVG.num(x))\" y=\"\(SVG.num(y))\" width=\"\(SVG.num(cell - 2))\" height=\"\(SVG.num(cell - 2))\" fill=\"\(fill)\" stroke=\"\(ChartColour.text)\" stroke-width=\"\(count > 0 ? 2 : 0.5)\"><title>\(SVG.escape(label))</title></rect>"
                body += text(String(count), x: x + cell / 2 - 1, y: y + cell / 2 + 6, size: count > 0 ? 20 : 14, fill: textFill, bold: count > 0)
                body += "</a>"
            }
            body += text("\(likelihood) \(RiskScore.likelihoodNames[likelihood - 1])", x: left - 8, y: y + cell / 2 + 5, anchor: "end", size: 13)
        }
        for impact in 1...5 {
            let x = left + Double(impact - 1) * cell + cell / 2 - 1
            body += text(String(impact), x: x, y: top + 5 * cell + 18, anchor: "middle", size: 13)
            body += text(RiskScore.impactNames[impact - 1], x: x, y: top + 5 * cell + 34, anchor: "middle", size: 10)
        }
        body += text("Impact", x: left + 2.5 * cell, y: top + 5 * cell + 58, anchor: "middle", size: 14, bold: true)
        body += text("Likelihood", x: left - 8, y: top - 12, anchor: "end", size: 14, bold: true)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" width=\"100%\" "
            + "role=\"group\" aria-label=\"Risk matrix: \(matrix.total) entries by likelihood and impact; each cell links to its entries\" "
            + "class=\"eq-risk-matrix\">\(body)</svg>"
    }

    private static func text(_ s: String, x: Double, y: Double, anchor: String = "middle", size: Double, fill: String = ChartColour.text, bold: Bool = false) -> String {
        var svg = SVG(width: 0, height: 0, title: "", summary: "")
        svg.text(s, x: x, y: y, anchor: anchor, size: size, fill: fill, bold: bold)
        return svg.body.replacingOccurrences(of: "<text ", with: "<text aria-hidden=\"true\" ")
    }
}
