import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Resume and completion codes")
struct SurveyCodeTests {
    static let alphabet = Set("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")

    @Test("resume codes carry at least 60 bits, in groups of four unambiguous symbols")
    func resumeFormat() {
        // MUT
        let code = ResumeCode.generate()
        // validate
        #expect(ResumeCode.entropyBits >= 60)
        #expect(code.value.split(separator: "-").map(\.count) == [4, 4, 4, 4])
        #expect(code.value.replacingOccurrences(of: "-", with: "").allSatisfy(Self.alphabet.contains))
        #expect(!Self.alphabet.contains("0") && !Self.alphabet.contains("O") && !Self.alphabet.contains("1")
                && !Self.alphabet.contains("I"))
    }

    @Test("completion codes are short receipts in the same alphabet")
    func completionFormat() {
        let code = CompletionCode.generate()
        #expect(code.value.split(separator: "-").map(\.count) == [4, 4])
        #expect(CompletionCode(userInput: code.value) == code)
    }

    @Test("ten thousand codes from the system generator are distinct and use every symbol about evenly")
    func spread() {
        // MUT
        let codes = (0..<10_000).map { _ in ResumeCode.generate().value.replacingOccurrences(of: "-", with: "") }
        // validate
        #expect(Set(codes).count == codes.count)
        var counts: [Character: Int] = [:]
        for code in codes { for symbol in code { counts[symbol, default: 0] += 1 } }
        #expect(counts.count == 32)
        // 160,000 symbols: 5,000 expected each; ±10% is over 7 standard deviations.
        #expect(counts.values.allSatisfy { (4_500...5_500).contains($0) })
    }

    @Test("typed input is forgiven its case, spaces and hyphens",
          arguments: ["7kqm-xr4t-9hwb-c2np", "7KQM XR4T 9HWB C2NP", " 7KQMXR4T9HWBC2NP ", "7KQM–XR4T–9HWB–C2NP"])
    func normalisation(input: String) {
        #expect(ResumeCode(userInput: input)?.value == "7KQM-XR4T-9HWB-C2NP")
    }

    @Test("input with an ambiguous or foreign symbol, or the wrong length, is no code",
          arguments: ["7KQM-XR4T-9HWB-C2N0", "7KQM-XR4T-9HWB-C2NO", "7KQM-XR4T-9HWB-C2N", "7KQM-XR4T-9HWB-C2NPP",
                      "7KQM-XR4T-9HWB-C2N1", "7KQM-XR4T-9HWB-C2NÉ", ""])
    func rejected(input: String) {
        #expect(ResumeCode(userInput: input) == nil)
    }

    @Test("a seeded generator gives repeatable codes, for tests only")
    func seeded() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        #expect(ResumeCode.generate(using: &first) == ResumeCode.generate(using: &second))
    }
}
