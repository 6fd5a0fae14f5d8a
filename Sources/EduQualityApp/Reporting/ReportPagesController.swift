import EduQualityDomain
import Fluent
import Vapor

/// The interactive reporting tool: public pages over the same suppressed figures as the API.
/// Filters and the chosen view live in the URL, so any view can be shared as a link and
/// exported as CSV through the same disclosure control.
struct ReportPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("reports")
        reports.get(use: tool)
        reports.get("export.csv", use: export)
        reports.get("professions", ":code", use: professionReport)
        reports.get("regions", ":code", use: regionReport)
    }

    enum View: String, CaseIterable {
        case grid, boxplots, items, trends, ranking
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

    static let groupings: [ReportDimension] = [.organisation, .site, .specialty, .region, .profession, .placementType, .level]
    static let filterDimensions: [ReportDimension] = [.profession, .region, .organisation, .site, .specialty, .placementType, .level]

    struct Link: Encodable { let label, href: String; let current: Bool }
    struct Filter: Encodable { let id, label: String; let options: [SelectOption] }
    struct Headline: Encodable { let name: String; let percentPositive: String; let mean: String; let n: String; let flag: String }
    struct Cell: Encodable { let flag: String; let text: String; let title: String }
    struct GridRow: Encodable { let label: String; let cells: [Cell] }
    struct RankRow: Encodable { let position: Int; let label: String; let mean, ci, n, percentPositive, flag: String }
    struct ItemRow: Encodable { let indicator, item, text, n, percentPositive, chart: String; let suppressed: Bool }
    struct Chart: Encodable { let svg: String }
    struct TrendRow: Encodable { let indicator, round, mean, ci, n, change: String }

    struct ToolPage: Encodable {
        let layout: Layout
        let rounds: [SelectOption]
        let filters: [Filter]
        let groupings: [SelectOption]
        let indicators: [SelectOption]
        let view: String
        let views: [Link]
        let headline: [Headline]
        let populationLabel: String
        let columns: [String]
        let grid: [GridRow]
        let ranking: [RankRow]
        let items: [ItemRow]
        let charts: [Chart]
        let trendRows: [TrendRow]
        let csvHref: String
        let threshold: Int
        let hasData: Bool
        let groupLabel: String
    }

    @Sendable func tool(req: Request) async throws -> Vapor.View {
        try req.authorize(.viewSurveyReports)
        let access = try req.reportAccess()
        let store = access.store
        var p = ReportParameters(req)
        let rounds = access.rounds
        p.round = try access.round(p.round)
        let view = View(rawValue: req.query[String.self, at: "view"] ?? "grid") ?? .grid
        if p.groupBy == nil { p.groupBy = ReportDimension.organisation.rawValue }
        let threshold = req.config.disclosureThreshold
        let names = try await ReportNames.load(req.db, engine: req.application.reportEngine)
        let groupBy = try ReportErrors.run { () throws(ReportQueryError) in try ReportDimension(apiValue: p.groupBy!) }
        let indicator = p.indicators?.first ?? store.scheme.themes.first?.code ?? ""

        // Headline: the filtered population as a whole.
        var national = p
        national.groupBy = ReportDimension.national.rawValue
        national.indicators = nil
        let headlineTable = try access.indicatorTable(try national.query(threshold: threshold))
        let headline = headlineTable.rows.map { r in
            Headline(name: names.indicator(r.indicator), percentPositive: r.percentPositive.map { "\(Int($0.rounded()))%" } ?? "Suppressed",
                     mean: r.mean.map(ReportCharts.fmt) ?? "–", n: r.n.map(String.init) ?? "fewer than \(threshold.value)",
                     flag: r.flag.rawValue)
        }

        var grid: [GridRow] = [], ranking: [RankRow] = [], items: [ItemRow] = [], charts: [Chart] = [], trendRows: [TrendRow] = []
        let columns = store.scheme.themes.map { names.indicator($0.code) }
        switch view {
        case .grid:
            let table = try access.indicatorTable(try p.query(threshold: threshold))
            let byGroup = Dictionary(grouping: table.rows, by: \.group)
            for group in Self.ordered(Array(byGroup.keys), groupBy, names) {
                let rows = byGroup[group]!
                grid.append(GridRow(label: names.name(group, groupBy), cells: store.scheme.themes.map { theme in
                    guard let r = rows.first(where: { $0.indicator == theme.code }) else {
                        return Cell(flag: "none", text: "", title: "No respondents")
                    }
                    return Self.cell(r, threshold: threshold)
                }))
            }
        case .ranking:
            var q = p
            q.indicators = [indicator]
            let table = try access.indicatorTable(try q.query(threshold: threshold))
            let published = table.rows.filter { $0.mean != nil }.sorted { $0.mean! > $1.mean! }
            ranking = published.enumerated().map { i, r in
                RankRow(position: i + 1, label: names.name(r.group, groupBy), mean: ReportCharts.fmt(r.mean!),
                        ci: "\(ReportCharts.fmt(r.ciLow ?? 0))–\(ReportCharts.fmt(r.ciHigh ?? 0))", n: String(r.n ?? 0),
                        percentPositive: r.percentPositive.map { "\(Int($0.rounded()))%" } ?? "", flag: r.flag.rawValue)
            } + table.rows.filter { $0.mean == nil }.map {
                RankRow(position: 0, label: names.name($0.group, groupBy), mean: "Suppressed", ci: "", n: "", percentPositive: "", flag: "suppressed")
            }
        case .boxplots:
            let table = try access.indicatorTable(try p.query(threshold: threshold))
            for theme in store.scheme.themes {
                let rows = table.rows.filter { $0.indicator == theme.code && $0.mean != nil }
                    .sorted { $0.mean! > $1.mean! }.prefix(40)
                guard !rows.isEmpty else { continue }
                charts.append(Chart(svg: ReportCharts.boxPlot(indicator: names.indicator(theme.code),
                                                              rows: rows.map { (names.name($0.group, groupBy), $0) })))
            }
        case .items:
            let table = try access.itemDistributions(try national.query(threshold: threshold))
            let scale = try await scaleLabels(req)
            items = table.rows.map { r in
                let counts = (r.rankCounts ?? [])
                return ItemRow(indicator: names.indicator(r.indicator), item: r.item,
                               text: req.application.reportEngine?.itemTexts[r.item] ?? r.item,
                               n: r.n.map(String.init) ?? "", percentPositive: r.percentPositive.map { "\(Int($0.rounded()))%" } ?? "",
                               chart: r.suppressed ? "" : ReportCharts.distribution(item: r.item, counts: counts, labels: scale[r.item] ?? []),
                               suppressed: r.suppressed)
            }
        case .trends:
            let trend = try trends(access, p, threshold: threshold, groupBy: .national)
            for series in trend.series {
                charts.append(Chart(svg: ReportCharts.trend(indicator: names.indicator(series.indicator), series: series)))
                for point in series.points {
                    trendRows.append(TrendRow(indicator: names.indicator(series.indicator), round: point.round,
                                              mean: point.mean.map(ReportCharts.fmt) ?? "Suppressed",
                                              ci: point.ciLow.map { "\(ReportCharts.fmt($0))–\(ReportCharts.fmt(point.ciHigh ?? $0))" } ?? "",
                                              n: point.n.map(String.init) ?? "",
                                              change: point.change.map { c in
                                                  "\(c.difference >= 0 ? "+" : "")\(ReportCharts.fmt(c.difference))" + (c.significant ? " (significant, p = \(String(format: "%.3f", c.p)))" : " (not significant)")
                                              } ?? ""))
                }
            }
        }

        let base = Self.query(p, view: view)
        let options = try await filterOptions(req, names: names, p: p)
        return try await req.view.render("reports/tool", ToolPage(
            layout: req.layout(title: "Survey results"),
            rounds: rounds.reversed().map { SelectOption(code: $0, name: $0, selected: $0 == p.round) },
            filters: options,
            groupings: Self.groupings.map { SelectOption(code: $0.rawValue, name: ReportNames.label($0), selected: $0 == groupBy) },
            indicators: store.scheme.themes.map { SelectOption(code: $0.code, name: names.indicator($0.code), selected: $0.code == indicator) },
            view: view.rawValue,
            views: View.allCases.map { Link(label: $0.label, href: "/reports?" + Self.query(p, view: $0), current: $0 == view) },
            headline: headline, populationLabel: Self.populationLabel(p, names: names),
            columns: columns, grid: grid, ranking: ranking, items: items, charts: charts, trendRows: trendRows,
            csvHref: "/reports/export.csv?" + base, threshold: threshold.value, hasData: !rounds.isEmpty,
            groupLabel: ReportNames.label(groupBy)))
    }

    static func cell(_ r: IndicatorRow, threshold: DisclosureThreshold) -> Cell {
        guard let mean = r.mean, let n = r.n else {
            return Cell(flag: "suppressed", text: "–", title: "Suppressed: too few respondents to publish")
        }
        return Cell(flag: r.flag.rawValue, text: ReportCharts.fmt(mean),
                    title: "Mean \(ReportCharts.fmt(mean)), n \(n), flag \(r.flag.rawValue)")
    }

    static func ordered(_ codes: [String], _ dimension: ReportDimension, _ names: ReportNames) -> [String] {
        codes.sorted { names.name($0, dimension).localizedStandardCompare(names.name($1, dimension)) == .orderedAscending }
    }

    static func query(_ p: ReportParameters, view: View) -> String {
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

    func trends(_ access: ReportAccess, _ p: ReportParameters, threshold: DisclosureThreshold,
                groupBy: ReportDimension) throws -> TrendTable {
        var filters: [ReportDimension: String] = [:]
        for (k, v) in p.filters { filters[try ReportErrors.run { () throws(ReportQueryError) in try ReportDimension(apiValue: k) }] = v }
        let query = TrendQuery(rounds: access.rounds, groupBy: groupBy, filters: filters, indicators: p.indicators,
                               threshold: threshold)
        return try access.trends(query)
    }

    private func filterOptions(_ req: Request, names: ReportNames, p: ReportParameters) async throws -> [Filter] {
        Self.filterDimensions.map { d in
            let options = (names.byDimension[d] ?? [:]).sorted { $0.value.localizedStandardCompare($1.value) == .orderedAscending }
                .map { SelectOption(code: $0.key, name: $0.value, selected: p.filters[d.rawValue] == $0.key) }
            return Filter(id: d.rawValue, label: ReportNames.label(d), options: options)
        }
    }

    /// Answer labels of each item, for the distribution charts' text alternatives.
    private func scaleLabels(_ req: Request) async throws -> [String: [String]] {
        guard let record = try await QuestionnaireRecord.query(on: req.db).sort(\.$code, .descending).first(),
              let q = try? Questionnaire.decode(json: Data(record.fileJSON.utf8)) else { return [:] }
        return Dictionary(uniqueKeysWithValues: q.items.map { ($0.code, $0.scale.labels) })
    }

    // MARK: Export

    @Sendable func export(req: Request) async throws -> Response {
        try req.authorize(.viewSurveyReports)
        let access = try req.reportAccess()
        let store = access.store
        var p = ReportParameters(req)
        p.round = try access.round(p.round)
        let view = View(rawValue: req.query[String.self, at: "view"] ?? "grid") ?? .grid
        let threshold = req.config.disclosureThreshold
        let names = try await ReportNames.load(req.db, engine: req.application.reportEngine)
        var text = ""
        func line(_ fields: [String]) { text += SpreadsheetCSV.line(fields) }
        func num(_ v: Double?) -> String { v.map { String($0) } ?? "" }
        switch view {
        case .grid, .ranking, .boxplots:
            let table = try access.indicatorTable(try p.query(threshold: threshold))
            line(["round", "group_by", "group", "group_name", "indicator", "flag", "n", "mean", "sd", "ci_low", "ci_high",
                  "percent_positive", "benchmark_n", "benchmark_mean", "benchmark_q1", "benchmark_q3", "benchmark_ci_low", "benchmark_ci_high"])
            for r in table.rows {
                let b = r.benchmark
                line([table.round, table.groupBy.rawValue, r.group, names.name(r.group, table.groupBy), r.indicator, r.flag.rawValue,
                      r.n.map(String.init) ?? "", num(r.mean), num(r.sd), num(r.ciLow), num(r.ciHigh), num(r.percentPositive),
                      b.map { String($0.n) } ?? "", num(b?.mean), num(b?.q1), num(b?.q3), num(b?.ciLow), num(b?.ciHigh)])
            }
        case .items:
            let table = try access.itemDistributions(try p.query(threshold: threshold))
            let width = table.rows.compactMap { $0.rankCounts?.count }.max() ?? 5
            line(["round", "group_by", "group", "indicator", "item", "n"] + (1...width).map { "rank_\($0)" } + ["not_applicable", "percent_positive"])
            for r in table.rows {
                let counts = (r.rankCounts ?? []).map(String.init)
                line([table.round, table.groupBy.rawValue, r.group, r.indicator, r.item, r.n.map(String.init) ?? ""]
                     + counts + Array(repeating: "", count: width - counts.count) + [r.notApplicable.map(String.init) ?? "", num(r.percentPositive)])
            }
        case .trends:
            let groupBy = try ReportErrors.run { () throws(ReportQueryError) in try ReportDimension(apiValue: p.groupBy ?? "national") }
            let table = try trends(access, p, threshold: threshold, groupBy: groupBy)
            line(["group_by", "group", "indicator", "round", "flag", "n", "mean", "ci_low", "ci_high", "change", "p", "significant"])
            for s in table.series {
                for pt in s.points {
                    line([table.groupBy.rawValue, s.group, s.indicator, pt.round, pt.flag.rawValue, pt.n.map(String.init) ?? "",
                          num(pt.mean), num(pt.ciLow), num(pt.ciHigh), num(pt.change?.difference), num(pt.change?.p),
                          pt.change.map { String($0.significant) } ?? ""])
                }
            }
        }
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "survey-\(view.rawValue)-\(p.round ?? "all").csv")
        return response
    }

    // MARK: Professional and regional reports

    struct PrintReport: Encodable {
        let layout: Layout
        let subject: String
        let kind: String
        let round: String
        let headline: [Headline]
        let columns: [String]
        let grid: [GridRow]
        let groupLabel: String
        let trends: [Chart]
        let toolHref: String
        let threshold: Int
    }

    @Sendable func professionReport(req: Request) async throws -> Vapor.View {
        try await printable(req, dimension: .profession, groupBy: .region)
    }

    @Sendable func regionReport(req: Request) async throws -> Vapor.View {
        try await printable(req, dimension: .region, groupBy: .organisation)
    }

    /// One page per profession (by region) or per region (by organisation): headline figures,
    /// flags and trends, made to print.
    private func printable(_ req: Request, dimension: ReportDimension, groupBy: ReportDimension) async throws -> Vapor.View {
        try req.authorize(.viewSurveyReports)
        let access = try req.reportAccess()
        let store = access.store
        let code = req.parameters.get("code") ?? ""
        let names = try await ReportNames.load(req.db, engine: req.application.reportEngine)
        guard names.byDimension[dimension]?[code] != nil else {
            throw AppError.notFound("There is no \(ReportNames.label(dimension).lowercased()) with the code \(code)")
        }
        guard let round = try access.round(req.query[String.self, at: "round"]) else {
            throw AppError.notFound("There are no published survey results yet")
        }
        let threshold = req.config.disclosureThreshold
        var p = ReportParameters(req)
        p.round = round
        p.filters = [dimension.rawValue: code]
        p.groupBy = ReportDimension.national.rawValue
        let headline = try access.indicatorTable(try p.query(threshold: threshold)).rows.map { r in
            Headline(name: names.indicator(r.indicator), percentPositive: r.percentPositive.map { "\(Int($0.rounded()))%" } ?? "Suppressed",
                     mean: r.mean.map(ReportCharts.fmt) ?? "–", n: r.n.map(String.init) ?? "", flag: r.flag.rawValue)
        }
        p.groupBy = groupBy.rawValue
        let table = try access.indicatorTable(try p.query(threshold: threshold))
        let byGroup = Dictionary(grouping: table.rows, by: \.group)
        let grid = Self.ordered(Array(byGroup.keys), groupBy, names).map { g in
            GridRow(label: names.name(g, groupBy), cells: store.scheme.themes.map { t in
                byGroup[g]!.first { $0.indicator == t.code }.map { Self.cell($0, threshold: threshold) }
                    ?? Cell(flag: "none", text: "", title: "No respondents")
            })
        }
        let trend = try trends(access, p, threshold: threshold, groupBy: .national)
        let subject = names.name(code, dimension)
        var toolParams = p
        toolParams.groupBy = groupBy.rawValue
        return try await req.view.render("reports/print", PrintReport(
            layout: req.layout(title: "\(subject): survey report \(round)"), subject: subject,
            kind: dimension == .profession ? "Professional report" : "Regional report", round: round, headline: headline,
            columns: store.scheme.themes.map { names.indicator($0.code) }, grid: grid, groupLabel: ReportNames.label(groupBy),
            trends: trend.series.map { Chart(svg: ReportCharts.trend(indicator: names.indicator($0.indicator), series: $0)) },
            toolHref: "/reports?" + Self.query(toolParams, view: .grid), threshold: threshold.value))
    }
}
