/// Which days count for the concern clocks: not weekends, not the listed bank holidays.
/// Adding n working days to a day gives the n-th working day strictly after it, so the day a
/// case arrives never counts, and `workingDays(from: d, to: d.adding(workingDays: n)) == n`.
public struct WorkingCalendar: Hashable, Sendable, Codable {
    public var bankHolidays: Set<CalendarDay>

    public init(bankHolidays: Set<CalendarDay>) { self.bankHolidays = bankHolidays }

    /// England and Wales, 2024–2028 (see `EnglandAndWalesBankHolidays`).
    public static let englandAndWales = WorkingCalendar(bankHolidays: EnglandAndWalesBankHolidays.days)

    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        !day.isWeekend && !bankHolidays.contains(day)
    }

    /// The `n`-th working day after `day`; `day` itself when n is 0.
    public func adding(workingDays n: Int, to day: CalendarDay) -> CalendarDay {
        precondition(n >= 0, "clocks only run forwards")
        var current = day
        var remaining = n
        while remaining > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// Working days in (start, end]: how many working days have passed since `start` by the end
    /// of `end`. Zero when `end` is not after `start`.
    public func workingDays(from start: CalendarDay, to end: CalendarDay) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var current = start.adding(days: 1)
        while current <= end {
            if isWorkingDay(current) { count += 1 }
            current = current.adding(days: 1)
        }
        return count
    }
}
