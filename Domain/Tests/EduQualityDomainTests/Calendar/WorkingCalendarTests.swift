import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Calendar days and working-day arithmetic")
struct WorkingCalendarTests {
    typealias F = ConcernFixtures
    let calendar = WorkingCalendar.englandAndWales

    @Test("days parse and print as YYYY-MM-DD, and impossible dates are refused")
    func isoDays() {
        #expect(CalendarDay(iso: "2026-03-31")?.iso == "2026-03-31")
        #expect(CalendarDay(iso: "2028-02-29") != nil)
        #expect(CalendarDay(iso: "2026-02-29") == nil)
        #expect(CalendarDay(iso: "2026-04-31") == nil)
        #expect(CalendarDay(iso: "2026-3-31") == nil)
        #expect(CalendarDay(iso: "26-03-31") == nil)
        #expect(CalendarDay(iso: "2026-03-31T10:00") == nil)
        #expect(CalendarDay(iso: "1970-01-01")?.dayNumber == 0)
        #expect(F.day("2026-03-01").adding(days: -1).iso == "2026-02-28")
        #expect(F.day("2024-03-01").adding(days: -1).iso == "2024-02-29")
    }

    @Test("a moment becomes the day it is in England, summer time included")
    func fromDate() throws {
        let iso = ISO8601DateFormatter()
        // 23:30 UTC on 30 June is 00:30 BST on 1 July: a new financial quarter.
        #expect(CalendarDay(try #require(iso.date(from: "2026-06-30T23:30:00Z"))) == F.day("2026-07-01"))
        #expect(CalendarDay(try #require(iso.date(from: "2026-12-31T23:30:00Z"))) == F.day("2026-12-31"))
        #expect(CalendarDay(try #require(iso.date(from: "2026-06-30T23:30:00Z")), in: TimeZone(identifier: "UTC")!) == F.day("2026-06-30"))
    }

    @Test("weekdays are right on known dates")
    func weekdays() {
        #expect(F.day("2026-03-31").weekday == 2) // Tuesday
        #expect(F.day("1970-01-01").weekday == 4) // Thursday
        #expect(F.day("2026-03-07").isWeekend && F.day("2026-03-08").isWeekend)
        #expect(!F.day("2026-03-09").isWeekend)
        #expect(F.day("1969-12-31").weekday == 3) // before the epoch too
    }

    @Test("adding working days skips weekends; the start day never counts")
    func weekends() {
        #expect(calendar.adding(workingDays: 2, to: F.day("2026-03-06")) == F.day("2026-03-10")) // Fri → Tue
        #expect(calendar.adding(workingDays: 1, to: F.day("2026-03-07")) == F.day("2026-03-09")) // Sat → Mon
        #expect(calendar.adding(workingDays: 0, to: F.day("2026-03-07")) == F.day("2026-03-07"))
        #expect(calendar.adding(workingDays: 20, to: F.day("2026-03-02")) == F.day("2026-03-30"))
    }

    @Test("adding working days skips bank holidays, including substitute days")
    func bankHolidays() {
        // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
        #expect(calendar.adding(workingDays: 1, to: F.day("2026-04-02")) == F.day("2026-04-07"))
        // Christmas 2026: 25th a Friday, Boxing Day substitute Monday 28th.
        #expect(calendar.adding(workingDays: 1, to: F.day("2026-12-24")) == F.day("2026-12-29"))
        // New Year 2028 is a Saturday; the substitute is Monday 3 January.
        #expect(calendar.adding(workingDays: 1, to: F.day("2027-12-31")) == F.day("2028-01-04"))
        // Without the holidays only weekends are skipped.
        #expect(WorkingCalendar(bankHolidays: []).adding(workingDays: 1, to: F.day("2026-04-02")) == F.day("2026-04-03"))
    }

    @Test("working days elapsed counts the days after the start up to and including the end")
    func elapsed() {
        #expect(calendar.workingDays(from: F.day("2026-03-06"), to: F.day("2026-03-10")) == 2)
        #expect(calendar.workingDays(from: F.day("2026-03-06"), to: F.day("2026-03-08")) == 0)
        #expect(calendar.workingDays(from: F.day("2026-03-10"), to: F.day("2026-03-06")) == 0)
        #expect(calendar.workingDays(from: F.day("2026-04-02"), to: F.day("2026-04-07")) == 1)
        #expect(calendar.workingDays(from: F.day("2026-12-24"), to: F.day("2027-01-04")) == 4) // 29, 30, 31, 4
    }

    @Test("elapsed and adding agree for every start day in 2026 and clock lengths 0 to 25")
    func elapsedInvertsAdding() {
        var day = F.day("2026-01-01")
        while day.year == 2026 {
            for n in [0, 1, 2, 5, 20, 25] {
                #expect(calendar.workingDays(from: day, to: calendar.adding(workingDays: n, to: day)) == n)
            }
            day = day.adding(days: 1)
        }
    }

    /// Easter Sunday by the anonymous Gregorian algorithm, to check the shipped data independently.
    static func easter(_ y: Int) -> CalendarDay {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        return CalendarDay(year: y, month: (h + l - 7 * m + 114) / 31, day: (h + l - 7 * m + 114) % 31 + 1)!
    }

    @Test("the shipped England and Wales bank holidays follow the standing rules for 2024–2028",
          arguments: 2024...2028)
    func shippedHolidays(year: Int) {
        let days = EnglandAndWalesBankHolidays.days.filter { $0.year == year }
        #expect(days.count == 8)
        #expect(days.allSatisfy { !$0.isWeekend })
        let easter = Self.easter(year)
        #expect(days.contains(easter.adding(days: -2)), "Good Friday")
        #expect(days.contains(easter.adding(days: 1)), "Easter Monday")
        let mondays = { (month: Int) in (1...31).compactMap { CalendarDay(year: year, month: month, day: $0) }.filter { $0.weekday == 1 } }
        #expect(days.contains(mondays(5).first!), "early May")
        #expect(days.contains(mondays(5).last!), "spring")
        #expect(days.contains(mondays(8).last!), "summer")
        #expect(days.filter { $0.month == 12 }.count == 2)
        #expect(days.filter { $0.month == 1 }.count == 1)
    }

    @Test("an administrator's calendar loads from JSON")
    func json() throws {
        let json = #"{"bankHolidays":["2026-12-25","2026-12-28"]}"#
        let loaded = try JSONDecoder().decode(WorkingCalendar.self, from: Data(json.utf8))
        #expect(loaded.bankHolidays == [F.day("2026-12-25"), F.day("2026-12-28")])
        let roundTrip = try JSONDecoder().decode(WorkingCalendar.self, from: JSONEncoder().encode(WorkingCalendar.englandAndWales))
        #expect(roundTrip == .englandAndWales)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(WorkingCalendar.self, from: Data(#"{"bankHolidays":["25/12/2026"]}"#.utf8))
        }
    }

    @Test("clock settings are configurable")
    func configurableClocks() {
        let clocks = ConcernClocks(acknowledgeWithin: 5, respondWithin: 10, calendar: WorkingCalendar(bankHolidays: []))
        #expect(clocks.acknowledgeBy(startingOn: F.day("2026-04-02")) == F.day("2026-04-09"))
        #expect(clocks.respondBy(startingOn: F.day("2026-04-02")) == F.day("2026-04-16"))
        let concern = try! Concern.receive(F.submission(), reference: ConcernReference("CN-AAAAA-00002")!,
                                           on: F.day("2026-04-02"), clocks: clocks).concern
        #expect(concern.currentStage.respondBy == F.day("2026-04-16"))
    }
}
