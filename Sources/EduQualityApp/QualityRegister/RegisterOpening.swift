import EduQualityDomain
import Fluent
import Vapor

/// Whether a visitor may open a register entry about a group of the reporting tool (its flag
/// cells then link to a new entry with the cell as source): where the group is a place, only a
/// place they may write about; otherwise anyone who writes to the register somewhere.
enum RegisterOpening {
    static func rule(for dimension: ReportDimension, _ req: Request) async throws -> ((String) -> Bool)? {
        guard req.holdsPermission(.editQualityRegister) else { return nil }
        let actor = req.actor
        func may(_ location: Location) -> Bool { Authorization.isAllowed(actor, .editQualityRegister, .located(location)) }
        switch dimension {
        case .region:
            return { may(Location(region: $0)) }
        case .organisation:
            let regions = try await Organisation.regionsByCode(on: req.db)
            return { code in regions[code].map { may(Location(region: $0, organisation: code)) } ?? false }
        case .site:
            let regions = try await Organisation.regionsByCode(on: req.db)
            let organisations = Dictionary(try await Site.query(on: req.db).all().map { ($0.code, $0.organisationCode) }) { a, _ in a }
            return { code in
                guard let organisation = organisations[code], let region = regions[organisation] else { return false }
                return may(Location(region: region, organisation: organisation, site: code))
            }
        default:
            return { _ in true }
        }
    }
}
