/// Byte classes used where parsing works on UTF-8 bytes rather than Characters, for speed.
extension UInt8 {
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}

/// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or values past
/// U+10FFFF). Written out because `String(validating:as:)` needs macOS 15.
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    func continuation(_ index: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
        index < n && range.contains(bytes[index])
    }
    while i < n {
        let b = bytes[i]
        switch b {
        case 0x00...0x7F:
            i += 1
        case 0xC2...0xDF:
            guard continuation(i + 1) else { return false }
            i += 2
        case 0xE0...0xEF:
            let second: ClosedRange<UInt8> = b == 0xE0 ? 0xA0...0xBF : b == 0xED ? 0x80...0x9F : 0x80...0xBF
            guard continuation(i + 1, second), continuation(i + 2) else { return false }
            i += 3
        case 0xF0...0xF4:
            let second: ClosedRange<UInt8> = b == 0xF0 ? 0x90...0xBF : b == 0xF4 ? 0x80...0x8F : 0x80...0xBF
            guard continuation(i + 1, second), continuation(i + 2), continuation(i + 3) else { return false }
            i += 4
        default:
            return false
        }
    }
    return true
}
