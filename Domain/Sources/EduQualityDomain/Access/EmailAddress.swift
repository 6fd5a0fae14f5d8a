/// The one shape check for an email address typed anywhere: an account's sign-in name, a
/// reporter's contact address, a guardian's directory entry. Deliberately loose; only a message
/// that arrives proves an address.
public enum EmailAddress {
    public static let maxLength = 254

    /// One `@` with something before it, a dotted domain after it with no empty label at either
    /// end or between dots, no whitespace, at most `maxLength` characters.
    public static func looksValid(_ text: String) -> Bool {
        guard text.count <= maxLength, !text.contains(where: \.isWhitespace) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
    }
}
