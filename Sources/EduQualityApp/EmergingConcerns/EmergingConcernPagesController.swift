import EduQualityDomain
import Fluent
import Vapor

/// The Emerging Concerns protocol's pages for signatories' users: the concerns shared with their
/// organisation, raising one, and a concern's page with its sharing, panels, access log and
/// history. Nobody else sees any of it; a concern not shared with the visitor is a 404.
struct EmergingConcernPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("quality", "emerging-concerns")
        pages.get(use: list)
        pages.get("new", use: newForm)
        pages.post("new", use: create)
        pages.get(":reference", use: show)
        pages.post(":reference", "share", use: share)
        pages.post(":reference", "panels", use: requestPanel)
    }

    struct ListPage: Encodable {
        struct Row: Encodable { let reference, href, organisation, type, raisedBy, raisedOn, sharedWith: String; let panels: Int }
        let layout: Layout
        let mayRaise: Bool
        let signatory: String
        let page: Page<Row>
    }

    @Sendable func list(req: Request) async throws -> View {
        let (slice, number, total) = try await EmergingConcernStore.listed(req)
        let names = try await ReportNames.load(req.db, engine: nil)
        let rows = slice.map { f in
            ListPage.Row(reference: f.concern.reference, href: "/quality/emerging-concerns/\(f.concern.reference)",
                         organisation: names.name(f.concern.about.organisation, .organisation), type: f.concern.type.displayName,
                         raisedBy: f.concern.raisedBy, raisedOn: f.concern.raisedOn.longDescription,
                         sharedWith: f.concern.sharedWithSorted.joined(separator: ", "), panels: f.panels.count)
        }
        return try await req.view.render("emerging-concerns/list", ListPage(
            layout: req.layout(title: "Emerging concerns"), mayRaise: req.holdsPermission(.raiseEmergingConcern) && req.signatory != nil,
            signatory: req.signatory.flatMap { req.signatories.named($0)?.name } ?? "",
            page: req.page(rows, number: number, total: total)))
    }

    struct NewPage: Encodable {
        let layout: Layout
        let errors: FormErrors
        let fields: [FormField]
    }

    struct Posted: Content {
        var organisation, setting, group, individual, lawfulBasis, type, summary, risk, sources, personalData: String?
        var shareWith: [String]?

        var form: NewEmergingConcernForm {
            NewEmergingConcernForm(organisation: organisation, setting: setting, group: group, individual: individual,
                                   personalData: personalData == "yes", lawfulBasis: lawfulBasis, type: type, summary: summary,
                                   risk: risk, sources: (sources ?? "").split(separator: "\n").map(String.init),
                                   shareWith: shareWith ?? [])
        }
    }

    static func newPage(_ req: Request, _ posted: Posted, errors: [FieldError]) async throws -> NewPage {
        let errors = FormErrors(errors)
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all().filter { $0.retiredOn == nil }
        let own = req.signatory
        return NewPage(layout: req.layout(title: "Raise an emerging concern"), errors: errors, fields: [
            FormField("organisation", "Organisation the concern is about", kind: .select, value: posted.organisation, errors: errors,
                      options: organisations.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == posted.organisation) }),
            FormField("setting", "Setting (optional)", value: posted.setting, hint: "A site, service or ward.", errors: errors),
            FormField("group", "Professional group (optional)", value: posted.group, hint: "Such as foundation doctors or midwives.", errors: errors),
            FormField("type", "Type of concern", kind: .radios, errors: errors,
                      options: EmergingConcernType.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0.rawValue == posted.type) }),
            FormField("summary", "What is known", kind: .textarea, value: posted.summary, errors: errors),
            FormField("risk", "The risk", kind: .textarea, value: posted.risk,
                      hint: "To people using services, carers, families, learners or professionals.", errors: errors),
            FormField("sources", "Sources (optional)", kind: .textarea, value: posted.sources, hint: "One a line.", errors: errors),
            FormField("personalData", "Does it name an individual?", kind: .radios, errors: errors, options: [
                SelectOption(code: "no", name: "No", selected: posted.personalData != "yes"),
                SelectOption(code: "yes", name: "Yes: it holds personal data", selected: posted.personalData == "yes")]),
            FormField("individual", "The individual's name (only if yes)", value: posted.individual, errors: errors),
            FormField("lawfulBasis", "Lawful basis for sharing their personal data (only if yes)", kind: .textarea, value: posted.lawfulBasis, errors: errors),
            FormField("shareWith", "Share with", kind: .checkboxes, hint: "Only the signatories you choose will see it. Sharing can be widened later, never narrowed.",
                      errors: errors, options: req.signatories.all.filter { $0.code != own }.map {
                          SelectOption(code: $0.code, name: "\($0.name) (\($0.code))", selected: (posted.shareWith ?? []).contains($0.code))
                      }),
        ])
    }

    @Sendable func newForm(req: Request) async throws -> View {
        try req.authorizeAnywhere(.raiseEmergingConcern)
        return try await req.view.render("emerging-concerns/new", try await Self.newPage(req, Posted(), errors: []))
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorizeAnywhere(.raiseEmergingConcern)
        let posted = try req.content.decode(Posted.self)
        do {
            let concern = try await EmergingConcernStore.raise(posted.form, req)
            return req.redirect(to: "/quality/emerging-concerns/\(concern.reference)?done=raised")
        } catch let invalid as InvalidForm {
            return try await req.view.render("emerging-concerns/new", try await Self.newPage(req, posted, errors: invalid.fieldErrors))
                .encodeResponse(status: .badRequest, for: req)
        }
    }

    @Sendable func show(req: Request) async throws -> View {
        let found = try await EmergingConcernStore.find(req.parameters.get("reference") ?? "", allowing: .viewEmergingConcerns, req)
        try await EmergingConcernStore.log(found.concern.reference, .viewed, "viewed the concern", req)
        let flash: String? = switch req.query[String.self, at: "done"] {
        case "raised": "The concern has been raised and shared."
        case "shared": "The sharing has been widened."
        case "panel": "The panel has been requested."
        case "convened": "The panel has been convened."
        case "held": "The meeting has been recorded."
        case "action": "The action has been recorded."
        case "action-done": "The action has been marked done."
        case "follow-up": "The panel's actions are being followed up."
        case "closed": "The panel has been closed."
        case "linked": "The link has been recorded."
        default: nil
        }
        return try await req.view.render("emerging-concerns/concern", try await EmergingConcernPage.build(req, found, flash: flash))
    }

    struct ShareForm: Content { var add: [String]? }

    @Sendable func share(req: Request) async throws -> Response {
        let found = try await EmergingConcernStore.find(req.parameters.get("reference") ?? "", allowing: .raiseEmergingConcern, req)
        let form = try req.content.decode(ShareForm.self)
        return try await change(req, found, done: "shared") { try await EmergingConcernIntake.share(found, add: form.add ?? [], req) }
    }

    struct PanelForm: Content { var date: String?; var invite: [String]? }

    @Sendable func requestPanel(req: Request) async throws -> Response {
        let found = try await EmergingConcernStore.find(req.parameters.get("reference") ?? "", allowing: .raiseEmergingConcern, req)
        let form = try req.content.decode(PanelForm.self)
        return try await change(req, found, done: "panel") {
            _ = try await EmergingConcernIntake.requestPanel(found, date: form.date, invite: form.invite ?? [], req)
        }
    }

    private func change(_ req: Request, _ found: EmergingConcernStore.Found, done: String,
                        _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return req.redirect(to: "/quality/emerging-concerns/\(found.concern.reference)?done=\(done)")
        } catch let invalid as InvalidForm {
            return try await req.view.render("emerging-concerns/concern", try await EmergingConcernPage.build(req, found, errors: invalid.fieldErrors))
                .encodeResponse(status: .badRequest, for: req)
        }
    }
}
