import EduQualityDomain
import Fluent

/// Names for the codes a concern carries, from the reference data, so handlers' pages say
/// "Thamesbank General Hospital, Thamesbank University Hospitals NHS Foundation Trust", never
/// "organisation:T001/site:T001-01". The API and the audit log keep the codes.
struct ConcernPlaceNames: Sendable {
    var organisations: [String: String] = [:]
    var sites: [String: String] = [:]
    var regions: [String: String] = [:]

    static func load(_ db: any Database) async throws -> ConcernPlaceNames {
        ConcernPlaceNames(
            organisations: Dictionary(try await Organisation.query(on: db).all().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
            sites: Dictionary(try await Site.query(on: db).all().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
            regions: try await RegionNames.load(db))
    }

    func organisation(_ code: String) -> String { organisations[code] ?? code }
    func site(_ code: String) -> String { sites[code] ?? code }
    func region(_ code: String) -> String { regions[code] ?? code }

    /// The team a handling body stands for, as handlers read it.
    func team(_ body: HandlingBody) -> String {
        switch body {
        case .organisation(let code, site: nil): organisation(code)
        case .organisation(let code, site: let siteCode?): "\(site(siteCode)), \(organisation(code))"
        case .guardian(let code): "the Freedom to Speak Up guardians of \(organisation(code))"
        case .region(let code): ConcernRerouting.teamName(regionName: region(code))
        }
    }
}
