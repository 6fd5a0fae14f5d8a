import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Receipt codes for anonymous follow-up")
struct ReceiptCodeTests {
    /// Crockford's base 32, written out here: no I, L, O or U.
    static let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

    @Test("the secret part carries at least 80 bits, computed from the alphabet and its length")
    func entropy() {
        let bitsPerSymbol = log2(Double(Set(Self.alphabet).count))
        #expect(bitsPerSymbol == 5)
        let secretBits = Double(ReceiptCode.length - ReceiptCode.locatorLength) * bitsPerSymbol
        #expect(secretBits >= 80)
        #expect(ReceiptCode.secretEntropyBits == secretBits)
        #expect(ReceiptCode.alphabetSize == Self.alphabet.count)
        #expect(ReceiptCode.totalEntropyBits == 100)
    }

    @Test("codes use only the unambiguous alphabet, every symbol about equally often")
    func alphabetAndUniformity() {
        var rng = SeededGenerator(seed: 42)
        var counts: [Character: Int] = [:]
        for _ in 0..<2_000 {
            for symbol in ReceiptCode.generate(using: &rng).canonical { counts[symbol, default: 0] += 1 }
        }
        #expect(Set(counts.keys) == Set(Self.alphabet))
        // 40,000 symbols over 32: about 1,250 each.
        #expect(counts.values.allSatisfy { (1_100...1_400).contains($0) }, "\(counts)")
    }

    @Test("system codes are distinct and shown in five groups of four for reading aloud")
    func format() {
        let codes = (0..<1_000).map { _ in ReceiptCode.generate() }
        #expect(Set(codes).count == 1_000)
        for code in codes {
            let groups = code.grouped.split(separator: "-")
            #expect(groups.count == 5 && groups.allSatisfy { $0.count == 4 })
            #expect(code.grouped.allSatisfy { $0 == "-" || Self.alphabet.contains($0) })
            #expect(ReceiptCode.isDisplayFormat(code.grouped))
            #expect(code.locator == String(groups[0]))
        }
    }

    @Test("typed input is normalised: case, spaces, missing hyphens, and O/I/L confusables")
    func normalisation() {
        let code = ReceiptCode(typed: "K7QF-2M9D-XW4C-8HTR-V3NB")!
        #expect(code.grouped == "K7QF-2M9D-XW4C-8HTR-V3NB")
        #expect(ReceiptCode(typed: "k7qf 2m9d xw4c 8htr v3nb") == code)
        #expect(ReceiptCode(typed: "K7QF2M9DXW4C8HTRV3NB") == code)
        #expect(ReceiptCode(typed: "  k7qf-2m9d xw4c8htr-v3nb ") == code)
        #expect(ReceiptCode(typed: "K7QF-2M9D-XW4C-8HTR-V3NB")?.canonical == "K7QF2M9DXW4C8HTRV3NB")
        // Confusables map to the digits they look like.
        #expect(ReceiptCode(typed: "OOOO-IIII-LLLL-oooo-iiii") == ReceiptCode(typed: "0000-1111-1111-0000-1111"))
        #expect(ReceiptCode(typed: "K7QF\u{2013}2M9D\u{2013}XW4C\u{2013}8HTR\u{2013}V3NB") == code, "en dashes from a word processor")
    }

    @Test("anything else is not a code: wrong length, U, punctuation, other scripts")
    func rejects() {
        for text in ["", "K7QF-2M9D-XW4C-8HTR", "K7QF-2M9D-XW4C-8HTR-V3NB-1", "K7QF-2M9D-XW4C-8HTR-V3NU",
                     "K7QF-2M9D-XW4C-8HTR-V3N!", "К7QF-2M9D-XW4C-8HTR-V3NB", String(repeating: "A", count: 1_000)] {
            #expect(ReceiptCode(typed: text) == nil, "\(text)")
        }
        #expect(!ReceiptCode.isDisplayFormat("k7qf-2m9d-xw4c-8htr-v3nb"))
    }

    @Test("the code never appears in its description, so a log line cannot leak it")
    func redacted() {
        let code = ReceiptCode(typed: "K7QF-2M9D-XW4C-8HTR-V3NB")!
        #expect(!"\(code)".contains("2M9D"))
        #expect("\(code)".contains("K7QF"), "the locator is not secret")
    }
}
