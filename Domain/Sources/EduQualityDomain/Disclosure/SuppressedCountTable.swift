import Foundation

/// A two-way table of counts with row, column and grand totals, made safe to publish.
///
/// Primary suppression hides every count from 1 to threshold − 1 (zero describes nobody and is
/// shown). Secondary suppression then makes sure no hidden count can be worked out by subtraction:
/// in every line (a row with its total, a column with its total, the row totals with the grand
/// total, the column totals with the grand total)
/// - if the line's total is shown, either nothing in the line is hidden or at least two cells are
///   and the hidden cells add up to at least the threshold (the brief's "if exactly one cell would
///   be suppressed, suppress the next smallest too", made strict enough for DisclosureThreshold's
///   difference rule);
/// - if the total is hidden, at least one cell is hidden too, or the total is their sum.
/// Each pass hides the smallest shown non-zero cell of a failing line (a zero cell if none is left,
/// the line's total if no cell is), until every line passes. This is the standard greedy
/// heuristic: it defeats subtraction along rows and columns, not every possible linear attack on
/// a large table.
public struct SuppressedCountTable: Hashable, Sendable {
    public let rowLabels: [String]
    public let columnLabels: [String]
    public let cells: [[PublishedCount]]
    public let rowTotals: [PublishedCount]
    public let columnTotals: [PublishedCount]
    public let grandTotal: PublishedCount

    /// `counts[r][c]` for the labelled rows and columns.
    public init(rowLabels: [String], columnLabels: [String], counts: [[Int]], threshold: DisclosureThreshold) {
        precondition(counts.count == rowLabels.count && counts.allSatisfy { $0.count == columnLabels.count })
        let rows = rowLabels.count, columns = columnLabels.count
        // Flat layout: cells, then row totals, then column totals, then the grand total.
        var values = counts.flatMap { $0 }
        let rowTotal = { (r: Int) in rows * columns + r }
        let columnTotal = { (c: Int) in rows * columns + rows + c }
        let grand = rows * columns + rows + columns
        values += counts.map { $0.reduce(0, +) }
        values += (0..<columns).map { c in counts.reduce(0) { $0 + $1[c] } }
        values.append(counts.joined().reduce(0, +))

        var lines: [(total: Int, parts: [Int])] = []
        for r in 0..<rows { lines.append((rowTotal(r), (0..<columns).map { r * columns + $0 })) }
        for c in 0..<columns { lines.append((columnTotal(c), (0..<rows).map { $0 * columns + c })) }
        lines.append((grand, (0..<rows).map(rowTotal)))
        lines.append((grand, (0..<columns).map(columnTotal)))

        var hidden = values.map { $0 > 0 && !threshold.allows($0) }
        var changed = true
        while changed {
            changed = false
            for line in lines where !Self.passes(line, values, hidden, threshold) {
                let shown = line.parts.filter { !hidden[$0] }
                let pick = shown.filter { values[$0] > 0 }.min { (values[$0], $0) < (values[$1], $1) }
                    ?? shown.first
                    ?? line.total
                if !hidden[pick] {
                    hidden[pick] = true
                    changed = true
                }
            }
        }

        func published(_ index: Int) -> PublishedCount { hidden[index] ? .suppressed : .count(values[index]) }
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        cells = (0..<rows).map { r in (0..<columns).map { published(r * columns + $0) } }
        rowTotals = (0..<rows).map { published(rowTotal($0)) }
        columnTotals = (0..<columns).map { published(columnTotal($0)) }
        grandTotal = published(grand)
    }

    private static func passes(_ line: (total: Int, parts: [Int]), _ values: [Int], _ hidden: [Bool],
                               _ threshold: DisclosureThreshold) -> Bool {
        let hiddenParts = line.parts.filter { hidden[$0] }
        if hidden[line.total] { return !hiddenParts.isEmpty || line.parts.isEmpty }
        if hiddenParts.isEmpty { return true }
        let hiddenSum = hiddenParts.reduce(0) { $0 + values[$1] }
        return hiddenParts.count >= 2 && threshold.allowsDifference(hiddenSum)
    }

    /// The table as CSV: a header of `rowHeader`, the column labels and `total`, one line per row,
    /// and a `total` line; withheld counts read `suppressed`.
    public func csv(rowHeader: String) -> String {
        var text = SpreadsheetCSV.line([rowHeader] + columnLabels + ["total"])
        for (r, label) in rowLabels.enumerated() {
            text += SpreadsheetCSV.line([label] + cells[r].map(\.description) + [rowTotals[r].description])
        }
        text += SpreadsheetCSV.line(["total"] + columnTotals.map(\.description) + [grandTotal.description])
        return text
    }
}
