/// Reference-data codes are stable identifiers used by every API and import: letters, digits,
/// hyphens and dots, 1 to 40 characters, starting with a letter or digit.
public enum ReferenceCode {
    public static let maxLength = 40

    /// nil when valid, else a message for the person who typed it.
    public static func problem(with code: String) -> String? {
        if code.isEmpty { return "Enter a code" }
        if code.count > maxLength { return "Code must be \(maxLength) characters or fewer" }
        let allowed = code.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
        }
        if !allowed { return "Code may contain only letters, digits, hyphens and full stops" }
        if code.first == "-" || code.first == "." { return "Code must start with a letter or digit" }
        return nil
    }

    /// nil when a display name is acceptable.
    public static func nameProblem(with name: String, maxLength: Int = 200) -> String? {
        let trimmed = name.trimmingWhitespace
        if trimmed.isEmpty { return "Enter a name" }
        if trimmed.count > maxLength { return "Name must be \(maxLength) characters or fewer" }
        return nil
    }
}

extension String {
    public var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
