import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Importing GMC national training survey results")
struct GMCSurveyImportTests {
    static let header = "year,organisation,site,specialty,indicator,score,flag"
    static let today = CalendarDay(year: 2026, month: 12, day: 2)!
    static let codes = GMCSurveyReferenceCodes(
        regionOfOrganisation: ["T001": "LDN", "T002": "LDN", "T010": "SE"],
        organisationOfSite: ["T001-01": "T001", "T002-01": "T002", "T010-01": "T010"],
        specialties: ["acute-medicine", "paediatrics"],
        indicators: ["overall-satisfaction", "workload"])
    static let national = Actor(userID: "n", assignments: [try! RoleAssignment(role: .nationalQualityLead, scope: .national)])
    static let london = Actor(userID: "r", assignments: [try! RoleAssignment(role: .regionalQualityTeam, scope: .region("LDN"))])

    static func file(_ rows: String...) -> String { ([header] + rows).map { $0 + "\n" }.joined() }

    static func read(_ text: String, as actor: Actor = national) throws -> GMCSurveyFile.Read {
        var reader = CSVReader(bytes: Array(text.utf8))
        return try GMCSurveyFile.read(&reader, codes: codes, actor: actor, today: today)
    }

    static func plan(_ text: String, as actor: Actor = national,
                     stored: [GMCSurveyResult] = []) throws -> GMCSurveyImportPlan {
        GMCSurveyImportPlan(try read(text, as: actor), stored: Dictionary(uniqueKeysWithValues: stored.map { ($0.key, $0) }))
    }

    static func errors(_ text: String, as actor: Actor = national, stored: [GMCSurveyResult] = []) throws -> [String] {
        try plan(text, as: actor, stored: stored).errors.map(\.description)
    }

    @Test("valid rows become results with a stable reference; an empty site means the whole organisation")
    func validRows() throws {
        // MUT
        let plan = try Self.plan(Self.file("2026,T001,T001-01,acute-medicine,workload,58.5,pink",
                                           " 2025 ,T010,,paediatrics,overall-satisfaction,100,green"))
        // validate
        #expect(plan.isValid && plan.rows == 2 && plan.skipped == 0)
        #expect(plan.new.map(\.reference) == ["2026/T001/T001-01/acute-medicine/workload",
                                              "2025/T010/-/paediatrics/overall-satisfaction"])
        #expect(plan.new[0].score == 58.5 && plan.new[0].flag == .pink && plan.new[1].site == nil)
    }

    @Test("the reference reads back to the same key, and malformed references are refused")
    func references() {
        let key = GMCSurveyReference(year: 2026, organisation: "T001", site: nil, specialty: "acute-medicine", indicator: "workload")
        #expect(GMCSurveyReference(key.description) == key)
        #expect(GMCSurveyReference("2026/T001/T001-01/acute-medicine/workload")?.site == "T001-01")
        for bad in ["2026/T001/-/acute-medicine", "26/T001/-/a/b", "2026/T001//a/b", "2026/T001/-/a/b/c", "abcd/T001/-/a/b"] {
            #expect(GMCSurveyReference(bad) == nil, "\(bad)")
        }
    }

    @Test("every kind of bad field is reported as line N: column: reason", arguments: [
        ("2027,T001,,acute-medicine,workload,50,red", "line 2: year: 2027 is in the future"),
        ("26,T001,,acute-medicine,workload,50,red", "line 2: year: \"26\" is not a four-digit year, such as 2026"),
        (",T001,,acute-medicine,workload,50,red", "line 2: year: is required"),
        ("2026,,,acute-medicine,workload,50,red", "line 2: organisation: is required"),
        ("2026,X999,,acute-medicine,workload,50,red", "line 2: organisation: unknown organisation code \"X999\""),
        ("2026,T001,Z-1,acute-medicine,workload,50,red", "line 2: site: unknown site code \"Z-1\""),
        ("2026,T001,T002-01,acute-medicine,workload,50,red", "line 2: site: site \"T002-01\" belongs to organisation \"T002\", not \"T001\""),
        ("2026,T001,,surgery,workload,50,red", "line 2: specialty: unknown specialty code \"surgery\""),
        ("2026,T001,,,workload,50,red", "line 2: specialty: is required"),
        ("2026,T001,,acute-medicine,Workload,50,red", "line 2: indicator: unknown indicator \"Workload\"; use one of overall-satisfaction, workload"),
        ("2026,T001,,acute-medicine,workload,abc,red", "line 2: score: \"abc\" is not a number; give a score from 0 to 100, such as 72.5"),
        ("2026,T001,,acute-medicine,workload,-1,red", "line 2: score: \"-1\" is not a number; give a score from 0 to 100, such as 72.5"),
        ("2026,T001,,acute-medicine,workload,1e2,red", "line 2: score: \"1e2\" is not a number; give a score from 0 to 100, such as 72.5"),
        ("2026,T001,,acute-medicine,workload,100.5,red", "line 2: score: 100.5 is more than 100; scores are from 0 to 100"),
        ("2026,T001,,acute-medicine,workload,,red", "line 2: score: is required"),
        ("2026,T001,,acute-medicine,workload,50,amber", "line 2: flag: \"amber\" is not a flag; use one of red, pink, white, light-green, green"),
        ("2026,T001,,acute-medicine,workload,50", "line 2: row: has 6 fields but the header has 7"),
        ("2026,T001,,acute-medicine,workload,50,red,extra", "line 2: row: has 8 fields but the header has 7"),
        ("2026,T001,,acute-medicine,work\"load,50,red", "line 2: indicator: a quote inside a field that does not start with a quote (quote the field and double the quote)"),
    ])
    func badField(row: String, expected: String) throws {
        let plan = try Self.plan(Self.file(row))
        #expect(plan.errors.map(\.description).contains(expected), "\(plan.errors)")
        #expect(plan.new.isEmpty && !plan.isValid)
    }

    @Test("a file with any error imports nothing, not even its good rows")
    func allOrNothing() throws {
        let plan = try Self.plan(Self.file("2026,T001,,acute-medicine,workload,50,red",
                                           "2026,T001,,acute-medicine,overall-satisfaction,50,purple"))
        #expect(plan.errorCount == 1 && plan.errors.map(\.line) == [3])
        #expect(!plan.isValid)
    }

    @Test("a regional team may import only its own region's organisations")
    func regionalScope() throws {
        let errors = try Self.errors(Self.file("2026,T001,,acute-medicine,workload,50,red",
                                               "2026,T010,T010-01,acute-medicine,workload,50,red"), as: Self.london)
        #expect(errors == ["line 3: organisation: organisation \"T010\" (region SE) is outside the organisations you may import results for"])
        let provider = Actor(userID: "p", assignments: [try RoleAssignment(role: .providerEducationLead, scope: .organisation("T001"))])
        #expect(try Self.errors(Self.file("2026,T001,,acute-medicine,workload,50,red"), as: provider)
                == ["line 2: organisation: organisation \"T001\" (region LDN) is outside the organisations you may import results for"])
    }

    @Test("re-importing the same file adds nothing: identical stored results are skipped")
    func reimport() throws {
        // setup: the first import
        let text = Self.file("2026,T001,,acute-medicine,workload,58.5,pink", "2026,T002,T002-01,paediatrics,workload,90,green")
        let first = try Self.plan(text)
        // MUT: the same file again, with its results stored (and 58.50 is 58.5)
        let again = try Self.plan(text.replacingOccurrences(of: "58.5,", with: "58.50,"), stored: first.new)
        // validate
        #expect(again.isValid && again.new.isEmpty && again.skipped == 2)
    }

    @Test("a stored result with another score or flag is a conflict on that line, never replaced")
    func conflict() throws {
        let stored = try Self.plan(Self.file("2026,T001,,acute-medicine,workload,58.5,pink")).new
        let errors = try Self.errors(Self.file("2026,T002,,paediatrics,workload,70,white",
                                               "2026,T001,,acute-medicine,workload,58.5,red",
                                               "2026,T001,,acute-medicine,overall-satisfaction,40,red"), stored: stored)
        #expect(errors == ["line 3: flag: 2026/T001/-/acute-medicine/workload is already stored with score 58.5 and flag pink; a stored result is not replaced"])
        let plan = try Self.plan(Self.file("2026,T001,,acute-medicine,workload,61,pink"), stored: stored)
        #expect(plan.errors.map(\.column) == ["score"] && plan.new.isEmpty)
    }

    @Test("the same result twice in one file is refused on the later line")
    func duplicateInFile() throws {
        let errors = try Self.errors(Self.file("2026,T001,,acute-medicine,workload,50,red", "2026,T002,,paediatrics,workload,70,white",
                                               "2026,T001,,acute-medicine,workload,50,red"))
        #expect(errors == ["line 4: row: repeats the result of line 2 (2026/T001/-/acute-medicine/workload); a result may appear once in a file"])
    }

    @Test("a header that is not exactly the seven columns rejects the file", arguments: [
        ("", ["line 1: header: the file is empty"]),
        ("year,organisation,sites,specialty,indicator,score,flag\n",
         ["line 1: site: column 3 is \"sites\"; the header must be exactly year,organisation,site,specialty,indicator,score,flag"]),
        ("year,organisation,site,specialty,indicator,score\n",
         ["line 1: flag: missing column; the header must be exactly year,organisation,site,specialty,indicator,score,flag"]),
        ("year,organisation,site,specialty,indicator,score,flag,notes\n",
         ["line 1: column 8: unexpected column \"notes\"; the header must be exactly year,organisation,site,specialty,indicator,score,flag"]),
    ])
    func header(text: String, expected: [String]) {
        #expect(throws: ImportRejected(errors: expected.map { ImportErrorText.parse($0) })) { try Self.read(text) }
    }

    @Test("errors beyond the limit are counted but not kept")
    func errorLimit() throws {
        let rows = (0..<(GMCSurveyFile.errorLimit + 20)).map { _ in "2026,T001,,acute-medicine,workload,50,amber" }
        let plan = GMCSurveyImportPlan(try Self.read(([Self.header] + rows).joined(separator: "\n")), stored: [:])
        #expect(plan.errors.count == GMCSurveyFile.errorLimit && plan.errorCount == GMCSurveyFile.errorLimit + 20)
    }

    @Test("every flag has a name and a meaning in words, not colour alone")
    func flagText() {
        #expect(GMCFlag.allCases.map(\.rawValue) == ["red", "pink", "white", "light-green", "green"])
        #expect(Set(GMCFlag.allCases.map(\.meaning)).count == 5)
        #expect(GMCFlag.lightGreen.label == "Light green")
    }
}

/// Builds the expected `ImportError` from its `line N: column: reason` text.
enum ImportErrorText {
    static func parse(_ text: String) -> ImportError {
        let parts = text.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
        return ImportError(line: Int(parts[0].dropFirst(5))!, column: parts[1], reason: parts[2])
    }
}
