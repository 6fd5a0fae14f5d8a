/// The roles on a review panel.
public enum PanelRole: String, CaseIterable, Codable, Sendable, Hashable {
    case lead
    case qualityLead = "quality-lead"
    case specialtyExpert = "specialty-expert"
    case layMember = "lay-member"
    case learnerRepresentative = "learner-representative"

    public var displayName: String {
        switch self {
        case .lead: "Review lead"
        case .qualityLead: "Quality lead"
        case .specialtyExpert: "Specialty expert"
        case .layMember: "Lay member"
        case .learnerRepresentative: "Learner representative"
        }
    }
}

/// One person on a panel. `userID` is set when the member has an account (a reviewer who records
/// findings); `conflicts` are the organisations the member declared an interest in.
public struct PanelMember: Hashable, Sendable, Codable {
    public var name: String
    public var role: PanelRole
    public var userID: String?
    public var conflicts: [String]

    public init(name: String, role: PanelRole, userID: String? = nil, conflicts: [String] = []) {
        self.name = name
        self.role = role
        self.userID = userID
        self.conflicts = conflicts
    }

    /// Whether the member declared a conflict of interest for `organisation`.
    public func isConflicted(for organisation: String) -> Bool {
        conflicts.contains { $0.caseInsensitiveCompare(organisation) == .orderedSame }
    }

    /// What a published report shows: the role, and the name for everyone but learners.
    public var publicDescription: String {
        role == .learnerRepresentative ? role.displayName : "\(role.displayName): \(name)"
    }
}

/// A member of the panel as typed on the page or in the API.
public struct NewPanelMemberForm: Hashable, Sendable {
    public var name: String?
    public var role: String?
    public var userID: String?
    /// Organisation codes, separated by commas or spaces.
    public var conflicts: String?

    public init(name: String? = nil, role: String? = nil, userID: String? = nil, conflicts: String? = nil) {
        self.name = name
        self.role = role
        self.userID = userID
        self.conflicts = conflicts
    }

    public func validated() throws(InvalidForm) -> PanelMember {
        var problems = FormProblems()
        let name = problems.text("name", name, maxLength: 200, missing: "Enter the member's name.")
        let role = FormProblems.clean(role).flatMap(PanelRole.init(rawValue:))
        if role == nil {
            problems.add("role", "Choose a role: " + PanelRole.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let codes = (conflicts ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map { $0.uppercased() }
        if let bad = codes.first(where: { ReferenceCode.problem(with: $0) != nil }) {
            problems.add("conflicts", "\(bad) is not an organisation code.")
        }
        try problems.check()
        return PanelMember(name: name!, role: role!, userID: FormProblems.clean(userID), conflicts: codes)
    }
}
