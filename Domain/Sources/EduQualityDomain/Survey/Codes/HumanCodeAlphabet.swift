/// Codes people read off a screen and type back: 32 symbols without 0, O, 1 or I, so each symbol
/// carries exactly 5 bits and no two look alike; shown in groups of four joined by hyphens.
enum HumanCodeAlphabet {
    static let symbols = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)
    static let bitsPerSymbol = 5
    static let groupSize = 4

    /// 32 is a power of two, so masking five bits of a uniform word is itself uniform.
    static func generate<R: RandomNumberGenerator>(length: Int, using rng: inout R) -> String {
        var symbols: [UInt8] = []
        symbols.reserveCapacity(length)
        var word: UInt64 = 0
        var bitsLeft = 0
        for _ in 0..<length {
            if bitsLeft < bitsPerSymbol { word = rng.next(); bitsLeft = 64 }
            symbols.append(Self.symbols[Int(word & 31)])
            word >>= 5
            bitsLeft -= 5
        }
        return grouped(symbols)
    }

    /// Accepts what people type: any case, spaces, hyphens or dashes anywhere. Returns the
    /// canonical grouped form, or nil if a symbol is not in the alphabet or the length is wrong.
    static func normalise(_ input: String, length: Int) -> String? {
        var symbols: [UInt8] = []
        for scalar in input.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2013}"
                || scalar == "\u{2014}" { continue }
            guard scalar.isASCII else { return nil }
            var byte = UInt8(scalar.value)
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { byte -= 32 }
            guard Self.symbols.contains(byte) else { return nil }
            symbols.append(byte)
            if symbols.count > length { return nil }
        }
        return symbols.count == length ? grouped(symbols) : nil
    }

    private static func grouped(_ symbols: [UInt8]) -> String {
        var out: [UInt8] = []
        for (i, symbol) in symbols.enumerated() {
            if i > 0 && i % groupSize == 0 { out.append(UInt8(ascii: "-")) }
            out.append(symbol)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
