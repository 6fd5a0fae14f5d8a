import Testing
@testable import EduQualityDomain

@Suite("UK financial quarters")
struct FinancialQuarterTests {
    typealias F = SpeakUpFixtures

    @Test("days fall in the right quarter at every boundary", arguments: [
        ("2026-03-31", "2025-26 Q4"), ("2026-04-01", "2026-27 Q1"),
        ("2026-06-30", "2026-27 Q1"), ("2026-07-01", "2026-27 Q2"),
        ("2026-09-30", "2026-27 Q2"), ("2026-10-01", "2026-27 Q3"),
        ("2026-12-31", "2026-27 Q3"), ("2027-01-01", "2026-27 Q4"),
        ("2027-03-31", "2026-27 Q4"), ("2027-04-01", "2027-28 Q1"),
        ("2099-05-01", "2099-00 Q1"), ("2009-02-01", "2008-09 Q4"),
    ])
    func boundaries(day: String, label: String) {
        let quarter = FinancialQuarter(containing: F.day(day))
        #expect(quarter.label == label)
        #expect(quarter.contains(F.day(day)))
        #expect(FinancialQuarter(label: label) == quarter)
    }

    @Test("each quarter runs from its first to its last day, and the next starts the day after")
    func spans() {
        let q4 = FinancialQuarter(label: "2027-28 Q4")!
        #expect(q4.firstDay == F.day("2028-01-01"))
        #expect(q4.lastDay == F.day("2028-03-31"))
        #expect(q4.next.label == "2028-29 Q1")
        #expect(q4.next.firstDay == q4.lastDay.adding(days: 1))
        #expect(FinancialQuarter(label: "2026-27 Q1")!.lastDay == F.day("2026-06-30"))
        #expect(FinancialQuarter(label: "2026-27 Q3")! < FinancialQuarter(label: "2026-27 Q4")!)
        #expect(FinancialQuarter(label: "2026-27 Q4")! < FinancialQuarter(label: "2027-28 Q1")!)
    }

    @Test("malformed labels are refused")
    func badLabels() {
        for label in ["2026-28 Q1", "2026-27 Q5", "2026-27 Q0", "2026/27 Q1", "2026-27", "26-27 Q1", "2026-27 q1"] {
            #expect(FinancialQuarter(label: label) == nil, "\(label)")
        }
    }
}
