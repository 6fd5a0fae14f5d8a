/// A calendar quarter, `2026-Q3` (July to September 2026): the early-warning view's period.
/// Survey rounds count in the quarter they close in; speak-up returns, kept by financial quarter,
/// in the calendar quarter that financial quarter is.
public struct CalendarQuarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...4).contains(number), (1...9999).contains(year) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses `2026-Q3`.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace.uppercased().split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts[1].first == "Q",
              let year = Int(parts[0]), let number = Int(parts[1].dropFirst()) else { return nil }
        self.init(year: year, number: number)
    }

    public init(containing day: CalendarDay) {
        year = day.year
        number = (day.month - 1) / 3 + 1
    }

    public init(_ quarter: FinancialQuarter) { self.init(containing: quarter.firstDay) }

    public var description: String { "\(year)-Q\(number)" }

    /// Quarters since year 0, so consecutive quarters differ by one.
    public var index: Int { year * 4 + number - 1 }

    public func adding(quarters n: Int) -> CalendarQuarter { CalendarQuarter(index: index + n) }

    public var next: CalendarQuarter { CalendarQuarter(index: index + 1) }
    public var previous: CalendarQuarter { CalendarQuarter(index: index - 1) }

    private init(index: Int) {
        year = index / 4
        number = index % 4 + 1
    }

    public var firstDay: CalendarDay { CalendarDay(year: year, month: 3 * number - 2, day: 1)! }
    public var lastDay: CalendarDay { next.firstDay.adding(days: -1) }

    /// Every quarter from `first` to `last`, both included (empty when `last` is earlier).
    public static func range(_ first: CalendarQuarter, through last: CalendarQuarter) -> [CalendarQuarter] {
        guard first <= last else { return [] }
        return (first.index...last.index).map(CalendarQuarter.init(index:))
    }

    public static func < (a: CalendarQuarter, b: CalendarQuarter) -> Bool { a.index < b.index }
}

extension CalendarQuarter: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let quarter = CalendarQuarter(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Not a quarter like 2026-Q3: \(text)"))
        }
        self = quarter
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension SurveyRound {
    /// The quarter a round's figures count in: the one it closes in.
    public var quarter: CalendarQuarter { CalendarQuarter(containing: closes) }
}
