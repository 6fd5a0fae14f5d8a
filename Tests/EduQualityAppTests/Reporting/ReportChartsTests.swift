import EduQualityDomain
import Foundation
import Testing
@testable import EduQualityApp

@Suite("Server-drawn charts")
struct ReportChartsTests {
    @Test("a long label is broken between words, and shortened after a whole word when it still does not fit")
    func labels() {
        #expect(ChartLabel.lines("Thamesbank University Hospitals NHS Foundation Trust", width: 36, lines: 2)
                == ["Thamesbank University Hospitals NHS", "Foundation Trust"])
        #expect(ChartLabel.lines("Royal Northern and Southern Counties University Hospitals NHS Foundation Trust", width: 30, lines: 2)
                == ["Royal Northern and Southern", "Counties University Hospitals…"])
        #expect(ChartLabel.lines("Short", width: 36, lines: 2) == ["Short"])
        #expect(ChartLabel.lines("", width: 36, lines: 1).isEmpty)
        for line in ChartLabel.lines("Hampstead Vale University Hospitals NHS Foundation Trust", width: 20, lines: 2) {
            #expect(line.count <= 20)
        }
    }

    @Test("a box plot names its scale: numbers every 10 from 0 to 100 and \"Score out of 100\", and whole-word labels")
    func boxPlotScale() throws {
        // setup
        let json = """
        {"round":"R","groupBy":"organisation","filters":{},"threshold":3,"rows":[
          {"group":"T001","indicator":"induction","flag":"white","n":40,"mean":71.2,"ciLow":65,"ciHigh":77,
           "benchmark":{"n":900,"mean":70.1,"q1":60,"q3":80,"ciLow":69,"ciHigh":71}}]}
        """
        let table = try JSONDecoder().decode(IndicatorTable.self, from: Data(json.utf8))
        // MUT
        let svg = ReportCharts.boxPlot(indicator: "Induction", rows: [("Thamesbank University Hospitals NHS Foundation Trust", table.rows[0])])
        // validate
        for tick in stride(from: 0, through: 100, by: 10) { #expect(svg.contains(">\(tick)</text>"), "\(tick)") }
        #expect(svg.contains(">Score out of 100</text>"))
        #expect(svg.contains(">Thamesbank University Hospitals NHS</text>") && svg.contains(">Foundation Trust</text>"))
        #expect(svg.contains("<title>Thamesbank University Hospitals NHS Foundation Trust: 71.2"), "the full name stays in the title")
    }
}
