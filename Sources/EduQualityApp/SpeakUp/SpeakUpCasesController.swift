import EduQualityDomain
import Fluent
import Vapor

/// A guardian's case records for their organisation: list with filters, record, edit. Only the
/// organisation's guardians may open these pages; everything written is audited without the
/// case text.
struct SpeakUpCasesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("speak-up", "cases")
        cases.get(use: choose)
        cases.get(":organisation", use: list)
        cases.get(":organisation", "new", use: newForm)
        cases.post(":organisation", "new", use: create)
        cases.get(":organisation", ":id", use: editForm)
        cases.post(":organisation", ":id", use: update)
    }

    struct OrganisationLink: Encodable { let code, name: String }
    struct ChoosePage: Encodable {
        let layout: Layout
        let organisations: [OrganisationLink]
    }
    struct Row: Encodable {
        let href, reference, raisedOn, howRaised, workerGroup, themes, detriment, speakUpAgain: String
    }
    struct ListPage: Encodable {
        let layout: Layout
        let organisationCode, organisationName: String
        let quarters, themes, howRaised: [SelectOption]
        let returnHref: String
        let filtered: Bool
        let page: Page<Row>
    }

    /// Straight to the case list of a guardian's organisation; a choice when they have several.
    @Sendable func choose(req: Request) async throws -> Response {
        let organisations = try await req.organisationsAllowing(.recordSpeakUpCase)
        if organisations.count == 1 { return req.redirect(to: "/speak-up/cases/\(organisations[0].code)") }
        return try await req.view.render("speak-up/cases-choose", ChoosePage(
            layout: req.layout(title: "Speak-up cases"),
            organisations: organisations.map { OrganisationLink(code: $0.code, name: $0.name) })).encodeResponse(for: req)
    }

    @Sendable func list(req: Request) async throws -> View {
        let organisation = try await req.organisation(req.parameters.get("organisation") ?? "", allowing: .recordSpeakUpCase)
        let filter = try SpeakUpCaseFilter(req)
        let number = try req.pageNumber()
        let query = filter.query(organisation: organisation.code, on: req.db)
        let total = try await query.count()
        let records = try await query.sort(\.$raisedOn, .descending).sort(\.$number, .descending)
            .with(\.$themes).page(number)
        let rows = records.compactMap { record in
            record.speakUpCase.map { c in
                Row(href: "/speak-up/cases/\(organisation.code)/\(c.id)", reference: record.reference,
                    raisedOn: c.raisedOn.longDescription, howRaised: c.howRaised.displayName, workerGroup: c.workerGroup,
                    themes: SpeakUpTheme.allCases.filter(c.themes.contains).map(\.displayName).joined(separator: "; "),
                    detriment: c.detrimentReported ? "Yes" : "No", speakUpAgain: c.speakUpAgain.displayName)
            }
        }
        let saved = req.query[String.self, at: "saved"] == "1" ? "The case has been saved." : nil
        let returnQuarter = filter.quarter ?? FinancialQuarter.lastCompleted(on: .today())
        return try await req.view.render("speak-up/cases", ListPage(
            layout: req.layout(title: "Speak-up cases: \(organisation.name)", flash: saved),
            organisationCode: organisation.code, organisationName: organisation.name,
            quarters: filter.quarterOptions, themes: filter.themeOptions, howRaised: filter.howRaisedOptions,
            returnHref: SpeakUpReturnsController.href(quarter: returnQuarter, csv: false),
            filtered: filter.isActive, page: req.page(rows, number: number, total: total)))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let organisation = try await req.organisation(req.parameters.get("organisation") ?? "", allowing: .recordSpeakUpCase)
        return try await render(req, organisation, record: nil, posted: .init(), errors: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let organisation = try await req.organisation(req.parameters.get("organisation") ?? "", allowing: .recordSpeakUpCase)
        let posted = try req.content.decode(SpeakUpCaseFormPage.Posted.self)
        let id = UUID()
        let speakUpCase: SpeakUpCase
        do {
            speakUpCase = try posted.form(organisation: organisation.code).validated(id: id.uuidString, today: .today())
        } catch {
            return try await render(req, organisation, record: nil, posted: posted, errors: Self.fieldErrors(error))
                .response(.badRequest)
        }
        try await req.db.audited(actor: req.auditActor) { db in
            // Writes are serialised, so the next number cannot be taken twice.
            let highest = try await SpeakUpCaseRecord.query(on: db).filter(\.$organisationCode == speakUpCase.organisation)
                .max(\.$number)
            let reference = SpeakUpCaseReference.next(organisation: speakUpCase.organisation, after: highest)
            let record = SpeakUpCaseRecord(id: id, reference: reference, from: speakUpCase)
            try await record.create(on: db)
            try await record.replaceThemes(with: speakUpCase.themes, on: db)
            return ((), [speakUpCase.recordedEvent(reference: reference.description)])
        }
        return req.redirect(to: "/speak-up/cases/\(organisation.code)/\(id.uuidString)?saved=1")
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let (organisation, record, existing) = try await find(req)
        let flash = req.query[String.self, at: "saved"] == "1" ? "The case has been saved." : nil
        return try await render(req, organisation, record: record, posted: .init(SpeakUpCaseForm(editing: existing)),
                                errors: [], flash: flash)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (organisation, record, existing) = try await find(req)
        let posted = try req.content.decode(SpeakUpCaseFormPage.Posted.self)
        let changed: SpeakUpCase
        do {
            changed = try posted.form(organisation: organisation.code).validated(id: existing.id, today: .today())
        } catch {
            return try await render(req, organisation, record: record, posted: posted, errors: Self.fieldErrors(error))
                .response(.badRequest)
        }
        if let event = changed.updatedEvent(from: existing, reference: record.reference) {
            record.apply(changed)
            try await req.db.audited(actor: req.auditActor) { db in
                try await record.update(on: db)
                try await record.replaceThemes(with: changed.themes, on: db)
                return ((), [event])
            }
        }
        return req.redirect(to: "/speak-up/cases/\(organisation.code)/\(existing.id)?saved=1")
    }

    /// The case in the path, only within the organisation in the path, once the visitor is one of
    /// its guardians.
    private func find(_ req: Request) async throws -> (Organisation, SpeakUpCaseRecord, SpeakUpCase) {
        let organisation = try await req.organisation(req.parameters.get("organisation") ?? "", allowing: .recordSpeakUpCase)
        guard let id = UUID(uuidString: req.parameters.get("id") ?? ""),
              let record = try await SpeakUpCaseRecord.query(on: req.db).filter(\.$id == id)
                .filter(\.$organisationCode == organisation.code).with(\.$themes).first(),
              let existing = record.speakUpCase else {
            throw AppError.notFound("\(organisation.name) has no speak-up case at this address")
        }
        return (organisation, record, existing)
    }

    private static func fieldErrors(_ invalid: SpeakUpCaseForm.Invalid) -> [FieldError] {
        invalid.problems.map { FieldError($0.field.rawValue, $0.message) }
    }

    private func render(_ req: Request, _ organisation: Organisation, record: SpeakUpCaseRecord?,
                        posted: SpeakUpCaseFormPage.Posted, errors: [FieldError], flash: String? = nil) async throws -> View {
        let action = record.flatMap { r in r.id.map { "/speak-up/cases/\(organisation.code)/\($0.uuidString)" } }
            ?? "/speak-up/cases/\(organisation.code)/new"
        let title = record.map { "Case \($0.reference)" } ?? "Record a speak-up case"
        return try await req.view.render("speak-up/case-form", SpeakUpCaseFormPage(
            layout: req.layout(title: title, flash: flash), organisation: organisation, reference: record?.reference,
            action: action, posted: posted, errors: errors))
    }
}
