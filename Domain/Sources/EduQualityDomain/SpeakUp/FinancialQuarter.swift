/// A quarter of the UK financial year, which runs 1 April to 31 March: Q1 April–June, Q2
/// July–September, Q3 October–December, Q4 January–March. Labelled `2026-27 Q3`.
public struct FinancialQuarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the financial year starts (2026 for 2026-27).
    public let financialYearStart: Int
    /// 1 to 4.
    public let quarter: Int

    public init?(financialYearStart: Int, quarter: Int) {
        guard (1...4).contains(quarter) else { return nil }
        self.financialYearStart = financialYearStart
        self.quarter = quarter
    }

    public init(containing day: CalendarDay) {
        financialYearStart = day.month >= 4 ? day.year : day.year - 1
        quarter = day.month >= 4 ? (day.month - 4) / 3 + 1 : 4
    }

    /// Parses `2026-27 Q3`; the second year must follow the first.
    public init?(label: String) {
        let parts = label.split(separator: " ")
        guard parts.count == 2, parts[1].count == 2, parts[1].first == "Q",
              let q = Int(parts[1].dropFirst()) else { return nil }
        let years = parts[0].split(separator: "-")
        guard years.count == 2, years[0].count == 4, years[1].count == 2,
              let start = Int(years[0]), let end = Int(years[1]), end == (start + 1) % 100 else { return nil }
        self.init(financialYearStart: start, quarter: q)
    }

    public var label: String {
        let end = (financialYearStart + 1) % 100
        return "\(financialYearStart)-\(end < 10 ? "0" : "")\(end) Q\(quarter)"
    }

    public var description: String { label }

    public var firstDay: CalendarDay {
        let month = quarter == 4 ? 1 : 3 * quarter + 1
        return CalendarDay(year: quarter == 4 ? financialYearStart + 1 : financialYearStart, month: month, day: 1)!
    }

    public var lastDay: CalendarDay { next.firstDay.adding(days: -1) }

    public func contains(_ day: CalendarDay) -> Bool { firstDay <= day && day <= lastDay }

    public var next: FinancialQuarter {
        quarter == 4 ? FinancialQuarter(financialYearStart: financialYearStart + 1, quarter: 1)!
            : FinancialQuarter(financialYearStart: financialYearStart, quarter: quarter + 1)!
    }

    public static func < (a: FinancialQuarter, b: FinancialQuarter) -> Bool {
        (a.financialYearStart, a.quarter) < (b.financialYearStart, b.quarter)
    }
}
