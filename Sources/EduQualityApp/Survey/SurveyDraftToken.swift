import EduQualityDomain
import Vapor

/// Carries a survey in progress from page to page in a hidden form field: its round and resume
/// code, signed with the form secret (HMAC-SHA256). The server made the token, so finding the
/// draft by it is no guess and is counted against nothing; only a learner typing a code on the
/// resume page is a look-up. A token that does not verify was altered: a 400, never a lock-out.
struct SurveyDraftToken: Equatable {
    static let field = "draft"
    static let tampered = AppError.badRequest(
        "This survey page could not be read: it was changed after we sent it. Go back to the survey and try again, or continue with your resume code.")

    let round: String
    let code: ResumeCode

    func encoded(secret: [UInt8]) -> String {
        let payload = round + "|" + code.value
        return payload + "|" + Self.mac(payload, secret: secret).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads a token; nil when it is malformed or its signature does not match.
    init?(verifying token: String, secret: [UInt8]) {
        guard token.utf8.count <= 200 else { return nil }
        let parts = token.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, let mac = Self.bytes(hex: parts[2]) else { return nil }
        let payload = parts[0] + "|" + parts[1]
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Array(("survey-draft|" + payload).utf8),
                                                     using: SymmetricKey(data: secret)),
              let code = ResumeCode(userInput: String(parts[1])), code.value == parts[1] else { return nil }
        self.init(round: String(parts[0]), code: code)
    }

    init(round: String, code: ResumeCode) {
        self.round = round
        self.code = code
    }

    /// The token a form carries: nil when there is none, `.some(nil)` when it does not verify.
    static func carried(by form: SurveyFormBody, _ req: Request) -> SurveyDraftToken?? {
        guard let text = form.fields[field], !text.isEmpty else { return nil }
        return .some(SurveyDraftToken(verifying: text, secret: req.config.formSecret))
    }

    private static func mac(_ payload: String, secret: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(("survey-draft|" + payload).utf8), using: SymmetricKey(data: secret)))
    }

    private static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for i in stride(from: 0, to: 64, by: 2) {
            guard let h = nibble(digits[i]), let l = nibble(digits[i + 1]) else { return nil }
            out.append(h << 4 | l)
        }
        return out
    }

    private static func nibble(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
