/// One learner's survey response as the reporting engine receives it: where the placement was,
/// and the answer to each item by item code (items missing from `answers` are unanswered).
public struct ResponseRecord: Sendable, Hashable {
    public var round: String
    public var profession: String
    public var region: String
    public var organisation: String
    public var site: String?
    public var specialty: String?
    public var placementType: String?
    public var level: String?
    public var answers: [String: Answer]

    public init(round: String, profession: String, region: String, organisation: String,
                site: String? = nil, specialty: String? = nil, placementType: String? = nil,
                level: String? = nil, answers: [String: Answer]) {
        self.round = round
        self.profession = profession
        self.region = region
        self.organisation = organisation
        self.site = site
        self.specialty = specialty
        self.placementType = placementType
        self.level = level
        self.answers = answers
    }

    /// The record's code for each stored dimension, in column order.
    var dimensionCodes: [String?] {
        [region, organisation, site, profession, specialty, placementType, level]
    }
}

/// Why a response could not be added to the store (the store is unchanged).
public enum ResponseIngestError: Error, Equatable, Sendable {
    case unknownItem(String)
    case rankOutOfScale(item: String, rank: Int, scalePoints: Int)
    case notApplicableNotAllowed(item: String)
    case emptyCode(ReportDimension)
    case siteInAnotherOrganisation(site: String, organisation: String)
    case organisationInAnotherRegion(organisation: String, region: String)
    case tooManyCodes(ReportDimension)
    /// Places are registered with `registerPlace`, which records their parents.
    case placeNeedsParents(ReportDimension)
    case siteWithoutOrganisation(String)
}
