import Testing
@testable import EduQualityDomain

@Suite("Import dates read from bytes")
struct ISODateBytesTests {
    @Test("a date field is a day, malformed, or a day that does not exist",
          arguments: [("2026-09-01", "day"), ("2024-02-29", "day"), ("2026-02-29", "nonexistent"),
                      ("2026-13-01", "nonexistent"), ("0000-01-01", "nonexistent"), ("2026-9-1", "malformed"),
                      ("2026/09/01", "malformed"), ("2026-09-01x", "malformed"), ("20a6-09-01", "malformed"), ("", "malformed")])
    func parse(text: String, expected: String) {
        // MUT
        let parsed = Array(text.utf8).withUnsafeBufferPointer(ISODateBytes.parse)
        // validate
        switch parsed {
        case .day(let day):
            #expect(expected == "day")
            #expect(day == CalendarDay(iso: text))
        case .malformed: #expect(expected == "malformed")
        case .nonexistent: #expect(expected == "nonexistent")
        }
    }
}
