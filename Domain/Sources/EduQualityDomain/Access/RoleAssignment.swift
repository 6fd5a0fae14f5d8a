public struct RoleAssignment: Hashable, Sendable {
    public let role: Role
    public let scope: Scope

    /// Refuses a scope of the wrong kind for the role (a regional team scoped to a site, say).
    public init(role: Role, scope: Scope) throws(AssignmentError) {
        guard role.scopeKind == scope.kind else {
            throw AssignmentError.wrongScope(role: role, expected: role.scopeKind)
        }
        self.role = role
        self.scope = scope
    }
}

public enum AssignmentError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongScope(role: Role, expected: ScopeKind)

    public var description: String {
        switch self {
        case .wrongScope(let role, let expected):
            "The role \(role.displayName) must be given a scope of kind \(expected.rawValue)."
        }
    }
}

/// Who is asking: nobody (the public) or a signed-in person with role assignments.
public struct Actor: Sendable, Hashable {
    public let userID: String?
    public let assignments: [RoleAssignment]

    public init(userID: String?, assignments: [RoleAssignment]) {
        self.userID = userID
        self.assignments = assignments
    }

    public static let publicVisitor = Actor(userID: nil, assignments: [])
    public var isSignedIn: Bool { userID != nil }
    public func has(_ role: Role) -> Bool { assignments.contains { $0.role == role } }
}
