/// The module grid of one symbol while it is built: the function patterns (§6.3), the data and
/// error-correction codewords placed in the two-module-wide zigzag (§7.7.3), then masked.
struct QRCodeLayout {
    let version: Int
    let size: Int
    /// Row-major, true for dark.
    private(set) var modules: [Bool]
    /// Modules of finder, separator, timing, alignment, format and version patterns, which
    /// carry no data and are never masked.
    private(set) var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = 17 + 4 * version
        modules = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        drawFinder(centreX: 3, centreY: 3)
        drawFinder(centreX: size - 4, centreY: 3)
        drawFinder(centreX: 3, centreY: size - 4)

        let centres = QRCodeTables.alignmentCentres[version - 1]
        for x in centres {
            for y in centres {
                // The three corners taken by finder patterns have none.
                let overlapsFinder = (x == 6 && y == 6) || (x == 6 && y == centres.last) || (x == centres.last && y == 6)
                if !overlapsFinder { drawAlignment(centreX: x, centreY: y) }
            }
        }
        // Reserve the format areas (drawn per mask) and the dark module beside the lower finder.
        drawFormat(0)
        drawVersion()
    }

    /// A 7 × 7 finder with its one-module light separator, clipped at the symbol's edge.
    private mutating func drawFinder(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centreX + dx, y = centreY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                set(x, y, ring != 2 && ring != 4)
            }
        }
    }

    private mutating func drawAlignment(centreX: Int, centreY: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(centreX + dx, centreY + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// §7.9: the level's two bits and the mask's three, BCH(15, 5) protected and XORed with
    /// 101010000010010, written twice: around the top-left finder and split between the others.
    static func formatInformation(correction: QRCode.Correction, mask: Int) -> Int {
        let data = correction.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    private mutating func drawFormat(_ bits: Int) {
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    /// §7.10: from version 7, the version number BCH(18, 6) protected, in two 6 × 3 blocks.
    static func versionInformation(_ version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | remainder
    }

    private mutating func drawVersion() {
        guard version >= 7 else { return }
        let bits = Self.versionInformation(version)
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let a = size - 11 + i % 3, b = i / 3
            set(a, b, dark)
            set(b, a, dark)
        }
    }

    /// §7.7.3: from the bottom-right corner, up and down two-module columns right to left,
    /// skipping the vertical timing pattern; bits left over (remainder bits) stay light.
    mutating func place(_ codewords: [UInt8]) {
        var index = 0
        let total = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction[y * size + x] {
                    if index < total {
                        modules[y * size + x] = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                        index += 1
                    }
                }
            }
            right -= 2
        }
    }

    /// Table 10's eight mask conditions (x the column, y the row): where true, a data module flips.
    static func maskFlips(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: (x * y) % 2 + (x * y) % 3 == 0
        case 6: ((x * y) % 2 + (x * y) % 3) % 2 == 0
        default: ((x + y) % 2 + (x * y) % 3) % 2 == 0
        }
    }

    /// The modules with `mask` applied to the data and the format information drawn for it.
    private func applying(mask: Int, correction: QRCode.Correction) -> [Bool] {
        var copy = self
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && Self.maskFlips(mask, x: x, y: y) {
                copy.modules[y * size + x].toggle()
            }
        }
        copy.drawFormat(Self.formatInformation(correction: correction, mask: mask))
        return copy.modules
    }

    /// Every mask tried on the finished symbol (format information included, as a reader sees
    /// it); the lowest penalty wins, the lower mask number on a tie.
    func masked(correction: QRCode.Correction) -> (mask: Int, modules: [Bool]) {
        var bestMask = 0
        var bestModules = applying(mask: 0, correction: correction)
        var bestPenalty = QRCodePenalty.score(bestModules, size: size)
        for mask in 1..<8 {
            let candidate = applying(mask: mask, correction: correction)
            let penalty = QRCodePenalty.score(candidate, size: size)
            if penalty < bestPenalty { (bestMask, bestModules, bestPenalty) = (mask, candidate, penalty) }
        }
        return (bestMask, bestModules)
    }
}
