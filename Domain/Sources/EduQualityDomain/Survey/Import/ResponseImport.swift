/// Reads and validates a whole response import file in one streaming pass.
///
/// The file is imported all or nothing. Either run twice — once without `onRow` to collect
/// errors (fast, builds nothing), then, if there were none, again with `onRow` inserting inside
/// one transaction — or run once with `onRow` into a transaction rolled back if `errors` is not
/// empty. Re-imports are made harmless by the store's unique (round, response_id).
public enum ResponseImport {
    public struct Progress: Hashable, Sendable {
        public let rows: Int
        public let bytes: Int
    }

    public struct Summary: Hashable, Sendable {
        /// Data rows read (the header and blank lines not counted).
        public let rows: Int
        public let validRows: Int
        /// The first `errorLimit` errors, in file order.
        public let errors: [ImportError]
        /// All errors, including those beyond the limit.
        public let errorCount: Int

        public var isValid: Bool { errorCount == 0 }
    }

    /// - Parameters:
    ///   - errorLimit: errors kept in the summary (all are counted), to bound memory on a
    ///     hopeless file.
    ///   - onRow: receives each valid row with its line; when nil rows are only checked.
    ///   - progress: called every `progressInterval` rows, e.g. for a progress bar.
    /// - Throws: `ImportRejected` for an empty file, a bad header or a runaway quoted field;
    ///   whatever `onRow` throws.
    public static func run(
        _ reader: inout CSVReader, questionnaire: Questionnaire, round: SurveyRound,
        references: SurveyReferenceCodes, window: SubmissionWindow = .roundDates, today: CalendarDay,
        errorLimit: Int = 10_000, onRow: ((SurveyResponse, Int) throws -> Void)? = nil,
        progressInterval: Int = 10_000, progress: ((Progress) -> Void)? = nil
    ) throws -> Summary {
        guard let headerRecord = try reader.next() else {
            throw ImportRejected(errors: [ImportError(line: 1, column: "header", reason: "the file is empty")])
        }
        let header = try ResponseImportHeader(headerRecord, questionnaire: questionnaire)
        let validator = ResponseImportValidator(header: header, questionnaire: questionnaire, round: round,
                                                references: references, window: window, today: today)
        var errors: [ImportError] = []
        var errorCount = 0
        var rows = 0
        var validRows = 0
        var rowErrors: [ImportError] = []
        func nextRecord() throws -> CSVRecord? {
            do { return try reader.next() } catch CSVReadError.recordTooLong(let line, let limit) {
                let error = ImportError(line: line, column: "row",
                                        reason: "longer than \(limit) bytes; is a quote left open?")
                throw ImportRejected(errors: errors + [error])
            }
        }
        while let record = try nextRecord() {
            rows += 1
            if let onRow {
                if let response = validator.validate(record, errors: &rowErrors) {
                    validRows += 1
                    try onRow(response, record.line)
                }
            } else if validator.check(record, errors: &rowErrors) {
                validRows += 1
            }
            if !rowErrors.isEmpty {
                errorCount += rowErrors.count
                errors += rowErrors.prefix(max(0, errorLimit - errors.count))
                rowErrors.removeAll(keepingCapacity: true)
            }
            if let progress, rows % progressInterval == 0 {
                progress(Progress(rows: rows, bytes: reader.bytesConsumed))
            }
        }
        progress?(Progress(rows: rows, bytes: reader.bytesConsumed))
        return Summary(rows: rows, validRows: validRows, errors: errors, errorCount: errorCount)
    }
}
