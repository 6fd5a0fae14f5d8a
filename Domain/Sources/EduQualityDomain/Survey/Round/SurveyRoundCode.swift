/// A round's code, e.g. `NETS-2026`: letters, digits and single hyphens, stored in upper case so
/// `nets-2026` on the command line and `NETS-2026` in a URL name the same round.
public struct SurveyRoundCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard (2...40).contains(bytes.count),
              bytes.first!.isASCIILetter || bytes.first!.isASCIIDigit,
              bytes.last! != UInt8(ascii: "-") else { return nil }
        var previous: UInt8 = 0
        for b in bytes {
            guard b.isASCIILetter || b.isASCIIDigit || b == UInt8(ascii: "-") else { return nil }
            guard !(b == UInt8(ascii: "-") && previous == b) else { return nil }
            previous = b
        }
        rawValue = text.uppercased()
    }

    public var description: String { rawValue }
    public static func < (a: SurveyRoundCode, b: SurveyRoundCode) -> Bool { a.rawValue < b.rawValue }
}

extension SurveyRoundCode: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = SurveyRoundCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a survey round code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
