/// Who a named reporter is. Never exists for an anonymous concern.
public struct ReporterIdentity: Hashable, Sendable, Codable {
    public let name: String
    public let email: String?
    /// The account the concern is linked to, so the reporter can follow it when signed in.
    public let accountID: String?

    public init(name: String, email: String?, accountID: String?) {
        self.name = name
        self.email = email
        self.accountID = accountID
    }
}

/// The reporter of a concern, by how it was raised. Anonymity is a case with no payload, so an
/// anonymous concern cannot carry a name, email or account link by construction.
public enum ConcernReporter: Hashable, Sendable {
    case open(ReporterIdentity)
    case confidential(ReporterIdentity)
    case anonymous

    public var howRaised: HowRaised {
        switch self {
        case .open: .open
        case .confidential: .confidential
        case .anonymous: .anonymous
        }
    }

    public var identity: ReporterIdentity? {
        switch self {
        case .open(let identity), .confidential(let identity): identity
        case .anonymous: nil
        }
    }

    public var accountID: String? { identity?.accountID }

    /// Reporters without an account follow up with a receipt code: every anonymous reporter, and
    /// a named one who raised the concern without signing in.
    public var needsReceiptCode: Bool { accountID == nil }
}

/// What handlers are shown about the reporter. A confidential reporter's name stays with the body
/// that first received the concern unless the reporter consents to it being shared.
public enum ReporterAsSeenByHandlers: Hashable, Sendable {
    case named(ReporterIdentity, howRaised: HowRaised)
    case nameWithheld
    case anonymous
}
