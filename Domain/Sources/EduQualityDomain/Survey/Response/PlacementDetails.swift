import Foundation

/// Where and as whom a learner answered: the grouping keys of every report. Region is not kept
/// here; it follows from the organisation.
public struct PlacementDetails: Hashable, Sendable, Codable {
    public var round: SurveyRoundCode
    public var profession: String
    public var organisation: String
    public var site: String?
    public var placementType: String
    public var specialty: String?
    public var trainingLevel: String?

    public init(round: SurveyRoundCode, profession: String, organisation: String, site: String? = nil,
                placementType: String, specialty: String? = nil, trainingLevel: String? = nil) {
        self.round = round
        self.profession = profession
        self.organisation = organisation
        self.site = site
        self.placementType = placementType
        self.specialty = specialty
        self.trainingLevel = trainingLevel
    }
}

/// The placement page as the learner filled it in: any field may be missing or wrong.
public struct PlacementEntry: Hashable, Sendable, Codable {
    public var profession: String?
    public var organisation: String?
    public var site: String?
    public var placementType: String?
    public var specialty: String?
    public var trainingLevel: String?

    public init(profession: String? = nil, organisation: String? = nil, site: String? = nil,
                placementType: String? = nil, specialty: String? = nil, trainingLevel: String? = nil) {
        self.profession = profession
        self.organisation = organisation
        self.site = site
        self.placementType = placementType
        self.specialty = specialty
        self.trainingLevel = trainingLevel
    }

    public init(_ details: PlacementDetails) {
        self.init(profession: details.profession, organisation: details.organisation, site: details.site,
                  placementType: details.placementType, specialty: details.specialty,
                  trainingLevel: details.trainingLevel)
    }

    public subscript(field: PlacementField) -> String? {
        get {
            let value: String? = switch field {
            case .profession: profession
            case .organisation: organisation
            case .site: site
            case .placementType: placementType
            case .specialty: specialty
            case .trainingLevel: trainingLevel
            }
            // A form sends "" for an untouched select; that is no answer.
            guard let value, !value.allSatisfy(\.isWhitespace) else { return nil }
            return value.trimmingCharacters(in: .whitespaces)
        }
        set {
            switch field {
            case .profession: profession = newValue
            case .organisation: organisation = newValue
            case .site: site = newValue
            case .placementType: placementType = newValue
            case .specialty: specialty = newValue
            case .trainingLevel: trainingLevel = newValue
            }
        }
    }
}
