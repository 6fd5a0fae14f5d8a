import EduQualityDomain
import Fluent
import Vapor

/// The GMC national training survey pages for quality teams: `/quality/gmc-survey` (upload a
/// results file, with every error listed by line; the organisations in the visitor's scope
/// that have results) and `/quality/organisations/CODE/gmc-survey` (an organisation's results,
/// by year, read only). Regional teams see their region, national leads everything, a
/// provider's education lead its own organisation; nobody else sees any of it.
struct GMCSurveyPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let quality = routes.grouped("quality")
        quality.get("gmc-survey", use: index)
        quality.upload("gmc-survey", limit: "16mb", use: upload)
        quality.get("organisations", ":code", "gmc-survey", use: organisation)
    }

    struct Upload: Content {
        var file: File?
        var dryRun: String?
    }

    @Sendable func index(req: Request) async throws -> View {
        try req.authorizeAnywhere(.viewGMCSurvey)
        return try await render(req, errors: [], lineErrors: [])
    }

    @Sendable func upload(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.importGMCSurvey)
        let form = try req.content.decode(Upload.self)
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await render(req, errors: [FieldError("gmcFile", "Choose a CSV file of GMC survey results")], lineErrors: [])
                .response(.badRequest)
        }
        let dryRun = form.dryRun == "true"
        let importer = GMCSurveyImporter(db: req.db, actor: req.actor, auditActor: req.auditActor)
        do {
            let outcome = try await importer.run(Array(file.data.readableBytesView), dryRun: dryRun)
            let flash = dryRun
                ? "The file is valid: \(outcome.imported) results would be imported and \(outcome.skipped) are already stored. Nothing was imported (check only)."
                : "\(outcome.imported) results imported; \(outcome.skipped) already stored were skipped."
            return try await render(req, errors: [], lineErrors: [], flash: flash).encodeResponse(for: req)
        } catch let refused as GMCSurveyFileRefused {
            return try await render(req, errors: [FieldError("gmcFile", refused.summary)],
                                    lineErrors: refused.errors.map { .init(line: $0.line, column: $0.column, reason: $0.reason) })
                .response(.badRequest)
        }
    }

    @Sendable func organisation(req: Request) async throws -> View {
        let code = req.parameters.get("code") ?? ""
        try req.authorizeAnywhere(.viewGMCSurvey)
        guard let organisation = try await Organisation.query(on: req.db).filter(\.$code == code).first() else {
            throw AppError.notFound("No organisation has the code \(code)")
        }
        try req.authorize(.viewGMCSurvey, .located(Location(region: organisation.regionCode, organisation: code)))
        let year = try yearParameter(req)
        let number = try req.pageNumber()
        let (records, total) = try await GMCSurveyStore.results(organisation: code, year: year, page: number, on: req.db)
        let names = try await GMCSurveyPages.Names.load(organisation: code, on: req.db)
        let years = try await GMCSurveyStore.years(organisation: code, on: req.db)
        return try await req.view.render("gmc-survey/organisation", GMCSurveyPages.OrganisationResults(
            layout: req.layout(title: "GMC survey results: \(organisation.name)"), code: code, name: organisation.name,
            years: years.map { SelectOption(code: String($0), name: String($0), selected: $0 == year) }, year: year,
            page: req.page(records.compactMap(names.line), number: number, total: total), key: GMCSurveyPages.key))
    }

    private func yearParameter(_ req: Request) throws -> Int? {
        guard let raw = req.query[String.self, at: "year"], !raw.isEmpty else { return nil }
        guard raw.count == 4, let year = Int(raw) else { throw AppError.badRequest("year must be a four-digit year, such as 2026") }
        return year
    }

    private func render(_ req: Request, errors: [FieldError], lineErrors: [GMCSurveyPages.LineError],
                        flash: String? = nil) async throws -> View {
        let counts = try await GMCSurveyStore.counts(on: req.db)
        let actor = req.actor
        let organisations = try await Organisation.query(on: req.db).sort(\.$code).all().filter {
            counts[$0.code] != nil
                && Authorization.isAllowed(actor, .viewGMCSurvey, .located(Location(region: $0.regionCode, organisation: $0.code)))
        }
        let regions = try await RegionNames.load(req.db)
        let indicators = try await Term.query(on: req.db).filter(\.$vocabulary == Vocabulary.gmcIndicator.rawValue)
            .sort(\.$position).all()
        return try await req.view.render("gmc-survey/index", GMCSurveyPages.Index(
            layout: req.layout(title: "GMC national training survey results", flash: flash),
            mayImport: actor.assignments.contains { Authorization.permittedActions(for: $0.role).contains(.importGMCSurvey) },
            organisations: organisations.map {
                .init(code: $0.code, name: $0.name, region: regions[$0.regionCode] ?? $0.regionCode, results: counts[$0.code] ?? 0)
            },
            errors: FormErrors(errors), fileError: errors.first?.message, lineErrors: lineErrors, columns: GMCSurveyFile.columns.joined(separator: ","),
            flags: GMCFlag.allowedValues, indicators: indicators.map { .init(code: $0.code, name: $0.name) }))
    }
}
