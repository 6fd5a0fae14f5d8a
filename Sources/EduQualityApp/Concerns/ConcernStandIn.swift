import EduQualityDomain
import Fluent

extension ConcernStaffing {
    /// Who handles which queue now: the role assignments of every active account. The domain's
    /// `ConcernRouting` decides from this where a new or escalated case actually goes.
    static func current(on db: any Database) async throws -> ConcernStaffing {
        let grants = try await RoleGrant.query(on: db).with(\.$user).all()
        return ConcernStaffing(handlerAssignments: grants.compactMap { $0.user.isActive ? $0.assignment : nil })
    }
}

/// Region names by code, for naming the regional quality team that stands in for a body.
enum RegionNames {
    static func load(_ db: any Database) async throws -> [String: String] {
        Dictionary(try await Region.query(on: db).all().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Who handles a concern now, as the learner is told on the receipt, the follow-up page and in the
/// API: the pathway's body in general terms, or the regional team standing in for it, and why.
struct ConcernHandledBy: Codable, Sendable {
    let team: String
    let reason: String?
    /// One sentence for the pages, e.g. "The London regional quality team will handle your concern,
    /// because the organisation has no one to handle concerns here yet."
    let sentence: String

    init(_ view: ConcernReporterView, regionNames: [String: String]) {
        if let standIn = view.standIn {
            team = ConcernRerouting.teamName(regionName: regionNames[standIn.region] ?? standIn.region)
            reason = standIn.explanation
        } else {
            team = switch view.pathway {
            case .placementProvider: "your placement provider"
            case .educationProvider: "your education provider or school"
            case .regionalQualityTeam: "the regional quality team"
            }
            reason = nil
        }
        let who = team.prefix(1).uppercased() + team.dropFirst()
        sentence = reason.map { "\(who) will handle your concern, because \($0)." } ?? "\(who) will handle your concern."
    }
}
