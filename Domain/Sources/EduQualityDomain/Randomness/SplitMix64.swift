/// A small seedable generator (Steele, Lea and Flood's SplitMix64). Synthetic data must come out
/// the same for the same seed on every machine and Swift version, so the helpers below avoid
/// the standard library's unspecified `random(in:using:)` algorithms. Never use it for codes.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// Seeds from several values, e.g. (seed, round, response number), so each response has its
    /// own stream and can be generated in any order.
    init(_ parts: UInt64...) {
        var mixed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for part in parts { mixed = Self.mix(mixed ^ part) &+ 0x9E37_79B9_7F4A_7C15 }
        state = mixed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in 0..<n (n > 0); the bias for the small n used here is negligible.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// Approximately standard normal: the sum of four uniforms, rescaled. Plain arithmetic, so
    /// no libm difference between platforms can change a generated answer.
    mutating func normal() -> Double {
        (unit() + unit() + unit() + unit() - 2) * 1.7320508075688772
    }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// An index drawn in proportion to `weights`.
    mutating func pick(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }
}

/// FNV-1a of a string's UTF-8, stable across runs (unlike `Hasher`), to seed per-code effects.
func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
}
