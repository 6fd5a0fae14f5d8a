import Testing
@testable import EduQualityDomain

@Suite("Small-count suppression in statistics tables")
struct SuppressedCountTableTests {
    static let three = DisclosureThreshold.standard

    @Test("a table with no small counts is published whole, zeros included")
    func nothingSmall() {
        let table = SuppressedCountTable(rowLabels: ["A", "B"], columnLabels: ["x", "y"], counts: [[4, 0], [5, 6]], threshold: Self.three)
        #expect(table.cells == [[.count(4), .count(0)], [.count(5), .count(6)]])
        #expect(table.rowTotals == [.count(4), .count(11)])
        #expect(table.columnTotals == [.count(9), .count(6)])
        #expect(table.grandTotal == .count(15))
    }

    @Test("one small cell: it and the next smallest in its row go, then the columns are protected too")
    func complementary() {
        // Worked by hand: A.x = 2 is hidden; A.y (5, the next smallest in row A) too; then columns
        // x and y each have one hidden cell, so B.x and B.y go. Totals stay: the four hidden cells
        // have one degree of freedom (A.x can be anything from 0 to 7).
        let table = SuppressedCountTable(rowLabels: ["A", "B"], columnLabels: ["x", "y", "z"],
                                         counts: [[2, 5, 8], [6, 7, 9]], threshold: Self.three)
        #expect(table.cells == [[.suppressed, .suppressed, .count(8)], [.suppressed, .suppressed, .count(9)]])
        #expect(table.rowTotals == [.count(15), .count(22)])
        #expect(table.columnTotals == [.count(8), .count(12), .count(17)])
        #expect(table.grandTotal == .count(37))
    }

    @Test("two small cells whose sum is still small pull in a third")
    func smallSum() {
        let table = SuppressedCountTable(rowLabels: ["A"], columnLabels: ["x", "y", "z"], counts: [[1, 1, 9]], threshold: Self.three)
        // Hidden 1 + 1 = 2 could be read off as total − 9, so 9 goes too; the row then needs nothing more.
        #expect(table.cells == [[.suppressed, .suppressed, .suppressed]])
        #expect(table.rowTotals == [.count(11)])
    }

    @Test("a small row total hides its whole row and is protected in the column of totals")
    func smallRowTotal() {
        let table = SuppressedCountTable(rowLabels: ["A", "B", "C"], columnLabels: ["x", "y"],
                                         counts: [[1, 1], [4, 5], [10, 12]], threshold: Self.three)
        #expect(table.cells[0] == [.suppressed, .suppressed])
        #expect(table.rowTotals[0] == .suppressed)
        #expect(table.rowTotals[1] == .suppressed, "else A's total = grand − B − C")
        #expect(table.grandTotal == .count(33))
        Self.assertSafe(table, [[1, 1], [4, 5], [10, 12]], Self.three)
    }

    /// Independent check of the published table: no shown count is small, and along every line
    /// the hidden entries are 0 or at least two, with a hidden sum of 0 or ≥ threshold when the
    /// line's total is shown, and a hidden total never equals the sum of shown cells.
    static func assertSafe(_ table: SuppressedCountTable, _ counts: [[Int]], _ threshold: DisclosureThreshold,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = counts.count, columns = counts.first?.count ?? 0
        let rowTotals = counts.map { $0.reduce(0, +) }
        let columnTotals = (0..<columns).map { c in counts.reduce(0) { $0 + $1[c] } }
        let grand = rowTotals.reduce(0, +)
        func check(_ total: PublishedCount, _ totalValue: Int, _ parts: [PublishedCount], _ values: [Int], _ what: String) {
            let hidden = parts.indices.filter { parts[$0] == .suppressed }
            if total == .suppressed {
                #expect(!hidden.isEmpty || parts.isEmpty, "\(what): hidden total is the sum of shown parts", sourceLocation: sourceLocation)
            } else if !hidden.isEmpty {
                let sum = hidden.reduce(0) { $0 + values[$1] }
                #expect(hidden.count >= 2, "\(what): a lone hidden cell", sourceLocation: sourceLocation)
                #expect(sum == 0 || sum >= threshold.value, "\(what): hidden cells sum to \(sum)", sourceLocation: sourceLocation)
            }
        }
        for r in 0..<rows { check(table.rowTotals[r], rowTotals[r], table.cells[r], counts[r], "row \(r)") }
        for c in 0..<columns {
            check(table.columnTotals[c], columnTotals[c], table.cells.map { $0[c] }, counts.map { $0[c] }, "column \(c)")
        }
        check(table.grandTotal, grand, table.rowTotals, rowTotals, "row totals")
        check(table.grandTotal, grand, table.columnTotals, columnTotals, "column totals")
        let shown = table.cells.joined().compactMap(\.value) + table.rowTotals.compactMap(\.value)
            + table.columnTotals.compactMap(\.value) + [table.grandTotal.value].compactMap { $0 }
        #expect(shown.allSatisfy { $0 == 0 || $0 >= threshold.value }, "a small count is shown", sourceLocation: sourceLocation)
        // Shown values are the true values.
        for r in 0..<rows { for c in 0..<columns { if let v = table.cells[r][c].value { #expect(v == counts[r][c]) } } }
    }

    @Test("random tables at thresholds 3 and 10 always come out safe", arguments: [3, 10])
    func randomTables(threshold value: Int) {
        let threshold = DisclosureThreshold(value)!
        var rng = SeededGenerator(seed: UInt64(value))
        for _ in 0..<300 {
            let rows = Int.random(in: 1...5, using: &rng), columns = Int.random(in: 1...6, using: &rng)
            let counts = (0..<rows).map { _ in (0..<columns).map { _ in
                Int.random(in: 0...3, using: &rng) == 0 ? 0 : Int.random(in: 1...(value * 3), using: &rng)
            } }
            let table = SuppressedCountTable(rowLabels: (0..<rows).map(String.init), columnLabels: (0..<columns).map(String.init),
                                             counts: counts, threshold: threshold)
            Self.assertSafe(table, counts, threshold)
        }
    }

    @Test("CSV shows suppressed counts as the word, with totals")
    func csv() {
        let table = SuppressedCountTable(rowLabels: ["RJ1", "RM2"], columnLabels: ["x", "y", "z"],
                                         counts: [[2, 5, 8], [6, 7, 9]], threshold: Self.three)
        #expect(table.csv(rowHeader: "organisation") == """
            organisation,x,y,z,total\r
            RJ1,suppressed,suppressed,8,15\r
            RM2,suppressed,suppressed,9,22\r
            total,8,12,17,37\r

            """)
    }
}
