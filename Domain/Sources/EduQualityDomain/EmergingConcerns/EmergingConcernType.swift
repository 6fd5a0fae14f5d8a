/// The protocol's three kinds of emerging concern. Raw values are the API's.
public enum EmergingConcernType: String, CaseIterable, Codable, Sendable, Hashable {
    /// About individuals or groups of professionals.
    case professionals
    /// About health systems and the care environment.
    case systemsAndEnvironment = "systems-and-environment"
    /// About trust and confidence in professionals or the professions.
    case trustAndConfidence = "trust-and-confidence"

    public var displayName: String {
        switch self {
        case .professionals: "Individuals or groups of professionals"
        case .systemsAndEnvironment: "Health systems and the care environment"
        case .trustAndConfidence: "Trust and confidence in professionals or the professions"
        }
    }
}

/// Whom a concern is about: an organisation, optionally a setting within it and a professional
/// group, and a named individual only when the raiser marked the concern as holding personal
/// data and recorded the lawful basis for sharing it.
public struct EmergingConcernSubject: Hashable, Sendable, Codable {
    /// The organisation's reference code.
    public var organisation: String
    public var setting: String?
    public var group: String?
    public var individual: NamedIndividual?

    public init(organisation: String, setting: String? = nil, group: String? = nil, individual: NamedIndividual? = nil) {
        self.organisation = organisation
        self.setting = setting
        self.group = group
        self.individual = individual
    }

    /// Pages show a marker, and the audit log never copies the name, when this is true.
    public var holdsPersonalData: Bool { individual != nil }
}

/// A named person a concern is about, with the lawful basis the raiser recorded for sharing it.
public struct NamedIndividual: Hashable, Sendable, Codable {
    public var name: String
    public var lawfulBasis: String

    public init(name: String, lawfulBasis: String) {
        self.name = name
        self.lawfulBasis = lawfulBasis
    }
}

/// What a change to a concern or its panel did: one line each for its history, and the audit event.
public struct EmergingConcernChange: Equatable, Sendable {
    public let lines: [String]
    public let audit: AuditEvent

    public init(lines: [String], audit: AuditEvent) {
        self.lines = lines
        self.audit = audit
    }
}
