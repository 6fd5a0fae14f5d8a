import Testing
@testable import EduQualityDomain

@Suite("QR code")
struct QRCodeTests {
    static func rows(_ code: QRCode) -> String {
        (0..<code.size).map { y in String((0..<code.size).map { code.isDark(x: $0, y: y) ? "#" : "." }) }.joined(separator: "\n")
    }

    @Test("matches an independently made symbol module for module, with the standard's mask choice",
          arguments: QRCodeReference.all)
    func reference(_ expected: QRCodeReference) throws {
        let code = try QRCode(text: expected.text, correction: expected.correction)
        #expect(code.version == expected.version)
        #expect(code.mask == expected.mask)
        #expect(Self.rows(code) == expected.rows)
    }

    @Test("takes the smallest version whose byte-mode capacity fits", arguments: [
        // (bytes, level, version): Table 7's byte capacities are 14, 26, 42, 62, 84 … 213 at M.
        (14, QRCode.Correction.medium, 1), (15, .medium, 2), (26, .medium, 2), (27, .medium, 3),
        (84, .medium, 5), (85, .medium, 6), (180, .medium, 9), (181, .medium, 10), (213, .medium, 10), (214, .medium, 11),
        (17, .low, 1), (18, .low, 2), (7, .high, 1), (8, .high, 2), (2331, .medium, 40), (2953, .low, 40),
    ])
    func version(bytes: Int, correction: QRCode.Correction, version: Int) throws {
        let code = try QRCode(text: String(repeating: "a", count: bytes), correction: correction)
        #expect(code.version == version)
        #expect(code.size == 17 + 4 * version)
    }

    @Test("too much text for version 40 is refused with its length")
    func tooLong() {
        #expect(throws: QRCode.TooLong(length: 2954)) { try QRCode(text: String(repeating: "a", count: 2954), correction: .low) }
        #expect(throws: QRCode.TooLong(length: 2332)) { try QRCode(text: String(repeating: "é", count: 1166), correction: .medium) }
    }

    @Test("finder patterns sit in three corners with light separators", arguments: [1, 2, 5, 10])
    func finders(version: Int) throws {
        let byteCounts = [1: 10, 2: 20, 5: 80, 10: 200]
        let code = try QRCode(text: String(repeating: "q", count: byteCounts[version]!))
        #expect(code.version == version)
        let last = code.size - 1
        for (left, top) in [(0, 0), (last - 6, 0), (0, last - 6)] {
            for dy in -1...7 {
                for dx in -1...7 {
                    let x = left + dx, y = top + dy
                    guard (0...last).contains(x), (0...last).contains(y) else { continue }
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    #expect(code.isDark(x: x, y: y) == (ring <= 1 || ring == 3), "module (\(x), \(y))")
                }
            }
        }
        // Timing patterns alternate between the finders, and the dark module is always dark.
        for i in 8...(last - 8) {
            #expect(code.isDark(x: i, y: 6) == (i % 2 == 0))
            #expect(code.isDark(x: 6, y: i) == (i % 2 == 0))
        }
        #expect(code.isDark(x: 8, y: last - 7))
        #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: 0, y: code.size))
    }

    @Test("format information is BCH-coded and masked as the standard's example gives")
    func formatBits() throws {
        // ISO/IEC 18004 Annex C: level M, mask 101 gives 100000011001110.
        #expect(QRCodeLayout.formatInformation(correction: .medium, mask: 5) == 0b100000011001110)
        #expect(QRCodeLayout.formatInformation(correction: .low, mask: 0) == 0b111011111000100)
        #expect(QRCodeLayout.formatInformation(correction: .high, mask: 7) == 0b000100000111011)
        // Annex D: version 7 is 000111 110010010100.
        #expect(QRCodeLayout.versionInformation(7) == 0b000111110010010100)

        // Read back from a symbol: bits 14…9 run along row 8, 8…0 up column 8 (skipping timing).
        let code = try QRCode(text: "HELLO WORLD", correction: .medium)
        let expected = QRCodeLayout.formatInformation(correction: .medium, mask: code.mask)
        var read = 0
        let positions = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
        for (bit, position) in positions.enumerated() where code.isDark(x: position.0, y: position.1) { read |= 1 << bit }
        #expect(read == expected)
        // The second copy, split between the other two finders.
        var copy = 0
        for bit in 0..<8 where code.isDark(x: code.size - 1 - bit, y: 8) { copy |= 1 << bit }
        for bit in 8..<15 where code.isDark(x: 8, y: code.size - 15 + bit) { copy |= 1 << bit }
        #expect(copy == expected)
    }

    @Test("a symbol of version 7 or more carries its version in both corners")
    func versionBlocks() throws {
        let code = try QRCode(text: QRCodeReference.version10.text)
        let bits = QRCodeLayout.versionInformation(10)
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            #expect(code.isDark(x: code.size - 11 + i % 3, y: i / 3) == dark)
            #expect(code.isDark(x: i / 3, y: code.size - 11 + i % 3) == dark)
        }
    }

    @Test("Reed–Solomon codewords match the standard's worked example")
    func reedSolomon() {
        // ISO/IEC 18004 Annex I: "01234567" at 1-M has these data and error-correction codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(QRCodeReedSolomon.remainder(data, degree: 10) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test("the same text always gives the same symbol")
    func deterministic() throws {
        #expect(try QRCode(text: "otpauth://totp/x") == QRCode(text: "otpauth://totp/x"))
        #expect(try QRCode(text: "otpauth://totp/x") != QRCode(text: "otpauth://totp/y"))
    }
}
