/// Reads `YYYY-MM-DD` straight from a CSV field's bytes, telling a malformed value from an
/// impossible date, for the import's messages. (`CalendarDay(iso:)` works on Strings, which a
/// million rows cannot afford.)
enum ISODateBytes {
    enum Parsed: Equatable {
        case day(CalendarDay)
        case malformed
        case nonexistent
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return .malformed }
        var year = 0, month = 0, day = 0
        for i in 0..<10 where i != 4 && i != 7 {
            let b = bytes[i]
            guard b >= 0x30, b <= 0x39 else { return .malformed }
            let digit = Int(b &- 0x30)
            switch i {
            case 0..<4: year = year * 10 + digit
            case 5, 6: month = month * 10 + digit
            default: day = day * 10 + digit
            }
        }
        guard year >= 1, let parsed = CalendarDay(year: year, month: month, day: day) else { return .nonexistent }
        return .day(parsed)
    }
}
