import EduQualityDomain

/// The national view's chart: for each Quality Framework domain, one bar split into the share of
/// standards the submitted assessments rated meets, partly meets and does not meet, with the
/// counts written beside it; and a first bar of completion (submitted, in progress, not started).
enum SelfAssessmentRatingsChart {
    static let ratingColours: [SelfRating: String] = [.meets: "#007f3b", .partlyMeets: "#ffb81c", .doesNotMeet: "#d5281b"]
    static let completionColours = ["Submitted or reviewed": ChartColour.darkBlue, "In progress": "#41b6e6", "Not started": ChartColour.paleGrey]

    static func draw(_ summary: SelfAssessmentSummary) -> String {
        let labelWidth = 250.0, barWidth = 360.0, rowHeight = 44.0, top = 40.0
        let rows = summary.domains.count + 1
        let height = top + Double(rows) * rowHeight + 20
        let c = summary.completion
        let completion: [(String, Int)] = [("Submitted or reviewed", c.submitted),
                                           ("In progress", c.count(.draft) + c.count(.returned)), ("Not started", c.count(.notStarted))]
        let described = ["Completion: " + completion.map { "\($0.0.lowercased()) \($0.1)" }.joined(separator: ", ") + " of \(c.organisations)"]
            + summary.domains.map { d in
                "\(d.name): " + SelfRating.allCases.map { "\($0.displayName.lowercased()) \(d.count($0))" }.joined(separator: ", ")
            }
        var svg = SVG(width: labelWidth + barWidth + 230, height: height,
                      title: "Self-assessment \(summary.year.label): completion and ratings by domain", summary: described.joined(separator: "; "))
        var legendX = labelWidth
        for rating in SelfRating.allCases {
            svg.rect(x: legendX, y: 8, width: 14, height: 14, fill: ratingColours[rating]!)
            svg.text(rating.displayName, x: legendX + 20, y: 20, size: 13)
            legendX += 130
        }
        func bar(_ row: Int, label: String, parts: [(String, Int, String)], total: Int) {
            let y = top + Double(row) * rowHeight
            for (i, line) in ChartLabel.lines(label, width: 34, lines: 2).enumerated() {
                svg.text(line, x: labelWidth - 8, y: y + 16 + Double(i) * 15, anchor: "end", size: 13)
            }
            var x = labelWidth
            for (name, count, fill) in parts where count > 0 {
                let w = barWidth * Double(count) / Double(max(1, total))
                svg.rect(x: x, y: y + 4, width: w, height: rowHeight - 14, fill: fill, label: "\(label): \(name.lowercased()) \(count)")
                x += w
            }
            if total == 0 { svg.rect(x: labelWidth, y: y + 4, width: barWidth, height: rowHeight - 14, fill: ChartColour.white) }
            svg.line(x1: labelWidth, y1: y + 4, x2: labelWidth, y2: y + rowHeight - 10, stroke: ChartColour.text)
            svg.text(total == 0 ? "none submitted" : parts.map { String($0.1) }.joined(separator: " / "), x: labelWidth + barWidth + 8,
                     y: y + 22, size: 13)
        }
        bar(0, label: "Completion (\(c.organisations) organisations)", parts: completion.map { ($0.0, $0.1, completionColours[$0.0]!) },
            total: c.organisations)
        for (i, d) in summary.domains.enumerated() {
            bar(i + 1, label: "\(d.code) \(d.name)", parts: SelfRating.allCases.map { ($0.displayName, d.count($0), ratingColours[$0]!) }, total: d.rated)
        }
        return svg.markup
    }
}
