/// Time-based one-time passwords (RFC 6238) over HMAC-SHA1 (RFC 4226), the variant every
/// authenticator app supports. The web layer stores `secret` (encrypted at rest) and the counter
/// of the last accepted code, which `verify` needs so that a code seen over someone's shoulder
/// cannot be replayed within its 30 seconds.
public struct TOTP: Hashable, Sendable {
    public let secret: [UInt8]
    public let digits: Int
    public let period: Int

    /// RFC 4226 §4 allows 6 to 8 digits; the digit count is clamped there, and the period to at
    /// least one second, so no input can make `code` divide by zero or overflow.
    public init(secret: [UInt8], digits: Int = 6, period: Int = 30) {
        self.secret = secret
        self.digits = min(max(digits, 6), 8)
        self.period = max(period, 1)
    }

    /// RFC 6238 §4.2: T = floor((now − T0) / X) with T0 = 0, floored for times before 1970 too.
    public func counter(at unixTime: Int64) -> Int64 {
        let step = Int64(period)
        let quotient = unixTime / step
        return unixTime % step < 0 ? quotient - 1 : quotient
    }

    public func code(at unixTime: Int64) -> String {
        code(counter: counter(at: unixTime))
    }

    /// RFC 4226 §5.3: HMAC of the big-endian counter, dynamic truncation, the low `digits` digits.
    func code(counter: Int64) -> String {
        let message = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: counter) >> UInt64(56 - 8 * $0)) }
        let mac = HMACSHA1.code(key: secret, message: message)
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16
            | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The counter of the step whose code `typed` is (spaces ignored), within ±window steps of unixTime,
    /// and later than `lastUsedCounter` (so a code is never accepted twice); nil otherwise. Compare in constant time.
    ///
    /// Every step in the window is computed and compared whatever matched, so the time taken
    /// says nothing about which step (or whether any) matched. A window of 1 (RFC 6238 §5.2's
    /// recommendation) accepts a code from the previous or next 30 seconds for clock drift; wider
    /// windows are capped at 10 steps, beyond which a guesser's odds grow for no real drift.
    public func verify(_ typed: String, at unixTime: Int64, window: Int = 1, after lastUsedCounter: Int64?) -> Int64? {
        let given = Array(typed.utf8.filter { $0 != UInt8(ascii: " ") })
        // The expected length and the digit alphabet are public, so refusing on them early leaks nothing.
        guard given.count == digits, given.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let now = counter(at: unixTime)
        let reach = Int64(min(max(window, 0), 10))
        var accepted: Int64?
        for candidate in (now - reach)...(now + reach) where candidate >= 0 {
            let matches = ConstantTime.equal(Array(code(counter: candidate).utf8), given)
            if matches, candidate > (lastUsedCounter ?? -1) { accepted = candidate }
        }
        return accepted
    }

    /// otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30 (percent-encoded)
    ///
    /// The Key URI format authenticator apps read (Google Authenticator's specification): the
    /// label is issuer and account joined by a literal colon, each percent-encoded (a space as
    /// %20, never +), and the issuer repeated as a parameter, which apps prefer.
    public func provisioningURI(issuer: String, account: String) -> String {
        let label = Self.percentEncoded(issuer) + ":" + Self.percentEncoded(account)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(Self.percentEncoded(issuer))"
            + "&algorithm=SHA1&digits=\(digits)&period=\(period)"
    }

    /// 20 bytes (160 bits), the HMAC-SHA1 output length RFC 4226 §4 recommends. Production
    /// passes `SystemRandomNumberGenerator` (a CSPRNG on every platform Swift supports).
    public static func randomSecret<G: RandomNumberGenerator>(using rng: inout G) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < 20 {
            let word = rng.next()
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < 20 {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return bytes
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters, over UTF-8.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out.append("%"); out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
