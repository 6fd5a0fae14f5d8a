import EduQualityDomain
import Vapor

/// The register as CSV: the filtered entries the visitor may read, one row each.
/// Columns: `reference, region, organisation, site, specialty, professions, title, standards,
/// framework_version, likelihood, impact, score, band, status, review_due, review_overdue, owner,
/// open_actions, overdue_actions, sources, opened_on`.
enum RegisterExport {
    static let columns = ["reference", "region", "organisation", "site", "specialty", "professions", "title", "standards",
                          "framework_version", "likelihood", "impact", "score", "band", "status", "review_due",
                          "review_overdue", "owner", "open_actions", "overdue_actions", "sources", "opened_on"]

    static func csv(_ entries: [RegisterEntry], bands: RiskBands, owners: [String: String], today: CalendarDay) -> String {
        var out = SpreadsheetCSV.line(columns)
        for e in entries {
            out += SpreadsheetCSV.line([
                e.reference, e.region, e.organisation, e.site ?? "", e.specialty ?? "", e.professions.joined(separator: ";"),
                e.title, e.standards.joined(separator: ";"), String(e.frameworkVersion), String(e.risk.likelihood),
                String(e.risk.impact), String(e.risk.score), bands.band(for: e.risk).code, e.status.rawValue, e.reviewDue.iso,
                e.isReviewOverdue(on: today) ? "yes" : "no", owners[e.owner] ?? "",
                String(e.actions.filter { $0.completedOn == nil }.count), String(e.overdueActions(on: today).count),
                e.sources.map { "\($0.kind.rawValue):\($0.reference)" }.joined(separator: ";"), e.openedOn.iso,
            ])
        }
        return out
    }

    static func response(_ entries: [RegisterEntry], _ req: Request) async throws -> Response {
        let body = csv(entries, bands: req.riskBands, owners: try await RegisterOwners.names(on: req.db), today: .today())
        return .csvAttachment(body, filename: "quality-register-\(CalendarDay.today().iso).csv")
    }
}
