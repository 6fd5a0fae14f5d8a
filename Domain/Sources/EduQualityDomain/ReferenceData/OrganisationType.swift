/// Organisation types of domain reference §2. Raw values are API values.
public enum OrganisationType: String, CaseIterable, Codable, Sendable {
    case nhsTrust = "nhs-trust"
    case integratedCareBoard = "integrated-care-board"
    case primaryCareProvider = "primary-care-provider"
    case independentProvider = "independent-provider"
    case higherEducationInstitution = "higher-education-institution"
    case regulator
    case nationalBody = "national-body"

    public var displayName: String {
        switch self {
        case .nhsTrust: "NHS trust"
        case .integratedCareBoard: "Integrated care board"
        case .primaryCareProvider: "Primary care provider"
        case .independentProvider: "Independent provider"
        case .higherEducationInstitution: "Higher education institution"
        case .regulator: "Regulator"
        case .nationalBody: "National body"
        }
    }
}
