import Foundation

/// The reference a concern is known by, e.g. `CN-7KQ2M-X9D4C`. Random rather than sequential, so
/// a reference reveals neither how many concerns came before nor when in the day one was sent.
/// It is not a secret (handlers see it, and it appears in notifications); the receipt code is.
public struct ConcernReference: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    static let prefix = "CN-"
    static let symbolCount = 10

    /// Parses a stored or typed reference; nil when it is not one.
    public init?(_ text: String) {
        let trimmed = text.uppercased().trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(Self.prefix),
              let canonical = ReadableAlphabet.canonical(String(trimmed.dropFirst(Self.prefix.count))),
              canonical.count == Self.symbolCount else { return nil }
        value = Self.prefix + ReadableAlphabet.grouped(canonical, by: 5)
    }

    /// A fresh random reference (50 bits). Collisions are rare but possible over millions of cases:
    /// the store keeps references unique and draws again on a clash.
    public static func generate<R: RandomNumberGenerator>(using rng: inout R) -> ConcernReference {
        ConcernReference(prefix + ReadableAlphabet.randomSymbols(symbolCount, using: &rng))!
    }

    public static func generate() -> ConcernReference {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng)
    }

    public var description: String { value }
    public static func < (a: ConcernReference, b: ConcernReference) -> Bool { a.value < b.value }
}
