/// The reference data a GMC survey file is checked against: organisations with their regions,
/// sites with their organisations, specialties, and the configured GMC indicators.
public struct GMCSurveyReferenceCodes: Sendable {
    public var regionOfOrganisation: [String: String]
    public var organisationOfSite: [String: String]
    public var specialties: Set<String>
    /// Indicator codes in their configured order (for the message listing them).
    public var indicators: [String]

    public init(regionOfOrganisation: [String: String], organisationOfSite: [String: String],
                specialties: Set<String>, indicators: [String]) {
        self.regionOfOrganisation = regionOfOrganisation
        self.organisationOfSite = organisationOfSite
        self.specialties = specialties
        self.indicators = indicators
    }
}
