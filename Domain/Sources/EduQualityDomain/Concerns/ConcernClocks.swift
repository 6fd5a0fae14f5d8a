/// The acknowledgement and response clocks, in working days (configurable; default 2 and 20),
/// with the calendar that says which days count. Each handling stage (the first body, and every
/// body after an escalation or transfer) gets its own clocks from the day it starts.
public struct ConcernClocks: Hashable, Sendable, Codable {
    public var acknowledgeWithin: Int
    public var respondWithin: Int
    public var calendar: WorkingCalendar

    public init(acknowledgeWithin: Int = 2, respondWithin: Int = 20, calendar: WorkingCalendar = .englandAndWales) {
        precondition(acknowledgeWithin >= 0 && respondWithin >= acknowledgeWithin, "response cannot be due before acknowledgement")
        self.acknowledgeWithin = acknowledgeWithin
        self.respondWithin = respondWithin
        self.calendar = calendar
    }

    public static let standard = ConcernClocks()

    public func acknowledgeBy(startingOn day: CalendarDay) -> CalendarDay {
        calendar.adding(workingDays: acknowledgeWithin, to: day)
    }

    public func respondBy(startingOn day: CalendarDay) -> CalendarDay {
        calendar.adding(workingDays: respondWithin, to: day)
    }
}

/// Which clocks a case has run past. A clock is overdue from the day after its due date.
public struct OverdueStatus: Hashable, Sendable {
    public let acknowledgement: Bool
    public let response: Bool

    public init(acknowledgement: Bool, response: Bool) {
        self.acknowledgement = acknowledgement
        self.response = response
    }

    public var isOverdue: Bool { acknowledgement || response }
    public static let onTime = OverdueStatus(acknowledgement: false, response: false)
}
