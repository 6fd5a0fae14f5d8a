import EduQualityDomain
import Foundation
import Testing
@testable import EduQualityApp
import VaporTesting

@Suite("Reporting presentation")
struct ReportPresentationTests {
    @Test("the stylesheet's flag colours are exactly the palette the charts use")
    func stylesheetMatchesPalette() throws {
        // setup
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let css = try String(contentsOf: root.appendingPathComponent("Public/css/app.css"), encoding: .utf8)
        // MUT
        let rules = css.split(separator: "\n").filter { $0.hasPrefix(".eq-flag--") }.map { $0 + "\n" }.joined()
        // validate
        #expect(rules == FlagPalette.cssRules)
        for flag in OutlierFlag.allCases {
            #expect(css.contains(".eq-flag--\(flag.rawValue) { background: \(FlagPalette.fill(flag));"))
        }
    }

    @Test("the stylesheet's risk band colours are exactly the matrix's")
    func stylesheetMatchesBands() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let css = try String(contentsOf: root.appendingPathComponent("Public/css/app.css"), encoding: .utf8)
        let rules = css.split(separator: "\n").filter { $0.hasPrefix(".eq-band--") }.map { $0 + "\n" }.joined()
        #expect(rules == RiskMatrixChart.cssRules)
        #expect(RiskMatrixChart.bandColours.map(\.code) == RiskBands.standard.bands.map(\.code))
    }

    @Test("the key names every flag and why a figure is not shown")
    func legend() {
        #expect(FlagPalette.legend.map(\.flag) == OutlierFlag.allCases.map(\.rawValue))
        let grey = FlagPalette.legend.last!.meaning
        #expect(grey.contains("not shown") && grey.contains("too few respondents") && grey.contains("subtraction")
                && grey.contains("since the last publication"))
    }

    @Test("a hidden figure reads \"not shown\" in the headline, whatever hid it")
    func hiddenHeadline() throws {
        // setup
        let json = """
        {"round":"R","groupBy":"national","filters":{},"threshold":3,"rows":[
          {"group":"ENG","indicator":"a","flag":"suppressed"},
          {"group":"ENG","indicator":"b","flag":"white","n":12,"mean":61.34,"percentPositive":49.6}]}
        """
        let table = try JSONDecoder().decode(IndicatorTable.self, from: Data(json.utf8))
        let names = ReportNames(byDimension: [:], indicatorNames: [:])
        // MUT
        let rows = ReportHeadline.rows(table, names: names)
        // validate
        #expect(rows[0].percentPositive == "not shown" && rows[0].mean == "not shown" && rows[0].n == "not shown" && !rows[0].shown)
        #expect(rows[1].percentPositive == "50%" && rows[1].mean == "61.3" && rows[1].n == "12" && rows[1].shown)
        #expect(FlagGridView.cell(table.rows[0]).text == "not shown")
    }

    @Test("every view says \"not shown\" for a hidden figure and the key says why")
    func pagesSayNotShown() async throws {
        try await withReportingApp(.sqlite) { app, round in
            let b = TestBrowser(app)
            for view in ["grid", "ranking", "items", "trends"] {
                // MUT
                let page = try await b.get("/reports?view=\(view)&round=\(round)&groupBy=site").body.string
                // validate
                #expect(!page.contains("Suppressed") && !page.contains(", fewer than 3 respondents") && !page.contains(">–<"), "\(view)")
            }
            let grid = try await b.get("/reports?view=grid&round=\(round)&groupBy=site").body.string
            #expect(grid.contains("eq-flag--suppressed") && grid.contains(">not shown<"))
            #expect(grid.contains("Grey: not shown: too few respondents"))
            let print = try await b.get("/reports/regions/LDN").body.string
            #expect(print.contains("Grey: not shown: too few respondents") && print.contains("Red: in the bottom quarter"))
        }
    }

    @Test("a professional report's national headline carries no flag; a regional one names its flags in words")
    func headlineFlags() async throws {
        try await withReportingApp(.sqlite) { app, round in
            let b = TestBrowser(app)
            // MUT
            let professional = try await b.get("/reports/professions/student-nurse").body.string
            let regional = try await b.get("/reports/regions/LDN").body.string
            // validate: the headline table is the first table on each page
            let professionalHeadline = try #require(Self.firstTable(professional))
            #expect(!professionalHeadline.contains("Flag") && !professionalHeadline.contains("eq-flag"))
            #expect(professional.contains("the benchmark the flags below are measured against, so they carry no flag"))
            let regionalHeadline = try #require(Self.firstTable(regional))
            #expect(regionalHeadline.contains(">Flag</th>"))
            let labels = FlagPalette.legend.map(\.label)
            let cells = regionalHeadline.components(separatedBy: "eq-flag eq-flag--").dropFirst()
            #expect(!cells.isEmpty)
            for cell in cells {
                let text = cell.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" }
                #expect(labels.contains(String(text)), "flag cell reads \(text)")
            }
            let ranking = try await b.get("/reports?view=ranking&round=\(round)&groupBy=region").body.string
            for raw in ["white", "lightgreen", "pink"] { #expect(!ranking.contains(">\(raw)</td>")) }
        }
    }

    private static func firstTable(_ page: String) -> String? {
        guard let start = page.range(of: "<table"), let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }
}
