import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Password policy")
struct PasswordPolicyTests {
    static let policy = PasswordPolicy(denyList: """
        # a comment line, ignored
        password1234

        Qwertyuiop123
          correcthorsebatterystaple  
        #notapassword12
        """)

    static func refusal(_ password: String, email: String? = nil, field: String = "password") -> String? {
        do {
            try policy.check(password, email: email, field: field)
            return nil
        } catch {
            return error.message(for: field)
        }
    }

    @Test("accepts a long password that is on no list")
    func accepts() throws {
        try Self.policy.check("plum tractor lantern", email: "lead@nhs.test")
        try Self.policy.check(String(repeating: "é", count: 128), email: nil)
        try Self.policy.check("#notapassword12", email: nil)
    }

    @Test("refuses fewer than 12 characters, counting characters not bytes")
    func tooShort() throws {
        #expect(Self.refusal("elevenchars")?.contains("at least 12 characters") == true)
        #expect(Self.refusal("")?.contains("at least 12") == true)
        // 11 accented letters are 22 bytes but 11 characters.
        #expect(Self.refusal(String(repeating: "é", count: 11)) != nil)
        try Self.policy.check(String(repeating: "é", count: 12), email: nil)
        try Self.policy.check("twelve chars", email: nil)
    }

    @Test("refuses more than 128 characters")
    func tooLong() throws {
        #expect(Self.refusal(String(repeating: "x", count: 129))?.contains("128 characters or fewer") == true)
        try Self.policy.check(String(repeating: "x", count: 128), email: nil)
    }

    @Test("refuses a password on the deny list, in any case")
    func denied() {
        for password in ["password1234", "PASSWORD1234", "qwertyuiop123", "CorrectHorseBatteryStaple"] {
            #expect(Self.refusal(password)?.contains("most commonly used") == true)
        }
        #expect(Self.policy.deniedCount == 3)
    }

    @Test("refuses the account's email or its local part, alone or inside the password")
    func email() throws {
        let email = "national.lead@demo.eduquality.test"
        for password in [email, email.uppercased(), "national.lead", "my national.lead pass", "xx" + email + "yy"] {
            #expect(Self.refusal(password, email: email)?.contains("email address") == true)
        }
        // A very short local part is not looked for inside a password.
        try Self.policy.check("jollyroger2026", email: "jo@nhs.test")
        try Self.policy.check("national lead speaking", email: email)
    }

    @Test("the refusal is on the field asked for, with one message")
    func field() {
        do {
            try Self.policy.check("short", email: nil, field: "new")
            Issue.record("a short password was accepted")
        } catch {
            #expect(error.problems.map(\.field) == ["new"])
        }
    }

    @Test("the seeded deny list holds at least 10,000 passwords")
    func seededList() throws {
        let text = try String(contentsOf: SurveyFixtures.seedFile("reference/common-passwords.txt"), encoding: .utf8)
        #expect(text.hasPrefix("# "))
        let policy = PasswordPolicy(denyList: text)
        #expect(policy.deniedCount >= 10_000)
        #expect((try? policy.check("password1234", email: nil)) == nil)
        #expect((try? policy.check("plum tractor lantern", email: nil)) != nil)
    }

    @Test("the account page's length rule keeps bcrypt's 72-byte limit")
    func legacyLengthRule() {
        #expect(PasswordPolicy.problem(with: "short") != nil)
        #expect(PasswordPolicy.problem(with: "correct horse battery") == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "é", count: 40)) != nil)
    }
}
