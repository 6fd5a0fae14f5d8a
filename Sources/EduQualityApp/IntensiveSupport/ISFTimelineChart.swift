import EduQualityDomain

/// A subject's ISF history as a step chart: time along the bottom, category up the side, one step
/// per decision (hollow while provisional), to today.
enum ISFTimelineChart {
    static func draw(_ history: ISFHistory, scale: ISFCategoryScale, subject: String, today: CalendarDay) -> String {
        let decisions = history.decisions
        let levels = scale.categories.count
        let left = 60.0, top = 16.0, plotWidth = 560.0, rowHeight = 40.0
        let height = top + Double(levels) * rowHeight + 50
        let summary = decisions.map { "\($0.decidedOn.longDescription): category \($0.category) (\($0.movement.description))\($0.isProvisional ? ", provisional" : "")" }
            .joined(separator: "; ")
        var svg = SVG(width: left + plotWidth + 30, height: height, title: "ISF history of \(subject)",
                      summary: summary.isEmpty ? "No decisions yet." : summary)
        guard let first = decisions.first else { return svg.markup }
        let start = first.decidedOn.adding(days: -14), end = max(today, decisions.last!.nextReview)
        let span = Double(max(1, start.days(to: end)))
        func x(_ day: CalendarDay) -> Double { left + plotWidth * Double(start.days(to: day)) / span }
        func y(_ level: Int) -> Double { top + Double(levels - level) * rowHeight + rowHeight / 2 }
        for level in 1...levels {
            svg.line(x1: left, y1: y(level), x2: left + plotWidth, y2: y(level), stroke: ChartColour.paleGrey)
            svg.text("ISF \(level)", x: left - 8, y: y(level) + 5, anchor: "end", size: 13)
        }
        var points: [(Double, Double)] = []
        for (i, d) in decisions.enumerated() {
            let until = i + 1 < decisions.count ? decisions[i + 1].decidedOn : today
            points.append((x(d.decidedOn), y(d.category)))
            points.append((x(until), y(d.category)))
        }
        svg.polyline(points, stroke: ChartColour.blue, width: 3)
        for d in decisions {
            svg.circle(cx: x(d.decidedOn), cy: y(d.category), r: 6, fill: d.isProvisional ? ChartColour.white : ChartColour.darkBlue,
                       label: "\(d.decidedOn.longDescription): ISF \(d.category) (\(d.movement.description))\(d.isProvisional ? ", provisional" : ", ratified")")
        }
        let axisY = top + Double(levels) * rowHeight + 6
        svg.line(x1: left, y1: axisY, x2: left + plotWidth, y2: axisY, stroke: ChartColour.text)
        svg.text(start.longDescription, x: left, y: axisY + 20, anchor: "start", size: 12)
        svg.text("Today", x: x(today), y: axisY + 20, anchor: "middle", size: 12)
        svg.line(x1: x(today), y1: top, x2: x(today), y2: axisY, stroke: ChartColour.grey, dashed: true)
        svg.text("Next review \((decisions.last!.nextReview).longDescription)", x: left + plotWidth, y: axisY + 38, anchor: "end", size: 12)
        return svg.markup
    }
}
