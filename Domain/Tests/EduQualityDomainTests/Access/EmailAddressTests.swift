import Testing
@testable import EduQualityDomain

@Suite("Email addresses: one shape check")
struct EmailAddressTests {
    @Test("accepted and refused addresses", arguments: [
        ("first.last+tag@nhs.net", true), ("sam@example.org", true), ("a@b.c", true),
        ("admin@demo.eduquality.test", true), (String(repeating: "a", count: 242) + "@example.org", true),
        ("a@b", false), ("@example.org", false), ("a b@example.org", false), ("a@@example.org", false),
        ("a@example..org", false), ("a@.example.org", false), ("a@example.org.", false), ("", false),
        ("no-at-sign.example.org", false), ("a@b@example.org", false), ("a\t@example.org", false),
        ("a@example.org\n", false), (String(repeating: "a", count: 243) + "@example.org", false),
    ])
    func shape(address: String, accepted: Bool) {
        #expect(EmailAddress.looksValid(address) == accepted)
    }
}
