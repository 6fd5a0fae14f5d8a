/// The codes a response may use, from the reference data. Build it once per change of
/// reference data: the sets are computed here so each check is a lookup.
public struct SurveyReferenceCodes: Sendable {
    public let professions: [String]
    public let organisations: [String]
    public let sites: [SiteReference]
    public let placementTypes: [String]
    public let specialties: [String]
    public let trainingLevels: [String]

    let professionSet: Set<String>
    let organisationSet: Set<String>
    let siteOrganisation: [String: String]
    let placementTypeSet: Set<String>
    let specialtySet: Set<String>
    let trainingLevelSet: Set<String>

    public init(professions: [String], organisations: [String], sites: [SiteReference],
                placementTypes: [String], specialties: [String], trainingLevels: [String]) {
        self.professions = professions
        self.organisations = organisations
        self.sites = sites
        self.placementTypes = placementTypes
        self.specialties = specialties
        self.trainingLevels = trainingLevels
        professionSet = Set(professions)
        organisationSet = Set(organisations)
        siteOrganisation = Dictionary(sites.map { ($0.code, $0.organisation) }, uniquingKeysWith: { first, _ in first })
        placementTypeSet = Set(placementTypes)
        specialtySet = Set(specialties)
        trainingLevelSet = Set(trainingLevels)
    }

    func contains(_ code: String, in field: PlacementField) -> Bool {
        switch field {
        case .profession: professionSet.contains(code)
        case .organisation: organisationSet.contains(code)
        case .site: siteOrganisation[code] != nil
        case .placementType: placementTypeSet.contains(code)
        case .specialty: specialtySet.contains(code)
        case .trainingLevel: trainingLevelSet.contains(code)
        }
    }

    public func organisation(ofSite site: String) -> String? { siteOrganisation[site] }
}

/// Site codes are unique across organisations (as national site codes are).
public struct SiteReference: Hashable, Sendable {
    public let code: String
    public let organisation: String

    public init(code: String, organisation: String) {
        self.code = code
        self.organisation = organisation
    }
}
