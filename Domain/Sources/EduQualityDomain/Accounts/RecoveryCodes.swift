import Foundation

/// The codes that let a staff member in when their phone is lost: shown once at enrolment, each
/// usable once, and stored only as hashes (the web layer's job). Under ASVS 4.0 §2.6.2's 112
/// bits, so each must be stored salted and hashed (bcrypt does both), never as a bare digest.
///
/// Design: 12 symbols from 31 (the digits 2–9 and the letters without i, l and o, so none can be
/// misread as another) in three groups of four, e.g. `k7pq-3mzt-x9wh`: 12 × log2(31) ≈ 59.4 bits
/// per code. Lower case because it is easier to copy from paper than capitals.
public enum RecoveryCodes {
    static let alphabet: [Character] = Array("23456789abcdefghjkmnpqrstuvwxyz")
    static let alphabetSet = Set(alphabet)

    public static let groupLength = 4
    public static let length = 12

    /// The tests hold it at ≥ 50 bits: beyond online guessing, which the sign-in throttle bounds.
    public static var entropyBits: Double { Double(length) * log2(Double(alphabet.count)) }

    /// `count` codes like "k7pq-3mzt-x9wh" from an alphabet without look-alike characters (no 0/o/1/l/i), ≥ 50 bits each.
    ///
    /// `Int.random(in:using:)` draws without modulo bias; production passes
    /// `SystemRandomNumberGenerator`. Codes are unique within one set.
    public static func generate<G: RandomNumberGenerator>(count: Int = 10, using rng: inout G) -> [String] {
        var codes: [String] = []
        var seen: Set<String> = []
        while codes.count < max(count, 0) {
            let symbols = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
            guard seen.insert(symbols).inserted else { continue }
            codes.append(grouped(symbols))
        }
        return codes
    }

    /// The canonical form of a typed code (lower case, spaces and hyphens removed), nil when it cannot be a code.
    public static func normalise(_ typed: String) -> String? {
        guard typed.count <= 64 else { return nil }
        var out = ""
        for character in typed.lowercased() {
            switch character {
            case " ", "-", "\t", "\u{00A0}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}": continue
            default:
                guard alphabetSet.contains(character) else { return nil }
                out.append(character)
            }
        }
        return out.count == length ? out : nil
    }

    /// How a code is shown: `k7pq-3mzt-x9wh`.
    static func grouped(_ canonical: String) -> String {
        var groups: [String] = []
        var rest = Substring(canonical)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(groupLength)))
            rest = rest.dropFirst(groupLength)
        }
        return groups.joined(separator: "-")
    }
}
