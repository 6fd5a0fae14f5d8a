/// The reference-data code a grant of a role names, by the kind of the role's scope: a region code
/// for a regional team, an organisation code for organisation roles, a site code for an educator.
/// National, personal and review-assignment scopes are implied by the role and name none.
public enum ScopeCodeKind: String, CaseIterable, Sendable {
    case region, organisation, site
}

extension ScopeKind {
    public var codeKind: ScopeCodeKind? {
        switch self {
        case .region: .region
        case .organisation: .organisation
        case .site: .site
        case .national, .personal, .assignedReviews: nil
        }
    }
}

extension Role {
    /// The code a grant of this role must name; nil when none is needed.
    public var scopeCodeKind: ScopeCodeKind? { scopeKind.codeKind }
}

/// A grant named no known code of the kind its role needs. The messages are the users page's (on
/// the field of that kind) and the `users create` command's (about `--scope`).
public struct UnknownScopeCode: Error, Hashable, Sendable, CustomStringConvertible {
    public let role: Role
    public let kind: ScopeCodeKind

    public init(role: Role, kind: ScopeCodeKind) {
        self.role = role
        self.kind = kind
    }

    /// The form field the code is typed in.
    public var field: String { kind.rawValue }

    public var formMessage: String { "Enter the code of the \(kind.rawValue) this role covers" }

    public var commandLineMessage: String {
        "--scope must be \(kind == .organisation ? "an" : "a") \(kind.rawValue) code for \(role.rawValue)"
    }

    public var description: String { commandLineMessage }
}
