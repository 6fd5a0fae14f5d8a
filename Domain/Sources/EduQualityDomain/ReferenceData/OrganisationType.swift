/// The kinds of organisation in healthcare education. Raw values are API values.
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

    /// Hosts learners on placement: the organisations the survey offers and accepts, and those the
    /// synthetic and demo responses are spread over. Universities, commissioners, regulators and
    /// national bodies educate, pay for or oversee placements but host none.
    public var hostsPlacements: Bool {
        switch self {
        case .nhsTrust, .primaryCareProvider, .independentProvider: true
        case .integratedCareBoard, .higherEducationInstitution, .regulator, .nationalBody: false
        }
    }

    /// May be named as where a concern's placement was, on the raise-a-concern form. Wider than
    /// `hostsPlacements`: a concern can be about a commissioner's part in a placement or the
    /// university's own (the form's education-provider list is drawn from these universities), so
    /// only regulators and national bodies, which oversee rather than take part, are left out.
    public var mayBeAConcernsPlacement: Bool {
        switch self {
        case .nhsTrust, .primaryCareProvider, .independentProvider, .integratedCareBoard, .higherEducationInstitution: true
        case .regulator, .nationalBody: false
        }
    }

}
