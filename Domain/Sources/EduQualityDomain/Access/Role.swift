/// The roles people have in the service. Raw values are stable: they are stored and used in APIs.
public enum Role: String, CaseIterable, Codable, Sendable, Hashable {
    case learner
    case educator
    case providerEducationLead = "provider-education-lead"
    case educationProviderLead = "education-provider-lead"
    case ftsuGuardian = "ftsu-guardian"
    case regionalQualityTeam = "regional-quality-team"
    case nationalQualityLead = "national-quality-lead"
    case regulatorLiaison = "regulator-liaison"
    case reviewer
    case administrator

    public var displayName: String {
        switch self {
        case .learner: "Learner"
        case .educator: "Educator or supervisor"
        case .providerEducationLead: "Provider education lead"
        case .educationProviderLead: "Education provider lead (university)"
        case .ftsuGuardian: "Freedom to Speak Up guardian"
        case .regionalQualityTeam: "Regional quality team"
        case .nationalQualityLead: "National quality lead"
        case .regulatorLiaison: "Regulator liaison"
        case .reviewer: "Reviewer or panel member"
        case .administrator: "Administrator"
        }
    }

    /// The kind of scope a role is granted over; an assignment with another kind is invalid.
    public var scopeKind: ScopeKind {
        switch self {
        case .learner: .personal
        case .educator: .site
        case .providerEducationLead, .educationProviderLead, .ftsuGuardian: .organisation
        case .regionalQualityTeam: .region
        case .nationalQualityLead, .administrator: .national
        case .regulatorLiaison: .organisation
        case .reviewer: .assignedReviews
        }
    }
}
