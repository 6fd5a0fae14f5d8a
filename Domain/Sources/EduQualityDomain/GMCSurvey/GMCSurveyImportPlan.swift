/// What importing a checked file would do, given the results already stored: add the new ones,
/// skip those stored with the same score and flag (so importing a file twice adds nothing), and
/// refuse — as a line error, so nothing is stored — a row whose result is stored with another
/// score or flag. A published survey result does not change; a differing row is a mistake in
/// one file or the other, and silently overwriting would change what linked register entries
/// rest on.
public struct GMCSurveyImportPlan: Sendable {
    public let rows: Int
    public let new: [GMCSurveyResult]
    public let skipped: Int
    /// In line order, at most `GMCSurveyFile.errorLimit`.
    public let errors: [ImportError]
    public let errorCount: Int

    public var isValid: Bool { errorCount == 0 }

    /// - Parameter stored: the stored results with the keys of `file`'s rows (others are ignored).
    public init(_ file: GMCSurveyFile.Read, stored: [GMCSurveyReference: GMCSurveyResult]) {
        var new: [GMCSurveyResult] = [], skipped = 0, conflicts: [ImportError] = []
        for row in file.rows {
            guard let existing = stored[row.result.key] else {
                new.append(row.result)
                continue
            }
            if existing.isSameFigures(as: row.result) {
                skipped += 1
                continue
            }
            let column = existing.score != row.result.score ? "score" : "flag"
            conflicts.append(ImportError(line: row.line, column: column,
                reason: "\(row.result.reference) is already stored with score \(Self.format(existing.score)) and flag \(existing.flag.rawValue); a stored result is not replaced"))
        }
        // By line; within a line in the order found (columns left to right).
        let all = (file.errors + conflicts).enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        rows = file.rowCount
        self.new = new
        self.skipped = skipped
        errors = Array(all.prefix(GMCSurveyFile.errorLimit))
        errorCount = file.errorCount + conflicts.count
    }

    /// A score as people write it: no trailing `.0`.
    public static func format(_ score: Double) -> String {
        score == score.rounded() ? String(Int(score)) : String(score)
    }
}
