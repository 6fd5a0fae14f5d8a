/// Where the learner was placed when the concern arose: reference-data codes. That the codes exist
/// and that the organisation lies in the region is checked against reference data by the caller.
public struct ConcernPlacement: Hashable, Sendable, Codable {
    public let region: String
    public let organisation: String
    public let site: String?

    public init(region: String, organisation: String, site: String?) {
        self.region = region
        self.organisation = organisation
        self.site = site
    }
}
