/// A question on the first page about where and as whom the learner was placed. The wording is
/// data; the fields are fixed because reports group by them.
public struct PlacementQuestion: Hashable, Sendable {
    public let field: PlacementField
    public let text: String
    public let isRequired: Bool
}

public enum PlacementField: String, CaseIterable, Hashable, Sendable, Codable {
    case profession
    case organisation
    case site
    case placementType = "placement-type"
    case specialty
    case trainingLevel = "training-level"

    /// Reports cannot place a response without these, so every questionnaire must require them.
    public var mustBeRequired: Bool {
        switch self {
        case .profession, .organisation, .placementType: true
        case .site, .specialty, .trainingLevel: false
        }
    }
}
