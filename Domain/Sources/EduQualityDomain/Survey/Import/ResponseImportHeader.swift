/// The header of a response import file: which column holds what. Placement columns may come in
/// any order. Required: the five placement columns below and one column per item (an item
/// column missing would more likely mean the wrong questionnaire than "nobody answered");
/// optional: `site`, `specialty`, `level` and the free-text columns.
public struct ResponseImportHeader: Sendable {
    enum Column: Hashable, Sendable {
        case responseID, submittedOn, profession, organisation, site, placementType, specialty, level
        case item(Int)
        case freeText(Int)
    }

    public static let placementColumns = ["response_id", "submitted_on", "profession", "organisation", "site",
                                          "placement_type", "specialty", "level"]
    static let requiredPlacementColumns: Set<String> = ["response_id", "submitted_on", "profession",
                                                         "organisation", "placement_type"]

    /// The column names as they appear in the file.
    public let names: [String]
    let columns: [Column]

    /// Every column for `questionnaire`, in the order the writer uses.
    public static func columnNames(for questionnaire: Questionnaire) -> [String] {
        placementColumns + questionnaire.items.map(\.code) + questionnaire.freeTextQuestions.map(\.code)
    }

    /// Reads the header record (line 1), reporting unknown, duplicate and missing columns.
    public init(_ record: CSVRecord, questionnaire: Questionnaire) throws(ImportRejected) {
        var known: [String: Column] = [:]
        for (name, column) in zip(Self.placementColumns, [Column.responseID, .submittedOn, .profession, .organisation,
                                                         .site, .placementType, .specialty, .level]) {
            known[name] = column
        }
        for (index, item) in questionnaire.items.enumerated() { known[item.code] = .item(index) }
        for (index, question) in questionnaire.freeTextQuestions.enumerated() { known[question.code] = .freeText(index) }

        var errors: [ImportError] = []
        var names: [String] = []
        var columns: [Column] = []
        var firstPosition: [String: Int] = [:]
        for index in 0..<record.count {
            let name = record.string(at: index).trimmingASCIISpaces
            names.append(name)
            let line = record.line(ofField: index)
            guard !name.isEmpty else {
                errors.append(ImportError(line: line, column: "column \(index + 1)", reason: "empty column name"))
                continue
            }
            if let first = firstPosition[name] {
                errors.append(ImportError(line: line, column: name, reason: "duplicate column (also column \(first + 1))"))
                continue
            }
            firstPosition[name] = index
            guard let column = known[name] else {
                errors.append(ImportError(line: line, column: name, reason: "unknown column"))
                continue
            }
            columns.append(column)
        }
        let required = Self.requiredPlacementColumns.sorted { Self.placementColumns.firstIndex(of: $0)! < Self.placementColumns.firstIndex(of: $1)! }
            + questionnaire.items.map(\.code)
        for name in required where firstPosition[name] == nil {
            errors.append(ImportError(line: record.line, column: name, reason: "missing required column"))
        }
        guard errors.isEmpty else { throw ImportRejected(errors: errors) }
        self.names = names
        self.columns = columns
    }

    var count: Int { columns.count }

    func index(of column: Column) -> Int? { columns.firstIndex(of: column) }
}

extension String {
    var trimmingASCIISpaces: String {
        var bytes = Array(utf8)[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
