import EduQualityDomain
import Fluent
import Vapor

/// Counts and handling times for handlers and quality teams, with small counts suppressed,
/// drawn as SVG with the table beside it, and exported as CSV through the same suppression.
struct ConcernStatisticsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("concerns", "statistics", use: page)
        routes.get("concerns", "statistics.csv", use: csv)
    }

    struct Cell: Encodable { let text: String }
    struct Row: Encodable { let label: String; let cells: [Cell]; let total: String }
    struct PerformanceRow: Encodable { let group, concerns, acknowledge, resolve, escalation: String }
    struct StatisticsPage: Encodable {
        let layout: Layout
        let groupings, breakdowns: [SelectOption]
        let columns: [String]
        let rows: [Row]
        let totals: [Cell]
        let grandTotal: String
        let chart: String
        let performance: [PerformanceRow]
        let csvHref: String
        let threshold: Int
        let scope: String
    }

    private func parameters(_ req: Request) throws -> (ConcernStatisticsGrouping, ConcernStatisticsBreakdown) {
        let byRaw = req.query[String.self, at: "by"] ?? "organisation"
        let breakdownRaw = req.query[String.self, at: "breakdown"] ?? "category"
        guard let by = ConcernStatisticsGrouping(rawValue: byRaw) else {
            throw AppError.badRequest("by: use organisation, region or month")
        }
        guard let breakdown = ConcernStatisticsBreakdown(rawValue: breakdownRaw) else {
            throw AppError.badRequest("breakdown: use category, pathway or status")
        }
        return (by, breakdown)
    }

    /// The concerns whose statistics this person may see: their organisation's or region's
    /// placements, or all; never those sent to a guardian (even as counts).
    private func concerns(_ req: Request) async throws -> [Concern] {
        guard req.signedIn != nil else { throw AppError.unauthorised }
        guard req.actor.assignments.contains(where: { Authorization.permittedActions(for: $0.role).contains(.viewConcernStatistics) }) else {
            throw AppError.forbidden
        }
        let records = try await ConcernRecord.query(on: req.db).filter(\.$recipient != ConcernRecipient.guardian.rawValue).all()
            .filter {
                Authorization.isAllowed(req.actor, .viewConcernStatistics,
                                        .located(Location(region: $0.region, organisation: $0.organisation, site: $0.site)))
            }
        return try await req.concerns.restoreAll(records)
    }

    @Sendable func page(req: Request) async throws -> View {
        let (by, breakdown) = try parameters(req)
        let concerns = try await concerns(req)
        let threshold = req.config.disclosureThreshold
        let table = ConcernStatistics.counts(concerns, by: by, breakdown: breakdown, threshold: threshold)
        let columns = table.columnLabels.map { Self.label($0, breakdown) }
        let rows = table.rowLabels.enumerated().map { i, label in
            Row(label: label, cells: table.cells[i].map { Cell(text: Self.text($0)) }, total: Self.text(table.rowTotals[i]))
        }
        let chart = HorizontalBarChart.draw(
            title: "Concerns by \(by.rawValue)",
            bars: table.rowLabels.enumerated().map { i, label in (label, table.rowTotals[i].value.map(Double.init)) })
        let performance = ConcernStatistics.performance(concerns, by: by, threshold: threshold).map {
            PerformanceRow(group: $0.group, concerns: Self.text($0.concerns), acknowledge: $0.medianDaysToAcknowledge.description,
                           resolve: $0.medianDaysToResolve.description,
                           escalation: Self.percent($0.escalationRate))
        }
        let scope = req.actor.assignments.contains { $0.scope == .national } ? "All concerns" : "Concerns at placements you oversee"
        return try await req.view.render("concerns/statistics", StatisticsPage(
            layout: req.layout(title: "Concern statistics"),
            groupings: ConcernStatisticsGrouping.allCases.map { SelectOption(code: $0.rawValue, name: $0.rawValue.capitalized, selected: $0 == by) },
            breakdowns: ConcernStatisticsBreakdown.allCases.map { SelectOption(code: $0.rawValue, name: $0.rawValue.capitalized, selected: $0 == breakdown) },
            columns: columns, rows: rows, totals: table.columnTotals.map { Cell(text: Self.text($0)) },
            grandTotal: Self.text(table.grandTotal), chart: chart, performance: performance,
            csvHref: "/concerns/statistics.csv?by=\(by.rawValue)&breakdown=\(breakdown.rawValue)",
            threshold: threshold.value, scope: scope))
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let (by, breakdown) = try parameters(req)
        let table = ConcernStatistics.counts(try await concerns(req), by: by, breakdown: breakdown,
                                             threshold: req.config.disclosureThreshold)
        return .csvAttachment(table.csv(rowHeader: by.rawValue), filename: "concerns-by-\(by.rawValue)-\(breakdown.rawValue).csv")
    }

    static func text(_ c: PublishedCount) -> String { c.value.map(String.init) ?? "Suppressed" }

    static func percent(_ m: PublishedMeasure) -> String {
        if case .value(let v, _) = m { return "\(Int((v * 100).rounded()))%" }
        return m.description
    }

    static func label(_ code: String, _ breakdown: ConcernStatisticsBreakdown) -> String {
        switch breakdown {
        case .category: ConcernCategory(rawValue: code)?.displayName ?? code
        case .pathway: "Pathway \(code)"
        case .status: ConcernStatus(rawValue: code)?.displayName ?? code
        }
    }
}
