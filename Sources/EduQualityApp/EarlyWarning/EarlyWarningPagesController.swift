import EduQualityDomain
import Vapor

/// The early-warning pages for quality teams: a region's organisations with a signal, strongest
/// first; one organisation's sources side by side (printable, and as CSV); dismissing a signal
/// with a reason. A register entry is opened from a signal through `/register/new?signal=CODE`.
struct EarlyWarningPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("quality", "early-warning")
        pages.get(use: list)
        pages.get(":organisation", use: show)
        pages.get(":organisation", "export.csv", use: export)
        pages.post(":organisation", "dismiss", use: dismiss)
    }

    struct ListPage: Encodable {
        struct Row: Encodable { let code, name, href, quarter, strength: String; let reasons: [String]; let sources: Int; let dismissal: String? }
        let layout: Layout
        let rule: String
        let regions: [SelectOption]
        let region: String
        let regionName: String
        let open, dismissed: [Row]
        let organisations: [SelectOption]
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorizeAnywhere(.viewEarlyWarning)
        let regions = try await EarlyWarningStore.regions(req)
        let chosen = FormProblems.clean(req.query[String.self, at: "region"])?.uppercased() ?? regions.first?.code
        var assessed: [EarlyWarningStore.Assessed] = []
        if let chosen { assessed = try await EarlyWarningStore.region(chosen, req) }
        let (open, dismissed) = EarlyWarningStore.signals(assessed)
        func row(_ a: EarlyWarningStore.Assessed) -> ListPage.Row {
            ListPage.Row(code: a.code, name: a.name, href: "/quality/early-warning/\(a.code)", quarter: a.signal.quarter?.description ?? "",
                         strength: String(format: "%.1f", a.signal.strength), reasons: a.signal.reasons, sources: a.signal.worsening.count,
                         dismissal: a.dismissal?.reason)
        }
        return try await req.view.render("early-warning/list", ListPage(
            layout: req.layout(title: "Early warning"), rule: Self.describe(req.application.signalRule),
            regions: regions.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == chosen) },
            region: chosen ?? "", regionName: regions.first { $0.code == chosen }?.name ?? chosen ?? "",
            open: open.map(row), dismissed: dismissed.map(row),
            organisations: assessed.map { SelectOption(code: $0.code, name: $0.name, selected: false) }))
    }

    /// "2 or more sources worsen over 2 consecutive quarters, each by at least its margin."
    static func describe(_ rule: SignalRule) -> String {
        "\(rule.minimumSources) or more sources worsen over \(rule.consecutiveQuarters) consecutive quarters, each by at least its margin."
    }

    @Sendable func show(req: Request) async throws -> View {
        let assessed = try await EarlyWarningStore.organisation(req.parameters.get("organisation") ?? "", req)
        let flash: String? = req.query[String.self, at: "done"] == "dismissed" ? "The signal has been dismissed." : nil
        return try await req.view.render("early-warning/organisation", EarlyWarningPage.build(req, assessed, flash: flash))
    }

    /// The table as CSV: `organisation, source, period, value` with `suppressed` where a figure is.
    @Sendable func export(req: Request) async throws -> Response {
        let a = try await EarlyWarningStore.organisation(req.parameters.get("organisation") ?? "", req)
        var csv = SpreadsheetCSV.line(["organisation", "source", "period", "value"])
        for s in a.history.series {
            for p in a.periods { csv += SpreadsheetCSV.line([a.code, s.source.rawValue, p.description, s.value(at: p)?.display ?? ""]) }
        }
        return Response.csvAttachment(csv, filename: "early-warning-\(a.code).csv")
    }

    struct DismissForm: Content { var reason: String? }

    @Sendable func dismiss(req: Request) async throws -> Response {
        let assessed = try await EarlyWarningStore.organisation(req.parameters.get("organisation") ?? "", req)
        let form = try req.content.decode(DismissForm.self)
        do {
            try await EarlyWarningStore.dismiss(assessed, reason: form.reason, req)
            return req.redirect(to: "/quality/early-warning/\(assessed.code)?done=dismissed")
        } catch let invalid as InvalidForm {
            return try await req.view.render("early-warning/organisation", EarlyWarningPage.build(req, assessed, errors: invalid.fieldErrors))
                .encodeResponse(status: .badRequest, for: req)
        }
    }
}
