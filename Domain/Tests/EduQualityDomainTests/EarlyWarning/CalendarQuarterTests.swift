import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Early warning: quarters and survey rounds")
struct CalendarQuarterTests {
    @Test("quarters parse and print as 2026-Q3; bad labels are refused",
          arguments: [("2026-Q3", "2026-Q3"), ("2026-q1", "2026-Q1"), (" 2027-Q4 ", "2027-Q4")])
    func parse(text: String, label: String) {
        #expect(CalendarQuarter(text)?.description == label)
    }

    @Test("bad quarter labels", arguments: ["2026-Q5", "2026-Q0", "2026Q3", "26-Q3", "2026-3", "", "2026-Q3-1"])
    func refused(text: String) {
        #expect(CalendarQuarter(text) == nil)
    }

    @Test("days fall in their quarter; quarters step across years")
    func arithmetic() {
        #expect(CalendarQuarter(containing: CalendarDay(iso: "2026-09-30")!).description == "2026-Q3")
        #expect(CalendarQuarter(containing: CalendarDay(iso: "2026-10-01")!).description == "2026-Q4")
        let q4 = CalendarQuarter("2026-Q4")!
        #expect(q4.next.description == "2027-Q1" && q4.next.previous == q4)
        #expect(q4.adding(quarters: -4).description == "2025-Q4")
        #expect(q4.firstDay.iso == "2026-10-01" && q4.lastDay.iso == "2026-12-31")
        #expect(CalendarQuarter.range(CalendarQuarter("2026-Q3")!, through: CalendarQuarter("2027-Q2")!).map(\.description)
                == ["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"])
        #expect(CalendarQuarter.range(q4, through: q4.previous).isEmpty)
    }

    @Test("a financial quarter and a survey round map to the calendar quarter they fall in")
    func mapping() throws {
        #expect(CalendarQuarter(FinancialQuarter(financialYearStart: 2026, quarter: 3)!).description == "2026-Q4")
        #expect(CalendarQuarter(FinancialQuarter(financialYearStart: 2026, quarter: 4)!).description == "2027-Q1")
        let round = try SurveyRound(code: "NETS-2026", opens: CalendarDay(iso: "2026-06-01")!, closes: CalendarDay(iso: "2026-07-15")!)
        #expect(round.quarter.description == "2026-Q3")
    }

    @Test("quarters round-trip through JSON as their labels")
    func codable() throws {
        let data = try JSONEncoder().encode([CalendarQuarter("2026-Q2")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-Q2"]"#)
        #expect(try JSONDecoder().decode([CalendarQuarter].self, from: data) == [CalendarQuarter("2026-Q2")!])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarQuarter].self, from: Data(#"["Q2"]"#.utf8)) }
    }
}
