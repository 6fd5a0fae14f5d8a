import EduQualityDomain
import Vapor

/// The staff list of reviews the visitor may read (the quality team by scope, a panel member
/// their panels', a provider its own), filtered, one page at a time.
struct ReviewListPage: Encodable {
    struct Row: Encodable {
        let reference, href, type, organisation, plannedOn, status, reportStage: String
        let openRequirements, overdueRequirements: Int
    }

    let layout: Layout
    let regions, organisations, statuses, types: [SelectOption]
    let filtered: Bool
    let mayPlan: Bool
    let page: Page<Row>

    static func build(_ req: Request, filter: ReviewFilter, matching: [Review], visible: [Review],
                      requirements: [String: [Requirement]], pageNumber: Int) async throws -> ReviewListPage {
        let names = try await ReportNames.load(req.db, engine: nil)
        let types = req.reviewSettings.types
        let today = CalendarDay.today()
        func options(_ codes: some Sequence<String>, _ dimension: ReportDimension, selected: String?) -> [SelectOption] {
            Set(codes).map { SelectOption(code: $0, name: names.name($0, dimension), selected: $0 == selected) }.sorted { $0.name < $1.name }
        }
        let rows = matching[Pagination.range(pageNumber).clamped(to: matching.indices)].map { r in
            let found = requirements[r.reference] ?? []
            return Row(reference: r.reference, href: "/quality/reviews/\(r.reference)", type: types.named(r.type)?.name ?? r.type,
                       organisation: names.name(r.organisation, .organisation), plannedOn: r.plannedOn.longDescription,
                       status: r.status.displayName, reportStage: r.report.stage.displayName,
                       openRequirements: found.filter(\.status.isLive).count, overdueRequirements: found.filter { $0.isOverdue(on: today) }.count)
        }
        return ReviewListPage(
            layout: req.layout(title: "Reviews"),
            regions: options(visible.map(\.region), .region, selected: filter.region),
            organisations: options(visible.map(\.organisation), .organisation, selected: filter.organisation),
            statuses: ReviewStatus.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == filter.status) },
            types: types.all.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == filter.type) },
            filtered: filter.isActive, mayPlan: req.holdsPermission(.manageReviews),
            page: req.page(Array(rows), number: pageNumber, total: matching.count))
    }
}
