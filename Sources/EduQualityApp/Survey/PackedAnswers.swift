import EduQualityDomain

/// Answers as stored: one character per item in questionnaire order. `.` unanswered, `N` not
/// applicable, `1`–`9` then `a`–`z` for ranks 1–35.
enum PackedAnswers {
    static func text(_ sheet: AnswerSheet) -> String {
        String(decoding: sheet.packed.map(byte(for:)), as: UTF8.self)
    }

    static func byte(for packed: UInt8) -> UInt8 {
        switch packed {
        case 0: UInt8(ascii: ".")
        case 255: UInt8(ascii: "N")
        case 1...9: UInt8(ascii: "0") + packed
        case 10...35: UInt8(ascii: "a") + packed - 10
        default: UInt8(ascii: "?")
        }
    }

    /// The packed answer (0 unanswered, 255 not applicable, else the rank) of a stored character.
    static func packed(from byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "1")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "N"): 255
        default: 0
        }
    }

    static func sheet(_ text: String) -> AnswerSheet {
        AnswerSheet(packed: text.utf8.map(packed(from:)))
    }
}
