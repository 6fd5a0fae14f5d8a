/// How openly a concern (or a speak-up case) was raised. Raw values are stored and used in APIs.
public enum HowRaised: String, CaseIterable, Codable, Sendable, Hashable {
    /// The name is known and may be shared.
    case open
    /// The name is given but not shared beyond the body first handling it without consent.
    case confidential
    /// No name at all; follow-up is by receipt code, and nothing identifying is kept.
    case anonymous

    public var displayName: String {
        switch self {
        case .open: "Openly"
        case .confidential: "Confidentially"
        case .anonymous: "Anonymously"
        }
    }

    public var explanation: String {
        switch self {
        case .open:
            "You give your name, and the people handling your concern may share it when they need to."
        case .confidential:
            "You give your name, but it is not shared beyond the team you send this to unless you agree."
        case .anonymous:
            "You do not give your name. You get a receipt code to follow up; keep it safe, because "
                + "nobody can recover it for you. We keep nothing that identifies you."
        }
    }
}
