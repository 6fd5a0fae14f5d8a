import Testing
@testable import EduQualityDomain

@Suite("Recovery codes")
struct RecoveryCodesTests {
    @Test("ten codes by default, all different, each of three groups of four")
    func generated() {
        var rng = SplitMix64(seed: 10)
        let codes = RecoveryCodes.generate(using: &rng)
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        for code in codes {
            let groups = code.split(separator: "-")
            #expect(groups.count == 3)
            #expect(groups.allSatisfy { $0.count == 4 })
        }
    }

    @Test("no look-alike characters and at least 50 bits each")
    func alphabet() {
        var rng = SplitMix64(seed: 50)
        let symbols = Set(RecoveryCodes.generate(count: 200, using: &rng).joined().filter { $0 != "-" })
        #expect(symbols.isDisjoint(with: ["0", "o", "1", "l", "i", "O", "I", "L"]))
        #expect(symbols.isSubset(of: Set("23456789abcdefghjkmnpqrstuvwxyz")))
        // 200 codes × 12 symbols draw on the whole alphabet.
        #expect(symbols.count == 31)
        #expect(RecoveryCodes.entropyBits >= 50)
    }

    @Test("a large set has no repeats", arguments: [0, 1, 500])
    func unique(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        let codes = RecoveryCodes.generate(count: count, using: &rng)
        #expect(codes.count == count)
        #expect(Set(codes).count == count)
    }

    @Test("normalising gives back the code without hyphens, however it was typed")
    func normalises() {
        var rng = SystemRandomNumberGenerator()
        for code in RecoveryCodes.generate(using: &rng) {
            let canonical = code.replacingHyphens
            #expect(RecoveryCodes.normalise(code) == canonical)
            #expect(RecoveryCodes.normalise(code.uppercased()) == canonical)
            #expect(RecoveryCodes.normalise(" " + canonical.prefix(6) + " " + canonical.dropFirst(6) + " ") == canonical)
        }
        #expect(RecoveryCodes.normalise("K7PQ 3MZT X9WH") == "k7pq3mztx9wh")
    }

    @Test("refuses what cannot be a code", arguments: ["", "k7pq-3mzt", "k7pq-3mzt-x9wh-a", "k7pq-3mzt-x9w0", "k7pq-3mzt-x9wl", "k7pq_3mzt_x9wh",
                                                      String(repeating: " ", count: 100) + "k7pq3mztx9wh"])
    func refuses(typed: String) {
        #expect(RecoveryCodes.normalise(typed) == nil)
    }
}

private extension String {
    var replacingHyphens: String { filter { $0 != "-" } }
}
