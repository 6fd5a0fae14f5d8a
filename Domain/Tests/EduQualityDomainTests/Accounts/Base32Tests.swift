import Testing
@testable import EduQualityDomain

@Suite("Base32")
struct Base32Tests {
    /// RFC 4648 §10, with the padding left off as `encode` does.
    static let vectors: [(String, String)] = [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI"),
    ]

    @Test("encodes the RFC 4648 test vectors without padding")
    func encodes() {
        for (plain, encoded) in Self.vectors { #expect(Base32.encode(Array(plain.utf8)) == encoded) }
    }

    @Test("decodes the RFC 4648 test vectors with and without padding")
    func decodes() {
        for (plain, encoded) in Self.vectors {
            #expect(Base32.decode(encoded) == Array(plain.utf8))
            let padded = encoded + String(repeating: "=", count: (8 - encoded.count % 8) % 8)
            #expect(Base32.decode(padded) == Array(plain.utf8))
        }
        #expect(Base32.decode("MZXW6YTBOI======") == Array("foobar".utf8))
    }

    @Test("reads a secret as people type it: lower case, spaces and hyphens")
    func forgiving() {
        let secret = Array("12345678901234567890".utf8)
        #expect(Base32.encode(secret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode("gezd gnbv gy3t qojq-gezd-gnbv gy3t qojq") == secret)
    }

    @Test("refuses other characters and impossible lengths", arguments: ["MZXW1", "MZXW8", "MZ!W", "M", "MZX", "MZXW6Y", "Ä"])
    func refuses(text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test("round-trips every length from 0 to 40 bytes")
    func roundTrips() {
        var rng = SplitMix64(seed: 14)
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let encoded = Base32.encode(bytes)
            #expect(!encoded.contains("="))
            #expect(Base32.decode(encoded) == bytes)
        }
    }
}
