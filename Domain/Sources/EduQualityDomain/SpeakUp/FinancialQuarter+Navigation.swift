extension FinancialQuarter {
    public var previous: FinancialQuarter {
        quarter == 1 ? FinancialQuarter(financialYearStart: financialYearStart - 1, quarter: 4)!
            : FinancialQuarter(financialYearStart: financialYearStart, quarter: quarter - 1)!
    }

    /// `count` quarters ending with `self`, newest first: the choices a quarter filter offers.
    public func recent(_ count: Int) -> [FinancialQuarter] {
        guard count > 0 else { return [] }
        return Array(sequence(first: self) { $0.previous }.prefix(count))
    }

    /// The quarter a return is normally made for on `day`: the last one to have ended.
    public static func lastCompleted(on day: CalendarDay) -> FinancialQuarter {
        FinancialQuarter(containing: day).previous
    }
}
