import EduQualityDomain
import Vapor

/// The interactive reporting tool: public pages over the same suppressed figures as the API.
/// Filters and the chosen view live in the URL, so any view can be shared as a link and
/// exported as CSV through the same disclosure control. The page models are beside it
/// (`ReportToolPage` and one file per view, `PrintReportPage`, `ReportExport`).
struct ReportPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("reports")
        reports.get(use: tool)
        reports.get("export.csv", use: export)
        reports.get("professions", ":code", use: professionReport)
        reports.get("regions", ":code", use: regionReport)
    }

    @Sendable func tool(req: Request) async throws -> View {
        let page = try await ReportToolPage.build(req, try await ReportContext.load(req))
        return try await req.view.render("reports/tool", page)
    }

    @Sendable func export(req: Request) async throws -> Response {
        try ReportExport.response(req, try await ReportContext.load(req))
    }

    @Sendable func professionReport(req: Request) async throws -> View {
        try await printable(req, dimension: .profession, groupBy: .region)
    }

    @Sendable func regionReport(req: Request) async throws -> View {
        try await printable(req, dimension: .region, groupBy: .organisation)
    }

    private func printable(_ req: Request, dimension: ReportDimension, groupBy: ReportDimension) async throws -> View {
        let page = try PrintReportPage.build(req, try await ReportContext.load(req), dimension: dimension, groupBy: groupBy)
        return try await req.view.render("reports/print", page)
    }
}
