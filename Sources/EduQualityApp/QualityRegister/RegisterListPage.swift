import EduQualityDomain
import Vapor

/// The register's list page: filters, the risk matrix of what they match, and one page of entries.
struct RegisterListPage: Encodable {
    struct Row: Encodable {
        let reference, href, organisation, title, band, bandCode, status, reviewDue, owner: String
        let score: Int
        let reviewOverdue: Bool
        let overdueActions: Int
    }

    let layout: Layout
    let regions, organisations, statuses, bands, standards, professions: [SelectOption]
    let q: String
    let reviewOverdue: Bool
    let cell: String?
    let filtered: Bool
    let matrix: ChartMarkup
    let csvHref: String
    let mayOpen: Bool
    let page: Page<Row>

    static func build(_ req: Request, filter: RegisterFilter, matching: [RegisterEntry], visible: [RegisterEntry],
                      pageNumber: Int) async throws -> RegisterListPage {
        let bands = req.riskBands
        let today = CalendarDay.today()
        let names = try await ReportNames.load(req.db, engine: nil)
        let owners = try await RegisterOwners.names(on: req.db)
        let framework = try await QualityFrameworkStore.current(on: req.db)
        func options(_ codes: some Sequence<String>, _ dimension: ReportDimension, selected: String?) -> [SelectOption] {
            Set(codes).map { SelectOption(code: $0, name: names.name($0, dimension), selected: $0 == selected) }
                .sorted { $0.name < $1.name }
        }
        let rows = matching[Pagination.range(pageNumber).clamped(to: matching.indices)].map { e in
            let band = bands.band(for: e.risk)
            return Row(reference: e.reference, href: "/register/\(e.reference)", organisation: names.name(e.organisation, .organisation),
                       title: e.title, band: band.name, bandCode: band.code, status: e.status.displayName,
                       reviewDue: e.reviewDue.longDescription, owner: owners[e.owner] ?? "Unknown", score: e.risk.score,
                       reviewOverdue: e.isReviewOverdue(on: today), overdueActions: e.overdueActions(on: today).count)
        }
        var withoutCell = filter
        withoutCell.likelihood = nil
        withoutCell.impact = nil
        let matrix = RiskMatrixChart.draw(RiskMatrix(matching), bands: bands) { l, i in
            "/register" + withoutCell.cell(likelihood: l, impact: i).queryString
        }
        return RegisterListPage(
            layout: req.layout(title: "Quality register"),
            regions: options(visible.map(\.region), .region, selected: filter.region),
            organisations: options(visible.map(\.organisation), .organisation, selected: filter.organisation),
            statuses: RegisterEntryStatus.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0 == filter.status) },
            bands: bands.bands.map { SelectOption(code: $0.code, name: "\($0.name) (\($0.lowest)–\($0.highest))", selected: $0.code == filter.band) },
            standards: framework.domains.flatMap { d in d.standards.map {
                SelectOption(code: $0.code, name: "\($0.code) \(String($0.text.prefix(70)))…", selected: $0.code == filter.standard)
            } },
            professions: options(visible.flatMap(\.professions), .profession, selected: filter.profession),
            q: filter.text ?? "", reviewOverdue: filter.reviewOverdue,
            cell: filter.likelihood.flatMap { l in filter.impact.map { "likelihood \(l) × impact \($0)" } },
            filtered: filter.isActive, matrix: ChartMarkup(svg: matrix),
            csvHref: "/register.csv" + filter.queryString, mayOpen: req.holdsPermission(.editQualityRegister),
            page: req.page(rows, number: pageNumber, total: matching.count))
    }
}
