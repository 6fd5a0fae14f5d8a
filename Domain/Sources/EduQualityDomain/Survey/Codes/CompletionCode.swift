/// Shown when a survey is submitted, so a learner can show that they took part. It is a receipt,
/// not a key to anything, so 40 bits keep it short while collisions stay rare.
public struct CompletionCode: Hashable, Sendable, CustomStringConvertible {
    /// The canonical form, e.g. `G7KD-2MXP`.
    public let value: String

    public static let length = 8
    public static let entropyBits = length * HumanCodeAlphabet.bitsPerSymbol

    public static func generate() -> CompletionCode {
        var rng = SystemRandomNumberGenerator()
        return generate(using: &rng)
    }

    public static func generate<R: RandomNumberGenerator>(using rng: inout R) -> CompletionCode {
        CompletionCode(value: HumanCodeAlphabet.generate(length: length, using: &rng))
    }

    public init?(userInput: String) {
        guard let value = HumanCodeAlphabet.normalise(userInput, length: Self.length) else { return nil }
        self.value = value
    }

    private init(value: String) { self.value = value }

    public var description: String { value }
}
