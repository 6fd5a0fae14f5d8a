extension CalendarDay {
    /// "31 December 2026": the one way a day is written for people, on every page, notice and
    /// message (`iso` is for forms, files and the API).
    public var longDescription: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// The same for a stored `YYYY-MM-DD` text; text that is not such a date is shown as it is.
    public static func longDescription(iso text: String) -> String {
        CalendarDay(iso: text)?.longDescription ?? text
    }
}
