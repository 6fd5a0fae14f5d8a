import Fluent
import Foundation

/// A code from one of the service's controlled vocabularies: professions (learner groups),
/// specialties, placement types, training levels, GMC survey indicators.
final class Term: Model, @unchecked Sendable {
    static let schema = "terms"
    @ID(key: .id) var id: UUID?
    @Field(key: "vocabulary") var vocabulary: String
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int

    init() {}
    init(vocabulary: Vocabulary, code: String, name: String, position: Int) {
        self.vocabulary = vocabulary.rawValue
        self.code = code
        self.name = name
        self.position = position
    }
}

enum Vocabulary: String, CaseIterable, Codable, Sendable {
    case profession, specialty
    case placementType = "placement-type"
    case trainingLevel = "training-level"
    /// The GMC national training survey's indicators (`Seed/reference/gmc-indicators.json`).
    case gmcIndicator = "gmc-indicator"

    var seedFile: String {
        switch self {
        case .profession: "professions.json"
        case .specialty: "specialties.json"
        case .placementType: "placement-types.json"
        case .trainingLevel: "training-levels.json"
        case .gmcIndicator: "gmc-indicators.json"
        }
    }

    var title: String {
        switch self {
        case .profession: "Professions and learner groups"
        case .specialty: "Specialties"
        case .placementType: "Placement types"
        case .trainingLevel: "Training levels"
        case .gmcIndicator: "GMC national training survey indicators"
        }
    }
}
