import EduQualityDomain
import Fluent

/// Display names for the codes of every report dimension, from the reference data.
struct ReportNames: Sendable {
    let byDimension: [ReportDimension: [String: String]]
    let indicatorNames: [String: String]

    static func load(_ db: any Database, engine: ReportEngine?) async throws -> ReportNames {
        var names: [ReportDimension: [String: String]] = [:]
        names[.national] = [ReportDimension.nationalCode: "England"]
        names[.region] = Dictionary(uniqueKeysWithValues: try await Region.query(on: db).all().map { ($0.code, $0.name) })
        names[.organisation] = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: db).all().map { ($0.code, $0.name) })
        names[.site] = Dictionary(uniqueKeysWithValues: try await Site.query(on: db).all().map { ($0.code, $0.name) })
        for term in try await Term.query(on: db).all() {
            let dimension: ReportDimension? = switch Vocabulary(rawValue: term.vocabulary) {
            case .profession: .profession
            case .specialty: .specialty
            case .placementType: .placementType
            case .trainingLevel: .level
            case .gmcIndicator, nil: nil
            }
            if let dimension { names[dimension, default: [:]][term.code] = term.name }
        }
        return ReportNames(byDimension: names, indicatorNames: engine?.themeNames ?? [:])
    }

    func name(_ code: String, _ dimension: ReportDimension) -> String { byDimension[dimension]?[code] ?? code }
    func indicator(_ code: String) -> String { indicatorNames[code] ?? code }

    static func label(_ dimension: ReportDimension) -> String {
        switch dimension {
        case .national: "England"
        case .region: "Region"
        case .organisation: "Organisation"
        case .site: "Site"
        case .profession: "Profession"
        case .specialty: "Specialty"
        case .placementType: "Placement type"
        case .level: "Training level"
        }
    }
}
