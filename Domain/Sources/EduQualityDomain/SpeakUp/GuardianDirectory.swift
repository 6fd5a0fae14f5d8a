import Foundation

/// One Freedom to Speak Up guardian as the public directory lists them.
public struct GuardianDirectoryEntry: Hashable, Sendable {
    public let id: String
    public let name: String
    public let organisation: String
    /// The organisation's current name, from reference data (names change; the code does not).
    public let organisationName: String
    public let email: String
    public let phone: String?
    /// Free text, e.g. "Monday to Thursday, 9am to 5pm; confidential voicemail at other times".
    public let availability: String?

    public init(id: String, name: String, organisation: String, organisationName: String, email: String,
                phone: String?, availability: String?) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.organisationName = organisationName
        self.email = email
        self.phone = phone
        self.availability = availability
    }

    public enum Field: String, CaseIterable, Sendable, Hashable {
        case name, organisation, email, phone, availability
    }

    public struct Problem: Hashable, Sendable {
        public let field: Field
        public let message: String
    }

    public struct Invalid: Error, Hashable, Sendable {
        public let problems: [Problem]
        public func message(for field: Field) -> String? { problems.first { $0.field == field }?.message }
    }

    /// Validates an entry as typed by a guardian or an administrator.
    public static func validated(id: String, name: String?, organisation: String?, organisationName: String,
                                 email: String?, phone: String?, availability: String?) throws(Invalid) -> GuardianDirectoryEntry {
        var problems: [Problem] = []
        let cleanName = NewConcernForm.clean(name)
        if cleanName == nil || cleanName!.count > NewConcernForm.maxName {
            problems.append(Problem(field: .name, message: "Enter the guardian's name (up to \(NewConcernForm.maxName) characters)."))
        }
        let code = NewConcernForm.clean(organisation)
        if let message = NewConcernForm.codeProblem(code, required: true, what: "the organisation") {
            problems.append(Problem(field: .organisation, message: message))
        }
        let cleanEmail = NewConcernForm.clean(email)
        if cleanEmail == nil || !EmailAddress.looksValid(cleanEmail!) {
            problems.append(Problem(field: .email, message: "Enter an email address in the form name@example.org."))
        }
        let cleanPhone = NewConcernForm.clean(phone)
        if let cleanPhone, cleanPhone.count > 30
            || !cleanPhone.allSatisfy({ $0.isNumber || " +()-".contains($0) }) {
            problems.append(Problem(field: .phone, message: "Enter a phone number using digits, spaces and + ( ) - only."))
        }
        let cleanAvailability = NewConcernForm.clean(availability)
        if let cleanAvailability, cleanAvailability.count > 500 {
            problems.append(Problem(field: .availability, message: "Keep availability to 500 characters or fewer."))
        }
        guard problems.isEmpty, let cleanName, let code, let cleanEmail else { throw Invalid(problems: problems) }
        return GuardianDirectoryEntry(id: id, name: cleanName, organisation: code, organisationName: organisationName,
                                      email: cleanEmail, phone: cleanPhone, availability: cleanAvailability)
    }
}

/// The public guardian directory: search by organisation (code or name) or guardian name,
/// ignoring case and accents, so "zoe" finds Zoë and "st georges" finds St George's.
public struct GuardianDirectory: Hashable, Sendable {
    public let entries: [GuardianDirectoryEntry]

    public init(entries: [GuardianDirectoryEntry]) { self.entries = entries }

    /// Entries where every word of `query` starts a word of the guardian's name, the organisation's
    /// name or its code ("st" finds St Peter's, not Manchester); all entries when the query is blank. `organisation` narrows to one code.
    /// Sorted by organisation name, then guardian name.
    public func search(_ query: String, organisation: String? = nil) -> [GuardianDirectoryEntry] {
        let words = Self.fold(query).split(separator: " ").map(String.init)
        return entries
            .filter { organisation == nil || $0.organisation.caseInsensitiveCompare(organisation!) == .orderedSame }
            .filter { entry in
                let haystack = Self.fold("\(entry.name) \(entry.organisationName) \(entry.organisation)")
                    .split(separator: " ")
                return words.allSatisfy { word in haystack.contains { $0.hasPrefix(word) } }
            }
            .sorted { (Self.fold($0.organisationName), Self.fold($0.name)) < (Self.fold($1.organisationName), Self.fold($1.name)) }
    }

    /// Lower case, accents removed, apostrophes dropped ("George's" → "georges") and other
    /// punctuation made a word break ("Mary-Jane" → "mary jane").
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        let kept = folded.unicodeScalars
            .filter { !"'\u{2019}\u{2018}`".unicodeScalars.contains($0) }
            .map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }
}
