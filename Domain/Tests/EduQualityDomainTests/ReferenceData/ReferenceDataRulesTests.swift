import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Reference codes and passwords")
struct ReferenceDataRulesTests {
    @Test("codes: letters, digits, hyphens and dots only", arguments: [
        ("RJ1", nil), ("student-nurse", nil), ("1.1", nil), ("", "Enter a code"),
        ("-x", "Code must start with a letter or digit"),
        ("a b", "Code may contain only letters, digits, hyphens and full stops"),
        ("<script>", "Code may contain only letters, digits, hyphens and full stops"),
        (String(repeating: "A", count: 41), "Code must be 40 characters or fewer"),
    ] as [(String, String?)])
    func codes(code: String, message: String?) {
        #expect(ReferenceCode.problem(with: code) == message)
    }

    @Test("names are trimmed and required")
    func names() {
        #expect(ReferenceCode.nameProblem(with: "   ") == "Enter a name")
        #expect(ReferenceCode.nameProblem(with: " Trust ") == nil)
    }

    @Test("passwords: at least 12 characters, at most 72 bytes")
    func passwords() {
        #expect(PasswordPolicy.problem(with: "short") != nil)
        #expect(PasswordPolicy.problem(with: "correct horse battery") == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "é", count: 40)) != nil)
    }
}
