/// Lets a learner come back to a half-finished survey without an account. Whoever holds it can
/// read the draft, so it is long enough (80 bits) not to be guessed even at many tries a second;
/// store only a hash of it.
public struct ResumeCode: Hashable, Sendable, CustomStringConvertible {
    /// The canonical form, e.g. `7KQM-XR4T-9HWB-C2NP`.
    public let value: String

    public static let length = 16
    public static let entropyBits = length * HumanCodeAlphabet.bitsPerSymbol

    /// Draws from the operating system's CSPRNG.
    public static func generate() -> ResumeCode {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng)
    }

    /// Tests pass a seeded generator; production must use `generate()`.
    public static func generate<R: RandomNumberGenerator>(using rng: inout R) -> ResumeCode {
        ResumeCode(value: HumanCodeAlphabet.generate(length: length, using: &rng))
    }

    /// Reads a code as typed; nil if it cannot be one.
    public init?(userInput: String) {
        guard let value = HumanCodeAlphabet.normalise(userInput, length: Self.length) else { return nil }
        self.value = value
    }

    private init(value: String) { self.value = value }

    public var description: String { value }
}
