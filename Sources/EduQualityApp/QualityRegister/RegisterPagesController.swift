import EduQualityDomain
import Fluent
import Vapor

/// The quality register's pages: the list with its risk matrix and CSV, opening an entry (also
/// from a flag cell or a concern case, with the source filled in), and an entry's page with its
/// changes, actions and sources. Quality teams write; a provider's education lead reads its own
/// organisation's entries; nobody else sees any.
struct RegisterPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("register", use: list)
        routes.get("register.csv", use: csv)
        let register = routes.grouped("register")
        register.get("new", use: newForm)
        register.post("new", use: create)
        register.get(":reference", use: show)
        register.post(":reference", "change", use: change)
        register.post(":reference", "actions", use: addAction)
        register.post(":reference", "actions", ":number", "complete", use: completeAction)
        register.post(":reference", "sources", use: linkSource)
    }

    @Sendable func list(req: Request) async throws -> View {
        let (filter, entries, visible) = try await Self.filtered(req)
        let page = try await RegisterListPage.build(req, filter: filter, matching: entries, visible: visible,
                                                    pageNumber: try req.pageNumber())
        return try await req.view.render("register/list", page)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let entries = try await Self.filtered(req).matching
        return try await RegisterExport.response(entries, req)
    }

    /// The visitor's entries that match the query string's filter, newest first; 401/403 for
    /// those whose roles never read the register.
    /// `visible` is every entry they may read (the list page's filter choices come from it).
    static func filtered(_ req: Request) async throws -> (filter: RegisterFilter, matching: [RegisterEntry], visible: [RegisterEntry]) {
        try req.authorizeAnywhere(.viewQualityRegister)
        let filter = try RegisterFilter(req, bands: req.riskBands)
        let today = CalendarDay.today()
        let visible = try await RegisterStore.visible(to: req.actor, on: req.db).map(\.1)
        return (filter, visible.filter { filter.matches($0, bands: req.riskBands, today: today) }, visible)
    }

    @Sendable func newForm(req: Request) async throws -> View {
        try req.authorizeAnywhere(.editQualityRegister)
        let origin = try await RegisterOrigin.find(try req.query.decode(RegisterOrigin.Carried.self), req)
        let page = try await RegisterEntryFormPage.build(req, posted: try await RegisterEntryFormPage.prefilled(req, origin: origin),
                                                         origin: origin, errors: [])
        return try await req.view.render("register/new", page)
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.editQualityRegister)
        let posted = try req.content.decode(RegisterEntryFormPage.Posted.self)
        let origin = try await RegisterOrigin.find(posted.carried, req)
        if let origin, FormProblems.clean(posted.organisation)?.uppercased() != origin.organisation {
            let page = try await RegisterEntryFormPage.build(req, posted: posted, origin: origin, errors: [FieldError(
                "organisation", "An entry opened from \(origin.view.label) \(origin.view.reference) is about \(origin.organisation).")])
            return try await req.view.render("register/new", page).encodeResponse(status: .badRequest, for: req)
        }
        switch try await RegisterIntake.open(posted.form, req) {
        case .opened(let entry):
            try await origin?.link(entry: entry.reference, req)
            try await ImpactAssessmentRegisterLink.opened(entry, req)
            return req.redirect(to: "/register/\(entry.reference)?opened=1")
        case .invalid(let errors):
            let page = try await RegisterEntryFormPage.build(req, posted: posted, origin: origin, errors: errors)
            return try await req.view.render("register/new", page).encodeResponse(status: .badRequest, for: req)
        }
    }

    @Sendable func show(req: Request) async throws -> View {
        let (record, entry) = try await RegisterStore.find(req.parameters.get("reference") ?? "", allowing: .viewQualityRegister, req)
        let flash: String? = switch req.query[String.self, at: "done"] ?? (req.query[String.self, at: "opened"] == "1" ? "opened" : nil) {
        case "opened": "The entry has been opened."
        case "changed": "The change has been saved."
        case "action": "The action has been saved."
        case "source": "The source has been linked."
        default: nil
        }
        return try await req.view.render("register/entry", try await RegisterEntryPage.build(req, record: record, entry: entry, flash: flash))
    }

    struct ChangeForm: Content { var status, likelihood, impact, reviewDue, owner, reason: String? }

    @Sendable func change(req: Request) async throws -> Response {
        let (record, entry) = try await RegisterStore.find(req.parameters.get("reference") ?? "", allowing: .editQualityRegister, req)
        let form = try req.content.decode(ChangeForm.self)
        let update = RegisterEntryUpdate(status: form.status, likelihood: form.likelihood, impact: form.impact,
                                         reviewDue: form.reviewDue, owner: form.owner, reason: form.reason)
        return try await apply(req, record, entry, posted: [
            "status": form.status, "likelihood": form.likelihood, "impact": form.impact, "reviewDue": form.reviewDue,
            "owner": form.owner, "reason": form.reason,
        ].compactMapValues { $0 }, done: "changed") { entry in
            try await RegisterIntake.change(&entry, update, req)
        }
    }

    struct ActionForm: Content { var actionText, actionOwner, actionDue: String? }

    @Sendable func addAction(req: Request) async throws -> Response {
        let (record, entry) = try await RegisterStore.find(req.parameters.get("reference") ?? "", allowing: .editQualityRegister, req)
        let form = try req.content.decode(ActionForm.self)
        return try await apply(req, record, entry, posted: ["actionText": form.actionText, "actionOwner": form.actionOwner,
                                                           "actionDue": form.actionDue].compactMapValues { $0 }, done: "action") { entry in
            try entry.addAction(text: form.actionText, owner: form.actionOwner, due: form.actionDue, on: .today())
        }
    }

    @Sendable func completeAction(req: Request) async throws -> Response {
        let (record, entry) = try await RegisterStore.find(req.parameters.get("reference") ?? "", allowing: .editQualityRegister, req)
        guard let number = req.parameters.get("number").flatMap(Int.init) else { throw AppError.notFound("No such action") }
        return try await apply(req, record, entry, posted: [:], done: "action") { entry in
            try entry.completeAction(number, on: .today())
        }
    }

    struct SourceForm: Content { var newSourceKind, newSourceReference: String? }

    @Sendable func linkSource(req: Request) async throws -> Response {
        let (record, entry) = try await RegisterStore.find(req.parameters.get("reference") ?? "", allowing: .editQualityRegister, req)
        let form = try req.content.decode(SourceForm.self)
        return try await apply(req, record, entry, posted: [:], done: "source") { entry in
            try await RegisterIntake.link(&entry, kind: form.newSourceKind, reference: form.newSourceReference, req)
        }
    }

    /// Runs a change on the entry: saved with its history line and audit event, or the page again
    /// with the problems and a 400, nothing changed.
    private func apply(_ req: Request, _ record: RegisterEntryRecord, _ entry: RegisterEntry, posted: [String: String],
                       done: String, _ body: (inout RegisterEntry) async throws -> RegisterChange) async throws -> Response {
        var changed = entry
        do {
            let change = try await body(&changed)
            try await RegisterStore.save(changed, change, record: record, req)
            return req.redirect(to: "/register/\(entry.reference)?done=\(done)")
        } catch let invalid as InvalidForm {
            let page = try await RegisterEntryPage.build(req, record: record, entry: entry,
                                                         errors: invalid.fieldErrors, posted: posted)
            return try await req.view.render("register/entry", page).encodeResponse(status: .badRequest, for: req)
        }
    }
}
