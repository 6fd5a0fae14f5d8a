/// Reads and checks a GMC national training survey file, header exactly
/// `year,organisation,site,specialty,indicator,score,flag`, one result a row. Every problem is
/// reported as `line N: column: reason`; the caller stores nothing unless there are none.
///
/// Rules: the year has four digits and is not after this year; organisation, specialty and
/// indicator are known codes and the organisation lies in the importer's scope (a regional team
/// imports its own region's rows only); the site is optional and, when given, belongs to the
/// organisation; the score is a number from 0 to 100; the flag is one of the GMC colours. A
/// result (year, organisation, site, specialty, indicator) may appear once in a file.
public enum GMCSurveyFile {
    public static let columns = ["year", "organisation", "site", "specialty", "indicator", "score", "flag"]
    /// Errors kept for display (all are counted), so a hopeless file gives a bounded answer.
    public static let errorLimit = 500

    public struct Row: Hashable, Sendable {
        public let line: Int
        public let result: GMCSurveyResult
    }

    public struct Read: Sendable {
        /// Data rows read (not the header, not blank lines).
        public let rowCount: Int
        public let rows: [Row]
        /// In file order, at most `errorLimit`.
        public let errors: [ImportError]
        public let errorCount: Int
    }

    /// - Throws: `ImportRejected` for an empty file, a wrong header or a runaway quoted field.
    public static func read(_ reader: inout CSVReader, codes: GMCSurveyReferenceCodes, actor: Actor,
                            today: CalendarDay) throws(ImportRejected) -> Read {
        guard let header = try next(&reader, errors: []) else {
            throw ImportRejected(errors: [ImportError(line: 1, column: "header", reason: "the file is empty")])
        }
        try check(header: header)
        let checker = RowChecker(codes: codes, actor: actor, today: today)
        var rows: [Row] = [], errors: [ImportError] = [], errorCount = 0, rowCount = 0
        var firstLine: [GMCSurveyReference: Int] = [:]
        while let record = try next(&reader, errors: errors) {
            rowCount += 1
            var rowErrors: [ImportError] = []
            if let result = checker.check(record, errors: &rowErrors) {
                if let earlier = firstLine[result.key] {
                    rowErrors.append(ImportError(line: record.line, column: "row",
                        reason: "repeats the result of line \(earlier) (\(result.reference)); a result may appear once in a file"))
                } else {
                    firstLine[result.key] = record.line
                    rows.append(Row(line: record.line, result: result))
                }
            }
            errorCount += rowErrors.count
            errors += rowErrors.prefix(max(0, errorLimit - errors.count))
        }
        return Read(rowCount: rowCount, rows: rows, errors: errors, errorCount: errorCount)
    }

    private static func next(_ reader: inout CSVReader, errors: [ImportError]) throws(ImportRejected) -> CSVRecord? {
        do {
            return try reader.next()
        } catch CSVReadError.recordTooLong(let line, let limit) {
            throw ImportRejected(errors: errors + [ImportError(line: line, column: "row",
                                                               reason: "longer than \(limit) bytes; is a quote left open?")])
        } catch {
            throw ImportRejected(errors: errors + [ImportError(line: 1, column: "file", reason: "cannot be read: \(error)")])
        }
    }

    private static func check(header: CSVRecord) throws(ImportRejected) {
        let names = header.strings.map(\.trimmingASCIISpaces)
        guard names != columns else { return }
        let expected = "the header must be exactly " + columns.joined(separator: ",")
        var errors: [ImportError] = []
        for index in 0..<max(names.count, columns.count) {
            let line = header.line(ofField: min(index, header.count - 1))
            if index >= names.count {
                errors.append(ImportError(line: line, column: columns[index], reason: "missing column; \(expected)"))
            } else if index >= columns.count {
                errors.append(ImportError(line: line, column: "column \(index + 1)",
                                          reason: "unexpected column \"\(names[index])\"; \(expected)"))
            } else if names[index] != columns[index] {
                errors.append(ImportError(line: line, column: columns[index],
                                          reason: "column \(index + 1) is \"\(names[index])\"; \(expected)"))
            }
        }
        throw ImportRejected(errors: errors)
    }
}
