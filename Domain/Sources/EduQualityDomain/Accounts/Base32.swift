/// Base 32 with the RFC 4648 §6 alphabet (A–Z, 2–7): how authenticator apps take a TOTP secret,
/// in the QR code and when a person types it in from the account page.
public enum Base32 {
    static let alphabet: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// Upper case, without `=` padding (the otpauth URI format leaves it out).
    public static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return out
    }

    /// Reads a secret as people copy it: any case, grouped with spaces or hyphens, padded or not.
    /// Nil for any other character, or a length no encoding produces (1, 3 or 6 symbols left over).
    public static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt32] = []
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z": values.append(scalar.value - 65)
            case "a"..."z": values.append(scalar.value - 97)
            case "2"..."7": values.append(scalar.value - 50 + 26)
            case " ", "-", "=": continue
            default: return nil
            }
        }
        guard ![1, 3, 6].contains(values.count % 8) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for value in values {
            buffer = (buffer << 5 | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }
}
