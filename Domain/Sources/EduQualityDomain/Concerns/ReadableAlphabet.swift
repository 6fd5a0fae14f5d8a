/// Crockford's base-32 alphabet: digits and capitals without I, L, O and U, so a code read aloud
/// or copied by hand cannot confuse 0/O or 1/I/L. On input the confusable letters are mapped to
/// the digits they look like (O → 0, I and L → 1), as Crockford specifies.
enum ReadableAlphabet {
    static let symbols: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let symbolSet: Set<Character> = Set(symbols)

    /// Bits carried by one symbol: log2(32) = 5.
    static let bitsPerSymbol = 5

    /// Upper-cases, drops spaces and hyphens, and maps confusables. Returns nil if anything else
    /// is left that is not in the alphabet.
    static func canonical(_ input: String) -> String? {
        var out = ""
        for character in input.uppercased() {
            switch character {
            case " ", "-", "\t", "\u{00A0}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "_", ".":
                continue
            case "O": out.append("0")
            case "I", "L": out.append("1")
            default:
                guard symbolSet.contains(character) else { return nil }
                out.append(character)
            }
        }
        return out
    }

    /// `count` uniformly random symbols. `Int.random(in:using:)` is unbiased, and the system
    /// generator is a CSPRNG on every platform Swift supports (getrandom / arc4random).
    static func randomSymbols<R: RandomNumberGenerator>(_ count: Int, using rng: inout R) -> String {
        String((0..<count).map { _ in symbols[Int.random(in: 0..<symbols.count, using: &rng)] })
    }

    static func grouped(_ canonical: String, by size: Int) -> String {
        var groups: [String] = []
        var rest = Substring(canonical)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return groups.joined(separator: "-")
    }
}
