import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Importing responses from CSV")
struct ResponseImportTests {
    static let header = "response_id,submitted_on,profession,organisation,site,placement_type,specialty,level,IND1,IND2,NMW1,MED1,EDS1,WELL,SAFETY"
    static let goodRow = "R1,2026-09-15,student-nurse,RJ1,RJ1-01,hospital-inpatient,paediatrics,year-2,4,NA,2,,1,Great team,"
    static let today = SurveyFixtures.day("2026-12-15")

    struct Outcome {
        let summary: ResponseImport.Summary
        let rows: [(SurveyResponse, Int)]
        var errors: [String] { summary.errors.map(\.description) }
    }

    static func run(_ text: String, window: SubmissionWindow = .roundDates, today: CalendarDay = today,
                    errorLimit: Int = 10_000) throws -> Outcome {
        var reader = CSVReader(bytes: Array(text.utf8))
        var rows: [(SurveyResponse, Int)] = []
        let summary = try ResponseImport.run(&reader, questionnaire: SurveyFixtures.questionnaire(), round: SurveyFixtures.round(),
                                             references: SurveyFixtures.references(), window: window, today: today,
                                             errorLimit: errorLimit, onRow: { rows.append(($0, $1)) })
        return Outcome(summary: summary, rows: rows)
    }

    /// The header, then `rows`, CRLF-terminated.
    static func file(_ rows: String...) -> String { ([header] + rows).map { $0 + "\r\n" }.joined() }

    /// `goodRow` with one column replaced.
    static func row(_ column: String, _ value: String, id: String = "R1") -> String {
        let names = header.split(separator: ",").map(String.init)
        var fields = goodRow.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[0] = id
        fields[names.firstIndex(of: column)!] = value
        return fields.joined(separator: ",")
    }

    @Test("a valid row becomes a response with placement, packed answers and free text")
    func validRow() throws {
        // MUT
        let outcome = try Self.run(Self.file(Self.goodRow))
        // validate
        #expect(outcome.errors == [])
        #expect(outcome.summary.rows == 1 && outcome.summary.validRows == 1)
        let (response, line) = try #require(outcome.rows.first)
        #expect(line == 2)
        #expect(response.responseID == "R1")
        #expect(response.submittedOn == SurveyFixtures.day("2026-09-15"))
        #expect(response.placement == SurveyFixtures.placementDetails())
        #expect(response.answers.packed == [4, 255, 2, 0, 1])
        #expect(response.freeTexts == ["WELL": "Great team"])
    }

    @Test("columns may come in any order; optional columns may be left out")
    func columnOrder() throws {
        let text = "IND1,organisation,NMW1,response_id,EDS1,MED1,placement_type,IND2,profession,submitted_on\n"
            + "5,RM2,,X9,1,,community,,physiotherapy,2026-10-01\n"
        let outcome = try Self.run(text)
        #expect(outcome.errors == [])
        #expect(outcome.rows.first?.0.placement.site == nil)
        #expect(outcome.rows.first?.0.answers.packed == [5, 0, 0, 0, 1])
    }

    @Test("header problems are listed together and stop the import")
    func headerProblems() {
        let text = "response_id,submitted_on,profession,profession,colour,,placement_type,IND1,IND2,NMW1,MED1\n"
        let rejected = #expect(throws: ImportRejected.self) { try Self.run(text) }
        #expect(rejected?.errors.map(\.description) == [
            "line 1: profession: duplicate column (also column 3)",
            "line 1: colour: unknown column",
            "line 1: column 6: empty column name",
            "line 1: organisation: missing required column",
            "line 1: EDS1: missing required column",
        ])
    }

    @Test("an empty file is refused")
    func emptyFile() {
        let rejected = #expect(throws: ImportRejected.self) { try Self.run("") }
        #expect(rejected?.errors.map(\.description) == ["line 1: header: the file is empty"])
    }

    static let fieldErrors: [(String, String, String)] = [
        ("response_id", "", "line 2: response_id: required, but empty"),
        ("response_id", String(repeating: "x", count: 65), "line 2: response_id: longer than 64 characters"),
        ("submitted_on", "", "line 2: submitted_on: required, but empty"),
        ("submitted_on", "15/09/2026", "line 2: submitted_on: \"15/09/2026\" is not a date in the form YYYY-MM-DD"),
        ("submitted_on", "2026-09-31", "line 2: submitted_on: \"2026-09-31\" is not a real date"),
        ("submitted_on", "2026-08-31", "line 2: submitted_on: 2026-08-31 is before the round opened on 2026-09-01"),
        ("submitted_on", "2026-12-01", "line 2: submitted_on: 2026-12-01 is after the round closed on 2026-11-30"),
        ("profession", "", "line 2: profession: required, but empty"),
        ("profession", "nurse", "line 2: profession: unknown profession \"nurse\""),
        ("organisation", "RXX", "line 2: organisation: unknown organisation \"RXX\""),
        ("site", "ZZ-9", "line 2: site: unknown site \"ZZ-9\""),
        ("site", "RM2-01", "line 2: site: site \"RM2-01\" belongs to organisation \"RM2\", not \"RJ1\""),
        ("placement_type", "ward", "line 2: placement_type: unknown placement type \"ward\""),
        ("specialty", "cardiology", "line 2: specialty: unknown specialty \"cardiology\""),
        ("level", "year-9", "line 2: level: unknown training level \"year-9\""),
        ("IND1", "x", "line 2: IND1: \"x\" is not an answer: use a rank from 1 to 5, NA, or leave it empty"),
        ("IND1", "4.0", "line 2: IND1: \"4.0\" is not an answer: use a rank from 1 to 5, NA, or leave it empty"),
        ("IND1", "6", "line 2: IND1: rank 6 is outside the scale 1–5"),
        ("IND1", "0", "line 2: IND1: rank 0 is outside the scale 1–5"),
        ("NMW1", "3", "line 2: NMW1: rank 3 is outside the scale 1–2"),
        ("IND1", "NA", "line 2: IND1: NA is not allowed for this item"),
        ("MED1", "3", "line 2: MED1: this item is not asked of profession \"student-nurse\"; leave it empty"),
        ("MED1", "NA", "line 2: MED1: this item is not asked of profession \"student-nurse\"; leave it empty"),
        ("WELL", String(repeating: "a", count: 5_001), "line 2: WELL: longer than 5,000 characters (5,001)"),
    ]

    @Test("each field rule gives `line N: column: reason`", arguments: fieldErrors)
    func fieldError(column: String, value: String, expected: String) throws {
        // MUT
        let outcome = try Self.run(Self.file(Self.row(column, value)))
        // validate
        #expect(outcome.errors == [expected])
        #expect(outcome.rows.isEmpty)
        #expect(outcome.summary.validRows == 0)
    }

    @Test("values are accepted with surrounding spaces and NA in any case")
    func lenientValues() throws {
        let outcome = try Self.run(Self.file(Self.row("IND2", " na ").replacingOccurrences(of: "student-nurse", with: " student-nurse ")))
        #expect(outcome.errors == [])
        #expect(outcome.rows.first?.0.answers[1] == .notApplicable)
    }

    @Test("a repeated response_id is an error pointing at the first")
    func duplicates() throws {
        let outcome = try Self.run(Self.file(Self.goodRow, Self.row("IND1", "3", id: "R2"), Self.row("IND1", "2", id: "R1")))
        #expect(outcome.errors == ["line 4: response_id: duplicate response_id \"R1\" (first on line 2)"])
        #expect(outcome.summary.validRows == 2)
    }

    @Test("rows with too few or too many fields are reported once each")
    func fieldCounts() throws {
        let outcome = try Self.run(Self.file("R1,2026-09-15,student-nurse", Self.goodRow.replacingOccurrences(of: "R1", with: "R2") + ",extra"))
        #expect(outcome.errors == [
            "line 2: organisation: missing: the row has 3 fields but the header has 15",
            "line 3: column 16: unexpected field: the row has 16 fields but the header has 15",
        ])
    }

    @Test("line numbers are physical: a quoted line break moves every later row down")
    func physicalLines() throws {
        let multiLine = Self.row("WELL", "\"Great\nteam\"", id: "R1")
        let outcome = try Self.run(Self.file(multiLine, Self.row("IND1", "9", id: "R2"), "", Self.row("IND1", "7", id: "R3")))
        #expect(outcome.errors == ["line 4: IND1: rank 9 is outside the scale 1–5", "line 6: IND1: rank 7 is outside the scale 1–5"])
        #expect(outcome.rows.first?.0.freeTexts["WELL"] == "Great\nteam")
    }

    @Test("broken quoting is reported for its column and the row is refused")
    func quoting() throws {
        let outcome = try Self.run(Self.file(Self.row("WELL", "Great \"team\"")))
        #expect(outcome.errors == ["line 2: WELL: a quote inside a field that does not start with a quote (quote the field and double the quote)"])
        #expect(outcome.rows.isEmpty)
    }

    @Test("bytes that are not UTF-8 are refused in text")
    func invalidUTF8() throws {
        var bytes = Array(Self.file(Self.row("WELL", "caf#")).utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "#"))!] = 0xE9
        var reader = CSVReader(bytes: bytes)
        let summary = try ResponseImport.run(&reader, questionnaire: SurveyFixtures.questionnaire(), round: SurveyFixtures.round(),
                                             references: SurveyFixtures.references(), today: Self.today)
        #expect(summary.errors.map(\.description) == ["line 2: WELL: not valid UTF-8 text"])
    }

    @Test("every error in a row is listed, in column order of the rules")
    func severalErrors() throws {
        let outcome = try Self.run(Self.file(",2026-02-30,nurse,RJ1,,ward,,,9,,,,,,"))
        #expect(outcome.errors == [
            "line 2: response_id: required, but empty",
            "line 2: submitted_on: \"2026-02-30\" is not a real date",
            "line 2: profession: unknown profession \"nurse\"",
            "line 2: placement_type: unknown placement type \"ward\"",
            "line 2: IND1: rank 9 is outside the scale 1–5",
        ])
    }

    @Test("dates may not be in the future; grace days after closing are allowed when asked for")
    func dateWindow() throws {
        let future = try Self.run(Self.file(Self.row("submitted_on", "2026-10-20")), today: SurveyFixtures.day("2026-10-10"))
        #expect(future.errors == ["line 2: submitted_on: 2026-10-20 is in the future"])
        let late = Self.file(Self.row("submitted_on", "2026-12-10"), Self.row("submitted_on", "2026-12-20", id: "R2"))
        let graced = try Self.run(late, window: SubmissionWindow(graceDaysAfterClosing: 14), today: SurveyFixtures.day("2027-01-31"))
        #expect(graced.errors == ["line 3: submitted_on: 2026-12-20 is after the last day accepted, 2026-12-14 (the round closed on 2026-11-30)"])
    }

    @Test("the error list is capped but every error is counted")
    func errorLimit() throws {
        let rows = (1...50).map { Self.row("IND1", "9", id: "R\($0)") }
        let outcome = try Self.run(([Self.header] + rows).joined(separator: "\n"), errorLimit: 10)
        #expect(outcome.summary.errors.count == 10)
        #expect(outcome.summary.errorCount == 50)
        #expect(!outcome.summary.isValid)
    }

    @Test("a dry run checks without building rows and finds the same errors")
    func dryRun() throws {
        let text = Self.file(Self.goodRow, Self.row("IND1", "9", id: "R2"))
        var reader = CSVReader(bytes: Array(text.utf8))
        let summary = try ResponseImport.run(&reader, questionnaire: SurveyFixtures.questionnaire(), round: SurveyFixtures.round(),
                                             references: SurveyFixtures.references(), today: Self.today)
        #expect(summary.validRows == 1)
        #expect(summary.errors == (try Self.run(text)).summary.errors)
    }

    @Test("progress is reported in rows and bytes, ending with the whole file")
    func progress() throws {
        // setup
        let text = Self.file(Self.goodRow, Self.row("IND1", "3", id: "R2"), Self.row("IND1", "2", id: "R3"))
        var reader = CSVReader(bytes: Array(text.utf8))
        var reports: [ResponseImport.Progress] = []
        // MUT
        _ = try ResponseImport.run(&reader, questionnaire: SurveyFixtures.questionnaire(), round: SurveyFixtures.round(),
                                   references: SurveyFixtures.references(), today: Self.today,
                                   progressInterval: 2, progress: { reports.append($0) })
        // validate
        #expect(reports.map(\.rows) == [2, 3])
        #expect(reports.last?.bytes == text.utf8.count)
    }

    @Test("a quote left open on a huge file is refused with the line it started on")
    func runawayQuote() {
        var reader = CSVReader(bytes: Array((Self.file(Self.goodRow) + "R2,\"" + String(repeating: "x", count: 500)).utf8),
                               maximumRecordBytes: 100)
        let rejected = #expect(throws: ImportRejected.self) {
            try ResponseImport.run(&reader, questionnaire: SurveyFixtures.questionnaire(), round: SurveyFixtures.round(),
                                   references: SurveyFixtures.references(), today: Self.today)
        }
        #expect(rejected?.errors.map(\.description) == ["line 3: row: longer than 100 bytes; is a quote left open?"])
    }

    @Test("responses written by the encoder import back unchanged")
    func encoderRoundTrip() throws {
        // setup
        let questionnaire = SurveyFixtures.questionnaire()
        var answers = AnswerSheet(for: questionnaire)
        answers[0] = .rank(3)
        answers[1] = .notApplicable
        let original = SurveyResponse(responseID: "R, \"quoted\"", placement: SurveyFixtures.placementDetails(),
                                      answers: answers, freeTexts: ["SAFETY": "Line one,\r\nline \"two\""],
                                      submittedOn: SurveyFixtures.day("2026-10-01"))
        let encoder = ResponseCSVEncoder(questionnaire: questionnaire)
        var writer = CSVWriter()
        encoder.writeHeader(into: &writer)
        writer.endRecord()
        encoder.write(original, into: &writer)
        writer.endRecord()
        // MUT
        let outcome = try Self.run(String(decoding: writer.bytes, as: UTF8.self))
        // validate
        #expect(outcome.errors == [])
        #expect(outcome.rows.map(\.0) == [original])
    }
}
