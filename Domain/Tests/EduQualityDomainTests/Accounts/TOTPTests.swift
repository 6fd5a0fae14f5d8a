import Testing
@testable import EduQualityDomain

@Suite("TOTP (RFC 6238)")
struct TOTPTests {
    static let rfcSecret = Array("12345678901234567890".utf8)

    @Test("gives every RFC 6238 Appendix B SHA1 code", arguments: [
        (Int64(59), "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func appendixB(time: Int64, code: String) {
        let totp = TOTP(secret: Self.rfcSecret, digits: 8)
        #expect(totp.code(at: time) == code)
        #expect(totp.verify(code, at: time, after: nil) == totp.counter(at: time))
    }

    @Test("six-digit codes are the last six digits, zero-padded")
    func sixDigits() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.code(at: 59) == "287082")
        #expect(totp.code(at: 1_111_111_109) == "081804")
        #expect(totp.code(at: 1_111_111_109).count == 6)
    }

    @Test("the counter is floor(time / period)")
    func counter() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.counter(at: 0) == 0)
        #expect(totp.counter(at: 29) == 0)
        #expect(totp.counter(at: 30) == 1)
        #expect(totp.counter(at: 1_111_111_109) == 0x23523EC)
        #expect(totp.counter(at: -1) == -1)
        #expect(TOTP(secret: Self.rfcSecret, period: 60).counter(at: 119) == 1)
    }

    @Test("accepts a code from one step either side, not two")
    func window() {
        let totp = TOTP(secret: Self.rfcSecret)
        let now: Int64 = 1_700_000_000
        let step = totp.counter(at: now)
        #expect(totp.verify(totp.code(at: now - 30), at: now, after: nil) == step - 1)
        #expect(totp.verify(totp.code(at: now + 30), at: now, after: nil) == step + 1)
        #expect(totp.verify(totp.code(at: now - 60), at: now, after: nil) == nil)
        #expect(totp.verify(totp.code(at: now + 60), at: now, after: nil) == nil)
        #expect(totp.verify(totp.code(at: now - 60), at: now, window: 2, after: nil) == step - 2)
        #expect(totp.verify(totp.code(at: now - 30), at: now, window: 0, after: nil) == nil)
    }

    @Test("never accepts the same code, or an earlier one, twice")
    func reuse() {
        let totp = TOTP(secret: Self.rfcSecret)
        let now: Int64 = 1_700_000_000
        let code = totp.code(at: now)
        let used = totp.verify(code, at: now, after: nil)
        #expect(used == totp.counter(at: now))
        #expect(totp.verify(code, at: now + 5, after: used) == nil)
        #expect(totp.verify(totp.code(at: now - 30), at: now, after: used) == nil)
        #expect(totp.verify(totp.code(at: now + 30), at: now + 30, after: used) == totp.counter(at: now + 30))
    }

    @Test("ignores spaces and refuses anything but the right number of digits")
    func typedForms() {
        let totp = TOTP(secret: Self.rfcSecret)
        let now: Int64 = 59
        #expect(totp.verify("287 082", at: now, after: nil) == 1)
        #expect(totp.verify(" 287082 ", at: now, after: nil) == 1)
        for wrong in ["28708", "2870820", "28708a", "", "287-082", "２８７０８２", "287083"] {
            #expect(totp.verify(wrong, at: now, after: nil) == nil)
        }
    }

    @Test("the provisioning URI is the Key URI format with everything percent-encoded")
    func provisioningURI() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.provisioningURI(issuer: "EduQuality", account: "lead@nhs.test")
            == "otpauth://totp/EduQuality:lead%40nhs.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=EduQuality&algorithm=SHA1&digits=6&period=30")
        #expect(totp.provisioningURI(issuer: "NHS & Co: Café", account: "a b+c@x.test")
            == "otpauth://totp/NHS%20%26%20Co%3A%20Caf%C3%A9:a%20b%2Bc%40x.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=NHS%20%26%20Co%3A%20Caf%C3%A9&algorithm=SHA1&digits=6&period=30")
    }

    @Test("random secrets are 20 bytes and differ")
    func randomSecret() {
        var rng = SplitMix64(seed: 6238)
        let first = TOTP.randomSecret(using: &rng)
        let second = TOTP.randomSecret(using: &rng)
        #expect(first.count == 20)
        #expect(second.count == 20)
        #expect(first != second)
        var system = SystemRandomNumberGenerator()
        #expect(TOTP.randomSecret(using: &system).count == 20)
    }

    @Test("digits are held to RFC 4226's 6 to 8 and the period to at least a second")
    func clamped() {
        #expect(TOTP(secret: Self.rfcSecret, digits: 3).digits == 6)
        #expect(TOTP(secret: Self.rfcSecret, digits: 12).digits == 8)
        #expect(TOTP(secret: Self.rfcSecret, period: 0).period == 1)
    }
}
