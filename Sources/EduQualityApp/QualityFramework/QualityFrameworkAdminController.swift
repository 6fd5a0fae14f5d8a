import EduQualityDomain
import Fluent
import Vapor

/// Administering the Quality Framework as versions: an administrator starts a draft of the next
/// version from the current one, edits it (rename a domain, edit or add or retire a standard,
/// add a domain), and publishes it; published versions never change and stay readable at
/// `/quality-framework?version=N`. Every step is audited.
struct QualityFrameworkAdminController: RouteCollection {
    static let path = "/admin/reference/quality-framework"
    static let draftPath = path + "/draft"

    func boot(routes: any RoutesBuilder) throws {
        let framework = routes.grouped("admin", "reference", "quality-framework")
        framework.get(use: overview)
        framework.get("draft", use: draftPage)
        framework.post("draft", use: startDraft)
        framework.post("draft", "domains", use: addDomain)
        framework.post("draft", "domains", ":code", use: renameDomain)
        framework.post("draft", "domains", ":code", "standards", use: addStandard)
        framework.post("draft", "standards", ":code", use: editStandard)
        framework.post("draft", "standards", ":code", "retire", use: retireStandard)
        framework.post("draft", "publish", use: publish)
        framework.post("draft", "discard", use: discard)
    }

    struct OverviewPage: Encodable {
        let layout: Layout
        let framework: FrameworkView
        let versions: [FrameworkVersionLine]
        let draftVersion: Int?
        let nextVersion: Int
    }

    struct DraftPage: Encodable {
        let layout: Layout
        let framework: FrameworkView
        let currentVersion: Int
        let errors: FormErrors
    }

    struct EditForm: Content { var name: String?; var text: String? }

    @Sendable func overview(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        let current = try await QualityFrameworkStore.current(on: req.db)
        let versions = try await QualityFrameworkStore.versions(on: req.db)
        let flash = (try? req.query.get(Int.self, at: "published")).map { "Version \($0) is published and now current." }
        return try await req.view.render("quality-framework/admin", OverviewPage(
            layout: req.layout(title: "Quality Framework", flash: flash),
            framework: FrameworkView(current, crosswalk: try await CrosswalkStore.load(on: req.db)),
            versions: versions.reversed().map { FrameworkVersionLine($0, current: current.version) },
            draftVersion: versions.last(where: \.isDraft)?.number, nextVersion: current.version + 1))
    }

    @Sendable func draftPage(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        guard try await QualityFrameworkStore.draft(on: req.db) != nil else { return req.redirect(to: Self.path) }
        return try await renderDraft(req, errors: []).encodeResponse(for: req)
    }

    @Sendable func startDraft(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let actor = req.auditActor
        try await req.db.audited(actor: actor) { db in
            guard try await QualityFrameworkStore.draft(on: db) == nil else { return ((), []) }
            let current = try await QualityFrameworkStore.current(on: db)
            let draft = current.nextDraft()
            try await QualityFrameworkStore.create(draft, createdBy: actor, on: db)
            return ((), [AuditEvent(action: "quality-framework.draft-start", entityType: "quality-framework",
                                    entityID: String(draft.version), after: ["from": String(current.version)])])
        }
        return req.redirect(to: Self.draftPath)
    }

    @Sendable func addDomain(req: Request) async throws -> Response {
        let form = try decode(req)
        return try await edit(req, .addDomain(name: form.name ?? "", firstStandardText: form.text ?? ""))
    }

    @Sendable func renameDomain(req: Request) async throws -> Response {
        try await edit(req, .renameDomain(code: req.parameters.get("code") ?? "", name: try decode(req).name ?? ""))
    }

    @Sendable func addStandard(req: Request) async throws -> Response {
        try await edit(req, .addStandard(domain: req.parameters.get("code") ?? "", text: try decode(req).text ?? ""))
    }

    @Sendable func editStandard(req: Request) async throws -> Response {
        try await edit(req, .editStandard(code: req.parameters.get("code") ?? "", text: try decode(req).text ?? ""))
    }

    @Sendable func retireStandard(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        return try await edit(req, .retireStandard(code: req.parameters.get("code") ?? ""))
    }

    @Sendable func publish(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let actor = req.auditActor
        let today = CalendarDay.today()
        let number = try await req.db.audited(actor: actor) { db in
            guard let draft = try await QualityFrameworkStore.draft(on: db),
                  let record = try await QualityFrameworkStore.record(draft.version, on: db) else {
                throw AppError.notFound("There is no draft version to publish")
            }
            let current = try await QualityFrameworkStore.current(on: db)
            guard draft.domains != current.domains else {
                throw AppError.conflict("The draft is the same as version \(current.version): change something before publishing it")
            }
            let problems = draft.problems
            guard problems.isEmpty else { throw AppError.badRequest(problems.joined(separator: "; ")) }
            record.effectiveOn = today.iso
            record.publishedBy = actor
            try await record.update(on: db)
            return (draft.version, [draft.publicationEvent(on: today)])
        }
        return req.redirect(to: Self.path + "?published=\(number)")
    }

    @Sendable func discard(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        try await req.db.audited(actor: req.auditActor) { db in
            guard let draft = try await QualityFrameworkStore.draft(on: db),
                  let record = try await QualityFrameworkStore.record(draft.version, on: db) else { return ((), []) }
            try await QualityFrameworkStore.replaceContent(of: QualityFramework(version: draft.version, domains: []), on: db)
            try await record.delete(on: db)
            return ((), [AuditEvent(action: "quality-framework.draft-discard", entityType: "quality-framework",
                                    entityID: String(draft.version), before: ["standards": String(draft.standardCodes.count)])])
        }
        return req.redirect(to: Self.path)
    }

    private func decode(_ req: Request) throws -> EditForm {
        try req.authorize(.manageReferenceData)
        return try req.content.decode(EditForm.self)
    }

    /// Applies one edit to the draft inside an audited write; a refused edit shows the draft
    /// again with the reason beside the field, and an edit that changes nothing records nothing.
    private func edit(_ req: Request, _ edit: QualityFrameworkEdit) async throws -> Response {
        try req.authorize(.manageReferenceData)
        do {
            try await req.db.audited(actor: req.auditActor) { db in
                guard var draft = try await QualityFrameworkStore.draft(on: db) else {
                    throw AppError.notFound("There is no draft version: start one from the Quality Framework page")
                }
                let used = try await QualityFrameworkStore.usedCodes(excluding: draft.version, on: db)
                let event = try draft.apply(edit, used: used)
                guard event.before != event.after else { return ((), []) }
                try await QualityFrameworkStore.replaceContent(of: draft, on: db)
                return ((), [event])
            }
        } catch let problem as QualityFrameworkProblem {
            return try await renderDraft(req, errors: [FieldError(problem.field, problem.message)]).response(.badRequest)
        }
        return req.redirect(to: Self.draftPath)
    }

    private func renderDraft(_ req: Request, errors: [FieldError]) async throws -> View {
        guard let draft = try await QualityFrameworkStore.draft(on: req.db) else {
            throw AppError.notFound("There is no draft version")
        }
        let current = try await QualityFrameworkStore.current(on: req.db)
        return try await req.view.render("quality-framework/draft", DraftPage(
            layout: req.layout(title: "Draft version \(draft.version) of the Quality Framework"),
            framework: FrameworkView(draft, crosswalk: try await CrosswalkStore.load(on: req.db), comparedWith: current),
            currentVersion: current.version, errors: FormErrors(errors)))
    }
}
