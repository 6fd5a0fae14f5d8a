public enum ScopeKind: String, Codable, Sendable, CaseIterable {
    case personal, site, organisation, region, national
    case assignedReviews = "assigned-reviews"
}

/// Where a role assignment applies. Codes are the stable reference-data codes.
public enum Scope: Hashable, Sendable {
    case personal
    case site(organisation: String, site: String)
    case organisation(String)
    case region(String)
    case national
    case assignedReviews

    public var kind: ScopeKind {
        switch self {
        case .personal: .personal
        case .site: .site
        case .organisation: .organisation
        case .region: .region
        case .national: .national
        case .assignedReviews: .assignedReviews
        }
    }

    /// Whether a thing located at `location` lies inside this scope (national ⊇ region ⊇
    /// organisation ⊇ site).
    public func contains(_ location: Location) -> Bool {
        switch self {
        case .national: true
        case .region(let r): location.region == r
        case .organisation(let o): location.organisation == o
        case .site(let o, let s): location.organisation == o && location.site == s
        case .personal, .assignedReviews: false
        }
    }

    /// Whether this scope is exactly the handling body `body` (queues belong to one body).
    public func isExactly(_ body: HandlingBody) -> Bool {
        switch (self, body) {
        case (.national, _): true
        case (.region(let r), .region(let b)): r == b
        case (.organisation(let o), .organisation(let b, _)): o == b
        case (.organisation(let o), .guardian(let b)): o == b
        case (.site(let o, let s), .organisation(let b, let site)): o == b && site == s
        default: false
        }
    }
}

/// Where a resource sits in the region → organisation → site hierarchy.
public struct Location: Hashable, Sendable {
    public var region: String
    public var organisation: String?
    public var site: String?

    public init(region: String, organisation: String? = nil, site: String? = nil) {
        self.region = region
        self.organisation = organisation
        self.site = site
    }
}

/// The body that owns a case queue: an organisation (pathway 1 at the placement's site, pathway 2
/// at the education provider), an organisation's Freedom to Speak Up guardians, or a regional
/// quality team (pathway 3).
public enum HandlingBody: Hashable, Sendable {
    case organisation(String, site: String?)
    case guardian(String)
    case region(String)
}
