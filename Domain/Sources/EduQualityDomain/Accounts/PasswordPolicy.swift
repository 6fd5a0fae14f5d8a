/// What a new staff password must satisfy (OWASP ASVS 4.0 level 2, §2.1): 12 to 128 characters,
/// any characters at all (spaces and emoji included, nothing stripped or truncated, no
/// composition rules), not one of the commonly used passwords, and not the account's own email.
/// The deny list is `Seed/reference/common-passwords.txt`, read by the web layer at start-up.
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    public static let maximumLength = 128

    /// Local parts shorter than this are not looked for inside a password: "jo@…" would refuse
    /// every password with "jo" in it, and guessing gains little from so short a piece.
    static let shortestLocalPartChecked = 3

    let denied: Set<String>

    /// `denyList`: one password per line (blank lines and lines starting with # ignored), compared case-insensitively.
    public init(denyList: String) {
        var denied: Set<String> = []
        for line in denyList.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            guard !line.hasPrefix("#") else { continue }
            // Surrounding spaces on a line are the file's layout, not part of the password.
            let entry = String(line).trimmingWhitespace
            guard !entry.isEmpty else { continue }
            denied.insert(entry.lowercased())
        }
        self.denied = denied
    }

    public var deniedCount: Int { denied.count }

    /// bcrypt reads only the first 72 bytes of a password, so a hasher that is bcrypt must
    /// refuse (or pre-hash) longer ones; `check` allows up to 128 characters as ASVS asks.
    public static let bcryptByteLimit = 72

    /// The length rule alone, with bcrypt's 72-byte limit: what the account page checked before
    /// the deny list existed, kept so that page builds until it moves to `check`.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "Password must be at least \(minimumLength) characters" }
        if password.utf8.count > bcryptByteLimit { return "Password must be \(bcryptByteLimit) bytes or fewer" }
        return nil
    }

    /// Throws InvalidForm on field `field` with a clear message when too short, too long, on the deny list,
    /// or the same as (or containing) the account's email or its local part.
    ///
    /// Length counts characters as people see them (`String.count`, grapheme clusters), so an
    /// accented letter typed either way counts once.
    public func check(_ password: String, email: String?, field: String = "password") throws(InvalidForm) {
        let length = password.count
        guard length >= Self.minimumLength else {
            throw InvalidForm(field: field, "Your password must be at least \(Self.minimumLength) characters long. Use a few unrelated words.")
        }
        guard length <= Self.maximumLength else {
            throw InvalidForm(field: field, "Your password must be \(Self.maximumLength) characters or fewer.")
        }
        let folded = password.lowercased()
        guard !denied.contains(folded) else {
            throw InvalidForm(field: field, "This password is one of the most commonly used passwords. Choose one that is harder to guess.")
        }
        if let email = email.map({ $0.trimmingWhitespace.lowercased() }), !email.isEmpty {
            let localPart = email.split(separator: "@", maxSplits: 1).first.map(String.init) ?? email
            let containsLocalPart = localPart.count >= Self.shortestLocalPartChecked && folded.contains(localPart)
            if folded.contains(email) || containsLocalPart {
                throw InvalidForm(field: field, "Your password must not contain your email address or the part before the @.")
            }
        }
    }
}
