import EduQualityDomain
import Fluent
import Vapor

/// The public side of concerns: the pathway explained, the form, the receipt, and following a
/// concern up by receipt code. No account needed; nothing identifying is kept for anonymous ones.
struct RaiseConcernController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let concerns = routes.grouped("concerns")
        concerns.get(use: landing)
        concerns.get("new", use: form)
        concerns.post("new", use: submit)
        concerns.get("follow-up", use: followUpForm)
        concerns.post("follow-up", use: followUp)
        concerns.post("follow-up", "act", use: followUpAct)
    }

    struct LandingPage: Encodable {
        let layout: Layout
        let pathways: [PathwayInfo]
        let goingStraight: String
        let notAnIncident: String
        let signedIn: Bool
        let handles: Bool
    }
    struct PathwayInfo: Encodable { let number: Int; let title, whoHandles, guidance: String }

    struct FormPage: Encodable {
        let layout: Layout
        let errors: FormErrors
        let sections: [FormSection]
        let notAnIncident: String
        let goingStraight: String
        let signedIn: Bool
    }

    struct ReceiptPage: Encodable {
        let layout: Layout
        let reference: String
        let receiptCode: String?
        let pathway: String
        let respondBy: String
        let handledBy: String
        let signedIn: Bool
    }

    struct FollowUpPage: Encodable {
        let layout: Layout
        let errors: FormErrors
        let fields: [FormField]
    }

    struct CasePage: Encodable {
        let layout: Layout
        let concern: ReporterCase
        let receiptCode: String?
        let action: String
        let educationProviders: [SelectOption]
        let errors: FormErrors
    }

    static func pathways() -> [PathwayInfo] {
        EscalationPathway.allCases.map { PathwayInfo(number: $0.rawValue, title: $0.title, whoHandles: $0.whoHandles, guidance: $0.guidance) }
    }

    @Sendable func landing(req: Request) async throws -> View {
        try req.authorize(.raiseConcern)
        let handles = [Action.viewConcern].contains { action in
            req.actor.assignments.contains { Authorization.permittedActions(for: $0.role).contains(action) }
        }
        return try await req.view.render("concerns/landing", LandingPage(
            layout: req.layout(title: "Raising a concern about your placement"), pathways: Self.pathways(),
            goingStraight: RaisingGuidance.goingStraightToALaterPathway, notAnIncident: RaisingGuidance.notASeriousIncidentReport,
            signedIn: req.signedIn != nil, handles: handles))
    }

    @Sendable func form(req: Request) async throws -> View {
        try req.authorize(.raiseConcern)
        // A signed-in learner's name and address are filled in; they can change them or go anonymous.
        let user = req.signedIn?.user
        return try await render(req, NewConcernForm(pathway: "1", reporterName: user?.displayName, reporterEmail: user?.email), errors: [])
    }

    @Sendable func submit(req: Request) async throws -> Response {
        try req.authorize(.raiseConcern)
        let form = try req.content.decode(ConcernFormBody.self).domainForm
        do {
            let accepted = try await ConcernIntake(req: req).submit(form)
            let c = accepted.concern
            return try await req.view.render("concerns/receipt", ReceiptPage(
                layout: req.layout(title: "Your concern has been sent"), reference: c.reference.value,
                receiptCode: accepted.receiptCode?.grouped, pathway: c.pathway.title,
                respondBy: c.currentStage.respondBy.longDescription,
                handledBy: ConcernHandledBy(c.reporterView(on: CalendarDay.today()), regionNames: try await RegionNames.load(req.db)).sentence,
                signedIn: req.signedIn != nil)).response(.created)
        } catch AppError.invalid(let errors) {
            return try await render(req, form, errors: errors).response(.badRequest)
        }
    }

    private func render(_ req: Request, _ form: NewConcernForm, errors: [FieldError]) async throws -> View {
        let e = FormErrors(errors)
        let options = try await ConcernFormOptions.load(req.db)
        let sections = ConcernFormOptions.sections(form, errors: e, options: options, signedIn: req.signedIn != nil)
        return try await req.view.render("concerns/new", FormPage(
            layout: req.layout(title: "Raise a concern"), errors: e, sections: sections,
            notAnIncident: RaisingGuidance.notASeriousIncidentReport,
            goingStraight: RaisingGuidance.goingStraightToALaterPathway, signedIn: req.signedIn != nil))
    }

    // MARK: Following up by receipt code

    struct CodeForm: Content { var receiptCode: String? }

    @Sendable func followUpForm(req: Request) async throws -> View {
        try req.authorize(.raiseConcern)
        return try await renderCodeForm(req, code: "", errors: [])
    }

    private func renderCodeForm(_ req: Request, code: String, errors: [FieldError]) async throws -> View {
        let e = FormErrors(errors)
        return try await req.view.render("concerns/follow-up", FollowUpPage(
            layout: req.layout(title: "Follow up a concern"), errors: e, fields: [
                FormField("receiptCode", "Receipt code", value: code,
                          hint: "The code you were given when you raised your concern, like K7QF-2M9D-XW4C-8HTR-V3NB.",
                          errors: e, width: "nhsuk-input--width-20", autocomplete: "off"),
            ]))
    }

    @Sendable func followUp(req: Request) async throws -> Response {
        try req.authorize(.raiseConcern)
        let code = (try req.content.decode(CodeForm.self).receiptCode ?? "").trimmingWhitespace
        do {
            let record = try await ReceiptLookup(req: req).find(code)
            return try await renderCase(req, reference: record.reference, receiptCode: code, flash: nil, errors: [])
                .encodeResponse(for: req)
        } catch AppError.notFound(let message) {
            return try await renderCodeForm(req, code: code, errors: [FieldError("receiptCode", message)]).response(.notFound)
        }
    }

    @Sendable func followUpAct(req: Request) async throws -> Response {
        try req.authorize(.raiseConcern)
        let form = try req.content.decode(ReporterActionForm.self)
        let code = (form.receiptCode ?? "").trimmingWhitespace
        let record: ConcernRecord
        do {
            record = try await ReceiptLookup(req: req).find(code)
        } catch AppError.notFound(let message) {
            return try await renderCodeForm(req, code: code, errors: [FieldError("receiptCode", message)]).response(.notFound)
        }
        do {
            let flash = try await ReporterActions.perform(form, on: record.reference, req: req)
            return try await renderCase(req, reference: record.reference, receiptCode: code, flash: flash, errors: [])
                .encodeResponse(for: req)
        } catch let error as AppError {
            let errors: [FieldError] = if case .invalid(let list) = error { list } else { [FieldError("action", error.detail)] }
            return try await renderCase(req, reference: record.reference, receiptCode: code, flash: nil, errors: errors)
                .response(error.status)
        }
    }

    func renderCase(_ req: Request, reference: String, receiptCode: String?, flash: String?, errors: [FieldError]) async throws -> View {
        guard let (_, concern) = try await req.concerns.load(reference) else { throw ReceiptLookup.notFound }
        let view = concern.reporterView(on: CalendarDay.today())
        let providers = try await ConcernFormOptions.educationProviders(req.db, selected: concern.educationProvider)
        return try await req.view.render("concerns/reporter-case", CasePage(
            layout: req.layout(title: "Your concern \(reference)", flash: flash), concern: ReporterCase(view, concern: concern, regionNames: try await RegionNames.load(req.db)),
            receiptCode: receiptCode,
            action: receiptCode == nil ? "/concerns/mine/\(reference)/act" : "/concerns/follow-up/act",
            educationProviders: providers, errors: FormErrors(errors)))
    }
}

/// The raise-a-concern body as posted by the form (field names are the domain's).
struct ConcernFormBody: Content {
    var howRaised: String?
    var organisation: String?
    var site: String?
    var category: String?
    var whatHappened: String?
    var desiredOutcome: String?
    var pathway: String?
    var recipient: String?
    var educationProvider: String?
    var reporterName: String?
    var reporterEmail: String?

    var domainForm: NewConcernForm {
        NewConcernForm(howRaised: howRaised, organisation: organisation, site: site, category: category,
                       whatHappened: whatHappened, desiredOutcome: desiredOutcome, pathway: pathway,
                       recipient: recipient, educationProvider: educationProvider,
                       reporterName: reporterName, reporterEmail: reporterEmail)
    }
}
