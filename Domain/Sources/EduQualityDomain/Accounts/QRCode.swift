/// A QR code symbol (ISO/IEC 18004:2015), built on the server so the two-step sign-in page can
/// show the enrolment link as an SVG with no script and no third-party service seeing the secret.
///
/// Byte mode only (the otpauth link is ASCII; other text goes in as UTF-8, which readers assume
/// without an ECI), versions 1 to 40, the smallest version that fits at the chosen correction
/// level, and the data mask with the lowest penalty (§7.8.3), the lowest-numbered on a tie.
public struct QRCode: Hashable, Sendable {
    public enum Correction: Sendable {
        case low, medium, quartile, high

        /// Index into the tables' (L, M, Q, H) order.
        var tableIndex: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }

        /// Table 12's two format bits: L 01, M 00, Q 11, H 10.
        var formatBits: Int {
            switch self {
            case .low: 1
            case .medium: 0
            case .quartile: 3
            case .high: 2
            }
        }
    }

    /// The text (`length` is its UTF-8 byte count) does not fit in a version 40 symbol.
    public struct TooLong: Error, Hashable, Sendable {
        public let length: Int
    }

    public let version: Int
    public let correction: Correction
    /// The data mask pattern chosen (0–7), as the format information records it.
    public let mask: Int
    /// Row-major, `size` × `size`, true for dark.
    let modules: [Bool]

    public var size: Int { 17 + 4 * version }

    public init(text: String, correction: Correction = .medium) throws(TooLong) {
        let bytes = Array(text.utf8)
        guard let version = (1...40).first(where: { Self.dataCapacity(version: $0, correction: correction) >= Self.bitsNeeded(bytes.count, version: $0) }) else {
            throw TooLong(length: bytes.count)
        }
        let codewords = Self.codewords(bytes, version: version, correction: correction)
        var layout = QRCodeLayout(version: version)
        layout.place(codewords)
        let (mask, modules) = layout.masked(correction: correction)
        self.version = version
        self.correction = correction
        self.mask = mask
        self.modules = modules
    }

    /// Modules outside the symbol are light, as the quiet zone is.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// Mode indicator, character count (8 bits up to version 9, 16 from 10, Table 3) and data.
    static func bitsNeeded(_ byteCount: Int, version: Int) -> Int {
        let countBits = version < 10 ? 8 : 16
        guard byteCount < 1 << countBits else { return Int.max }
        return 4 + countBits + 8 * byteCount
    }

    static func dataCapacity(version: Int, correction: Correction) -> Int {
        8 * QRCodeTables.blocks[version - 1][correction.tableIndex].groups.reduce(0) { $0 + $1.count * $1.dataCodewords }
    }

    /// §7.4 the data bit stream with terminator and pad codewords, then §7.5–7.6 split into
    /// blocks, each given its error-correction codewords, and interleaved.
    static func codewords(_ bytes: [UInt8], version: Int, correction: Correction) -> [UInt8] {
        let capacity = dataCapacity(version: version, correction: correction)
        var bits = QRCodeBitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version < 10 ? 8 : 16)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        var pad: UInt8 = 0xEC
        while data.count * 8 < capacity {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }

        let table = QRCodeTables.blocks[version - 1][correction.tableIndex]
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for group in table.groups {
            for _ in 0..<group.count {
                dataBlocks.append(Array(data[start..<start + group.dataCodewords]))
                start += group.dataCodewords
            }
        }
        let ecBlocks = dataBlocks.map { QRCodeReedSolomon.remainder($0, degree: table.ecPerBlock) }

        var result: [UInt8] = []
        let longest = dataBlocks.map(\.count).max() ?? 0
        for index in 0..<longest {
            for block in dataBlocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<table.ecPerBlock {
            for block in ecBlocks { result.append(block[index]) }
        }
        return result
    }
}

/// Bits appended most significant first.
struct QRCodeBitBuffer {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        guard count > 0 else { return }
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { byte, offset in
                let index = start + offset
                return byte << 1 | (index < bits.count && bits[index] ? 1 : 0)
            }
        }
    }
}
