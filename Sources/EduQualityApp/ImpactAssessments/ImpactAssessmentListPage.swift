import EduQualityDomain
import Vapor

/// The list of impact assessments the visitor may read, filtered by status, provider and region,
/// one page at a time, and the same list as CSV.
struct ImpactAssessmentListPage: Encodable {
    struct Row: Encodable { let reference, href, provider, service, proposedStart, status, overall, decision: String; let openConditions: Int }

    let layout: Layout
    let regions, providers, statuses: [SelectOption]
    let filtered, mayDraft: Bool
    let csvHref: String
    let page: Page<Row>

    static func build(_ req: Request, filter: ImpactAssessmentFilter, matching: [ImpactAssessment], visible: [ImpactAssessment],
                      pageNumber: Int) async throws -> ImpactAssessmentListPage {
        let names = try await ReportNames.load(req.db, engine: nil)
        let form = try await ImpactAssessmentFormStore.current(on: req.db)
        func options(_ codes: some Sequence<String>, _ dimension: ReportDimension, selected: String?) -> [SelectOption] {
            Set(codes).map { SelectOption(code: $0, name: names.name($0, dimension), selected: $0 == selected) }.sorted { $0.name < $1.name }
        }
        let rows = matching[Pagination.range(pageNumber).clamped(to: matching.indices)].map { a in
            Row(reference: a.reference, href: "/quality/impact-assessments/\(a.reference)", provider: names.name(a.provider, .organisation),
                service: a.service, proposedStart: a.proposedStart.longDescription, status: a.status.displayName,
                overall: a.overallRating.map { form.level($0)?.name ?? $0 } ?? "Not given", decision: a.decision?.outcome.displayName ?? "",
                openConditions: a.openConditions.count)
        }
        let query = req.url.query.map { "?" + $0 } ?? ""
        return ImpactAssessmentListPage(
            layout: req.layout(title: "Impact assessments"),
            regions: options(visible.map(\.region), .region, selected: filter.region),
            providers: options(visible.map(\.provider), .organisation, selected: filter.provider),
            statuses: ImpactAssessmentStatus.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == filter.status) },
            filtered: filter.isActive, mayDraft: req.holdsPermission(.submitImpactAssessment),
            csvHref: "/quality/impact-assessments.csv" + query,
            page: req.page(Array(rows), number: pageNumber, total: matching.count))
    }

    static let columns = ["reference", "status", "region", "provider", "commissioner", "service", "proposed_start", "proposed_end",
                          "learners", "overall_rating", "decision", "conditions", "open_conditions", "register_entry", "submitted_on"]

    static func csv(_ assessments: [ImpactAssessment]) -> String {
        var out = SpreadsheetCSV.line(columns)
        for a in assessments {
            out += SpreadsheetCSV.line([
                a.reference, a.status.rawValue, a.region, a.provider, a.commissioner, a.service, a.proposedStart.iso, a.proposedEnd?.iso ?? "",
                String(a.totalLearners), a.overallRating ?? "", a.decision?.outcome.rawValue ?? "", String(a.decision?.conditions.count ?? 0),
                String(a.openConditions.count), a.registerEntry ?? "", a.submittedOn?.iso ?? "",
            ])
        }
        return out
    }
}
