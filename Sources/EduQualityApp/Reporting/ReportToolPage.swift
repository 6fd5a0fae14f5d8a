import EduQualityDomain
import Vapor

/// The views of the reporting tool, chosen by `view=` in the URL.
enum ReportToolView: String, CaseIterable {
    case grid, boxplots, items, trends, ranking

    init(_ req: Request) { self = Self(rawValue: req.query[String.self, at: "view"] ?? "grid") ?? .grid }

    var label: String {
        switch self {
        case .grid: "Flag grid"
        case .boxplots: "Compared with the benchmark"
        case .items: "Answers to each question"
        case .trends: "Trends"
        case .ranking: "Ranked table"
        }
    }
}

/// The reporting tool's page (`reports/tool.leaf`): the filters, the headline for the filtered
/// population, and the one chosen view; the other views' lists stay empty.
struct ReportToolPage: Encodable {
    struct Link: Encodable { let label, href: String; let current: Bool }
    struct Filter: Encodable { let id, label: String; let options: [SelectOption] }

    static let groupings: [ReportDimension] = [.organisation, .site, .specialty, .region, .profession, .placementType, .level]
    static let filterDimensions: [ReportDimension] = [.profession, .region, .organisation, .site, .specialty, .placementType, .level]

    let layout: Layout
    let rounds: [SelectOption]
    let filters: [Filter]
    let groupings: [SelectOption]
    let indicators: [SelectOption]
    let view: String
    let views: [Link]
    let headline: [ReportHeadline]
    let populationLabel: String
    let columns: [String]
    var grid: [FlagGridView.Row] = []
    var ranking: [RankingView.Row] = []
    var items: [ItemsView.Row] = []
    var charts: [ChartMarkup] = []
    var trendRows: [TrendsView.Row] = []
    let csvHref: String
    let threshold: Int
    let hasData: Bool
    let groupLabel: String
    let legend = FlagPalette.legend

    static func build(_ req: Request, _ c: ReportContext) async throws -> ReportToolPage {
        var p = ReportParameters(req)
        p.round = try c.access.round(p.round)
        let view = ReportToolView(req)
        if p.groupBy == nil { p.groupBy = ReportDimension.organisation.rawValue }
        let groupBy = try ReportParameters.dimension(p.groupBy!)
        let indicator = p.indicators?.first ?? c.themes.first?.code ?? ""
        // The headline and the answers to each question are about the filtered population as a whole.
        var national = p
        national.groupBy = ReportDimension.national.rawValue
        national.indicators = nil
        var page = ReportToolPage(
            layout: req.layout(title: "Survey results"),
            rounds: c.access.rounds.reversed().map { SelectOption(code: $0, name: $0, selected: $0 == p.round) },
            filters: filters(c.names, p),
            groupings: groupings.map { SelectOption(code: $0.rawValue, name: ReportNames.label($0), selected: $0 == groupBy) },
            indicators: c.themes.map { SelectOption(code: $0.code, name: c.names.indicator($0.code), selected: $0.code == indicator) },
            view: view.rawValue,
            views: ReportToolView.allCases.map { Link(label: $0.label, href: "/reports?" + query(p, view: $0), current: $0 == view) },
            headline: ReportHeadline.rows(try c.indicatorTable(national), names: c.names),
            populationLabel: populationLabel(p, names: c.names), columns: c.columns,
            csvHref: "/reports/export.csv?" + query(p, view: view), threshold: c.threshold.value,
            hasData: !c.access.rounds.isEmpty, groupLabel: ReportNames.label(groupBy))
        switch view {
        case .grid:
            page.grid = FlagGridView.rows(try c.indicatorTable(p), groupBy: groupBy, c,
                                          mayOpenEntry: try await RegisterOpening.rule(for: groupBy, req))
        case .ranking:
            var one = p
            one.indicators = [indicator]
            page.ranking = RankingView.rows(try c.indicatorTable(one), groupBy: groupBy, names: c.names)
        case .boxplots:
            page.charts = BoxPlotsView.charts(try c.indicatorTable(p), groupBy: groupBy, c)
        case .items:
            let table = try c.itemDistributions(national)
            page.items = ItemsView.rows(table, names: c.names, itemTexts: req.application.reportEngine?.itemTexts ?? [:],
                                        scale: try await ItemsView.scaleLabels(req.db))
        case .trends:
            let table = try c.trends(p, groupBy: .national)
            page.charts = TrendsView.charts(table, names: c.names)
            page.trendRows = TrendsView.rows(table, names: c.names)
        }
        return page
    }

    /// The URL query of a view of these parameters: links and exports ask the same question.
    static func query(_ p: ReportParameters, view: ReportToolView) -> String {
        var items = [URLQueryItem(name: "view", value: view.rawValue)]
        if let r = p.round { items.append(.init(name: "round", value: r)) }
        if let g = p.groupBy { items.append(.init(name: "groupBy", value: g)) }
        for i in p.indicators ?? [] { items.append(.init(name: "indicator", value: i)) }
        for (k, v) in p.filters.sorted(by: { $0.key < $1.key }) { items.append(.init(name: k, value: v)) }
        var c = URLComponents()
        c.queryItems = items
        return c.percentEncodedQuery ?? ""
    }

    static func populationLabel(_ p: ReportParameters, names: ReportNames) -> String {
        let parts = p.filters.sorted { $0.key < $1.key }.compactMap { k, v -> String? in
            guard let d = ReportDimension(rawValue: k) else { return nil }
            return "\(ReportNames.label(d)): \(names.name(v, d))"
        }
        return parts.isEmpty ? "All learners in England" : parts.joined(separator: ", ")
    }

    private static func filters(_ names: ReportNames, _ p: ReportParameters) -> [Filter] {
        filterDimensions.map { d in
            let options = (names.byDimension[d] ?? [:]).sorted { $0.value.localizedStandardCompare($1.value) == .orderedAscending }
                .map { SelectOption(code: $0.key, name: $0.value, selected: p.filters[d.rawValue] == $0.key) }
            return Filter(id: d.rawValue, label: ReportNames.label(d), options: options)
        }
    }
}
