/// The year a self-assessment is for, written as the NHS financial year is: "2026-27" runs from
/// 1 April 2026 to 31 March 2027. One window, and one assessment per provider, per year.
public struct AssessmentYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let firstYear: Int

    public init?(firstYear: Int) {
        guard (2000...2098).contains(firstYear) else { return nil }
        self.firstYear = firstYear
    }

    /// Parses "2026-27": four digits, a hyphen, and the last two digits of the next year.
    public init?(label text: String) {
        let parts = text.trimmingWhitespace.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let first = Int(parts[0]), let second = Int(parts[1]), second == (first + 1) % 100 else { return nil }
        self.init(firstYear: first)
    }

    /// The year that contains `day` (April to March).
    public init(containing day: CalendarDay) {
        firstYear = day.month >= 4 ? day.year : day.year - 1
    }

    public var label: String {
        let next = (firstYear + 1) % 100
        return "\(firstYear)-\(next < 10 ? "0" : "")\(next)"
    }

    public var description: String { label }
    public var firstDay: CalendarDay { CalendarDay(year: firstYear, month: 4, day: 1)! }
    public var lastDay: CalendarDay { CalendarDay(year: firstYear + 1, month: 3, day: 31)! }

    public func contains(_ day: CalendarDay) -> Bool { firstDay <= day && day <= lastDay }

    public static func < (a: AssessmentYear, b: AssessmentYear) -> Bool { a.firstYear < b.firstYear }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let year = AssessmentYear(label: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Not a year such as 2026-27: \(text)"))
        }
        self = year
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }
}
