import Testing
@testable import EduQualityDomain

@Suite("The quarterly speak-up return")
struct SpeakUpQuarterlyReturnTests {
    typealias F = SpeakUpFixtures

    static let cases: [SpeakUpCase] = [
        F.speakUpCase("a", on: "2026-04-01", howRaised: .open, themes: [.patientSafetyQuality, .bullyingHarassment], detriment: true, again: .yes),
        F.speakUpCase("b", on: "2026-06-30", howRaised: .anonymous, themes: [.workerSafetyWellbeing], again: .notAsked),
        F.speakUpCase("c", on: "2026-05-10", howRaised: .confidential, themes: [.other, .bullyingHarassment], again: .maybe),
        F.speakUpCase("d", on: "2026-05-11", organisation: "RM2", howRaised: .confidential, themes: [.inappropriateAttitudesBehaviours], again: .no),
        F.speakUpCase("e", on: "2026-03-31", howRaised: .open), // previous quarter
        F.speakUpCase("f", on: "2026-07-01", howRaised: .open), // next quarter
    ]

    @Test("counts per organisation for the quarter, only cases inside it")
    func counts() {
        let report = SpeakUpQuarterlyReturn(quarter: FinancialQuarter(label: "2026-27 Q1")!, cases: Self.cases)
        #expect(report.rows.map(\.organisation) == ["RJ1", "RM2"])
        let rj1 = report.rows[0]
        #expect(rj1.total == 3)
        #expect(rj1.byHowRaised == [.open: 1, .anonymous: 1, .confidential: 1])
        #expect(rj1.byTheme == [.patientSafetyQuality: 1, .bullyingHarassment: 2, .workerSafetyWellbeing: 1, .other: 1])
        #expect(rj1.detrimentReported == 1)
        #expect(rj1.bySpeakUpAgain == [.yes: 1, .notAsked: 1, .maybe: 1])
        #expect(report.rows[1].total == 1)
    }

    @Test("the previous quarter picks up 31 March, and listed organisations without cases get zeros")
    func boundariesAndNilReturns() {
        let report = SpeakUpQuarterlyReturn(quarter: FinancialQuarter(label: "2025-26 Q4")!, cases: Self.cases,
                                            organisations: ["RJ1", "RX9"])
        #expect(report.rows.map(\.organisation) == ["RJ1", "RX9"])
        #expect(report.rows[0].total == 1)
        #expect(report.rows[1].counts == Array(repeating: 0, count: SpeakUpQuarterlyReturn.columns.count - 2))
    }

    @Test("the CSV has the documented columns, the counts, and never the outcome text")
    func csv() {
        let report = SpeakUpQuarterlyReturn(quarter: FinancialQuarter(label: "2026-27 Q1")!, cases: Self.cases)
        #expect(report.csv == """
            organisation_code,financial_quarter,cases_total,raised_open,raised_confidential,raised_anonymous,\
            theme_patient_safety_quality,theme_worker_safety_wellbeing,theme_bullying_harassment,\
            theme_inappropriate_attitudes_behaviours,theme_other,detriment_reported,speak_up_again_yes,\
            speak_up_again_no,speak_up_again_maybe,speak_up_again_not_asked\r
            RJ1,2026-27 Q1,3,1,1,1,1,1,2,0,1,1,1,0,1,1\r
            RM2,2026-27 Q1,1,0,1,0,0,0,0,1,0,0,0,1,0,0\r

            """)
        #expect(!report.csv.contains("OUTCOME"))
    }

    @Test("CSV fields are escaped: commas, quotes, line breaks, and spreadsheet formulas")
    func escaping() {
        #expect(SpreadsheetCSV.field("plain") == "plain")
        #expect(SpreadsheetCSV.field("a,b") == "\"a,b\"")
        #expect(SpreadsheetCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(SpreadsheetCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(SpreadsheetCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(SpreadsheetCSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(SpreadsheetCSV.field("-5") == "-5")
        #expect(SpreadsheetCSV.line(["a", "b,c"]) == "a,\"b,c\"\r\n")
    }
}
