import Foundation

extension CalendarDay {
    /// The service's time zone: a concern sent at 00:30 on a summer night in England belongs to
    /// that day, not the previous one in UTC.
    public static let ukTimeZone = TimeZone(identifier: "Europe/London")!

    /// The day `date` falls on in `timeZone`. Only the day is kept, which is all an anonymous
    /// report may keep.
    public init(_ date: Date, in timeZone: TimeZone = CalendarDay.ukTimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    public static func today(in timeZone: TimeZone = CalendarDay.ukTimeZone) -> CalendarDay {
        CalendarDay(Date(), in: timeZone)
    }
}
