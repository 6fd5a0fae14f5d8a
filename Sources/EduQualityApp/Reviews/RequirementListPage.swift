import EduQualityDomain
import Vapor

/// Requirements the visitor may read, filtered, with the overview of overdue ones by provider
/// (a regional team's view of what has slipped) and one page of the list.
struct RequirementListPage: Encodable {
    struct OverdueRow: Encodable { let organisation, href: String; let overdue, immediate: Int }

    let layout: Layout
    let regions, organisations, statuses, kinds: [SelectOption]
    let overdueOnly: Bool
    let filtered: Bool
    let overview: [OverdueRow]
    let overdueTotal: Int
    let csvHref: String
    let page: Page<RequirementRows.Row>
    /// This page's rows, for the shared requirements table, which names each one's provider here.
    let requirements: [RequirementRows.Row]
    let showProvider = true

    static func build(_ req: Request, filter: RequirementFilter, matching: [Requirement], visible: [Requirement],
                      pageNumber: Int) async throws -> RequirementListPage {
        let today = CalendarDay.today()
        let names = try await ReportNames.load(req.db, engine: nil)
        func options(_ codes: some Sequence<String>, _ dimension: ReportDimension, selected: String?) -> [SelectOption] {
            Set(codes).map { SelectOption(code: $0, name: names.name($0, dimension), selected: $0 == selected) }.sorted { $0.name < $1.name }
        }
        let overdue = visible.filter { $0.isOverdue(on: today) }
        let overview = Dictionary(grouping: overdue, by: \.organisation).map { code, items in
            OverdueRow(organisation: names.name(code, .organisation),
                       href: "/quality/requirements?organisation=\(code)&overdue=true",
                       overdue: items.count, immediate: items.filter { $0.kind == .immediateMandatory }.count)
        }.sorted { ($0.immediate, $0.overdue, $1.organisation) > ($1.immediate, $1.overdue, $0.organisation) }
        let slice = Array(matching[Pagination.range(pageNumber).clamped(to: matching.indices)])
        let rows = RequirementRows.rows(slice, rule: req.reviewSettings.rules.rag, today: today, names: names)
        return RequirementListPage(
            layout: req.layout(title: "Review requirements"),
            regions: options(visible.map(\.region), .region, selected: filter.region),
            organisations: options(visible.map(\.organisation), .organisation, selected: filter.organisation),
            statuses: [SelectOption(code: "live", name: "Still to act on", selected: filter.status == "live")]
                + RequirementStatus.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0.rawValue == filter.status) },
            kinds: RequirementKind.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == filter.kind) },
            overdueOnly: filter.overdue == true, filtered: filter.isActive, overview: overview, overdueTotal: overdue.count,
            csvHref: "/quality/requirements.csv" + (req.url.query.map { "?" + $0 } ?? ""),
            page: req.page(rows, number: pageNumber, total: matching.count), requirements: rows)
    }
}

/// Requirements as CSV, the filtered ones the visitor may read. Columns: `reference, review,
/// region, organisation, kind, text, standards, owner, due, rag, rag_reason, status, overdue,
/// updates, register_entry, raised_on`.
enum RequirementExport {
    static let columns = ["reference", "review", "region", "organisation", "kind", "text", "standards", "owner", "due", "rag",
                          "rag_reason", "status", "overdue", "updates", "register_entry", "raised_on"]

    static func csv(_ requirements: [Requirement], rule: RAGRule, today: CalendarDay) -> String {
        var out = SpreadsheetCSV.line(columns)
        for r in requirements {
            let rag = r.rag(rule, on: today)
            out += SpreadsheetCSV.line([
                r.reference, r.review, r.region, r.organisation, r.kind.rawValue, r.text, r.standards.joined(separator: ";"),
                r.owner ?? "", r.due?.iso ?? "", rag?.rag.rawValue ?? "", rag?.reason ?? "", r.status.rawValue,
                r.isOverdue(on: today) ? "yes" : "no", String(r.updates.count), r.registerEntry ?? "", r.raisedOn.iso,
            ])
        }
        return out
    }

    static func response(_ requirements: [Requirement], _ req: Request) -> Response {
        .csvAttachment(csv(requirements, rule: req.reviewSettings.rules.rag, today: .today()),
                       filename: "review-requirements-\(CalendarDay.today().iso).csv")
    }
}
