import Foundation

/// The code an anonymous reporter (or anyone without an account) follows a concern up with,
/// shown once, e.g. `K7QF-2M9D-XW4C-8HTR-V3NB`.
///
/// Design: 20 symbols from Crockford's base-32 alphabet in five groups of four. The first group is
/// the **locator**: not secret, it keys the failed-look-up limit for one case (and finds the rows
/// raised before codes were stored as keyed digests, which kept it in clear beside a bcrypt hash).
/// It carries no share of the guarantee: the other 16 symbols are the secret, 16 × 5 = 80 bits from
/// the system CSPRNG, which is what an attacker (with the database, or the locator) must guess.
/// That much randomness needs no slow hash: the web layer stores a keyed hash of `canonical` and
/// looks it up by index. The code is never stored or logged in clear.
public struct ReceiptCode: Hashable, Sendable, CustomStringConvertible {
    /// The 20 symbols without separators, upper case: what the stored digest is computed over.
    public let canonical: String

    public static let groupLength = 4
    public static let locatorLength = 4
    public static let secretLength = 16
    public static let length = locatorLength + secretLength

    /// Alphabet size and lengths give the entropy; the tests hold it at ≥ 80 bits.
    public static let alphabetSize = ReadableAlphabet.symbols.count
    public static var secretEntropyBits: Double { Double(secretLength) * log2(Double(alphabetSize)) }
    public static var totalEntropyBits: Double { Double(length) * log2(Double(alphabetSize)) }

    /// A fresh code from the system CSPRNG.
    public static func generate() -> ReceiptCode {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng)
    }

    /// For tests with a seeded generator only; production codes come from `generate()`.
    public static func generate<R: RandomNumberGenerator>(using rng: inout R) -> ReceiptCode {
        ReceiptCode(canonical: ReadableAlphabet.randomSymbols(length, using: &rng))
    }

    /// Reads what a person typed: any case, spaces or hyphens anywhere or nowhere, and O, I, L
    /// taken for 0, 1, 1. Nil when it cannot be a receipt code (wrong length, other characters),
    /// which the caller answers exactly as it answers a wrong code.
    public init?(typed input: String) {
        guard input.count <= 64, let canonical = ReadableAlphabet.canonical(input),
              canonical.count == Self.length else { return nil }
        self.canonical = canonical
    }

    private init(canonical: String) { self.canonical = canonical }

    /// `K7QF-2M9D-XW4C-8HTR-V3NB`: how the code is shown and read aloud.
    public var grouped: String { ReadableAlphabet.grouped(canonical, by: Self.groupLength) }

    /// The non-secret first group: the key of the per-case failed-look-up limit.
    public var locator: String { String(canonical.prefix(Self.locatorLength)) }

    /// Whether typed text is a well-formed code in its displayed form (upper case, grouped).
    public static func isDisplayFormat(_ text: String) -> Bool {
        guard let code = ReceiptCode(typed: text) else { return false }
        return code.grouped == text
    }

    /// Never the code itself, so that string interpolation into a log line cannot leak it.
    public var description: String { "ReceiptCode(locator: \(locator), secret: redacted)" }
}
