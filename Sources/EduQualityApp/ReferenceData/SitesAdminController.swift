import EduQualityDomain
import Fluent
import Vapor

struct SitesAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let sites = routes.grouped("admin", "sites")
        sites.get(use: list)
        sites.get("new", use: newForm)
        sites.post("new", use: create)
        sites.get(":code", use: editForm)
        sites.post(":code", use: update)
    }

    struct Row: Encodable { let code, name, organisation: String }
    struct ListPage: Encodable {
        let layout: Layout
        let q: String
        let organisation: String
        let page: Page<Row>
    }
    struct FormPage: Encodable {
        let layout: Layout
        let action: String
        let code: String
        let errors: FormErrors
        let fields: [FormField]
    }
    struct SiteForm: Content {
        var code: String?
        var name: String?
        var organisation: String?
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingWhitespace
        let organisation = (req.query[String.self, at: "organisation"] ?? "").trimmingWhitespace
        let number = try req.pageNumber()
        let query = Site.query(on: req.db)
        if !q.isEmpty {
            let op = req.db.containsOperator
            query.group(.or) { $0.filter(\.$name, op, likePattern(q)).filter(\.$code, op, likePattern(q)) }
        }
        if !organisation.isEmpty { query.filter(\.$organisationCode == organisation) }
        let total = try await query.count()
        let rows = try await query.sort(\.$code).page(number)
            .map { Row(code: $0.code, name: $0.name, organisation: $0.organisationCode) }
        return try await req.view.render("admin/sites", ListPage(
            layout: req.layout(title: "Sites"), q: q, organisation: organisation,
            page: req.page(rows, number: number, total: total)))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        return try await renderForm(req, isNew: true,
                                    form: SiteForm(organisation: req.query[String.self, at: "organisation"]), errors: [])
    }

    @Sendable func editForm(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        let site = try await find(req)
        return try await renderForm(req, isNew: false,
                                    form: .init(code: site.code, name: site.name, organisation: site.organisationCode), errors: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        var form = try req.content.decode(SiteForm.self)
        form.code = form.code?.trimmingWhitespace
        form.organisation = form.organisation?.trimmingWhitespace
        var errors = try await validate(form, req)
        if let code = form.code, errors.isEmpty, try await Site.query(on: req.db).filter(\.$code == code).count() > 0 {
            errors.append(.init("code", "A site with the code \(code) already exists"))
        }
        if !errors.isEmpty { return try await renderForm(req, isNew: true, form: form, errors: errors).response(.badRequest) }
        let site = Site(code: form.code!, name: form.name!.trimmingWhitespace, organisationCode: form.organisation!)
        try await req.db.audited(actor: req.auditActor) { db in
            try await site.create(on: db)
            return ((), [AuditEvent(action: "site.create", entityType: "site", entityID: site.code, after: site.auditSnapshot)])
        }
        return req.redirect(to: "/admin/sites?organisation=\(site.organisationCode)")
    }

    @Sendable func update(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let site = try await find(req)
        var form = try req.content.decode(SiteForm.self)
        form.code = site.code
        form.organisation = form.organisation?.trimmingWhitespace
        let errors = try await validate(form, req)
        if !errors.isEmpty { return try await renderForm(req, isNew: false, form: form, errors: errors).response(.badRequest) }
        let before = site.auditSnapshot
        site.name = form.name!.trimmingWhitespace
        site.organisationCode = form.organisation!
        let after = site.auditSnapshot
        if before != after {
            try await req.db.audited(actor: req.auditActor) { db in
                try await site.update(on: db)
                return ((), [AuditEvent(action: "site.update", entityType: "site", entityID: site.code, before: before, after: after)])
            }
        }
        return req.redirect(to: "/admin/sites?organisation=\(site.organisationCode)")
    }

    private func find(_ req: Request) async throws -> Site {
        let code = req.parameters.get("code") ?? ""
        guard let site = try await Site.query(on: req.db).filter(\.$code == code).first() else {
            throw AppError.notFound("No site has the code \(code)")
        }
        return site
    }

    private func validate(_ form: SiteForm, _ req: Request) async throws -> [FieldError] {
        var errors: [FieldError] = []
        if let p = ReferenceCode.problem(with: form.code ?? "") { errors.append(.init("code", p)) }
        if let p = ReferenceCode.nameProblem(with: form.name ?? "") { errors.append(.init("name", p)) }
        let org = form.organisation ?? ""
        if org.isEmpty {
            errors.append(.init("organisation", "Enter the code of the organisation the site belongs to"))
        } else if try await Organisation.query(on: req.db).filter(\.$code == org).count() == 0 {
            errors.append(.init("organisation", "No organisation has the code \(org)"))
        }
        return errors
    }

    private func renderForm(_ req: Request, isNew: Bool, form: SiteForm, errors: [FieldError]) async throws -> View {
        let errors = FormErrors(errors)
        var fields: [FormField] = []
        if isNew {
            fields.append(FormField("code", "Code", value: form.code, hint: "A stable code for the site. It cannot be changed later.",
                                    errors: errors, width: "nhsuk-input--width-10"))
        }
        fields += [
            FormField("name", "Name", value: form.name, errors: errors),
            FormField("organisation", "Organisation code", value: form.organisation, errors: errors, width: "nhsuk-input--width-10"),
        ]
        return try await req.view.render("admin/form", FormPage(
            layout: req.layout(title: isNew ? "Add a site" : "Edit \(form.name ?? "site")"),
            action: isNew ? "/admin/sites/new" : "/admin/sites/\(form.code ?? "")",
            code: isNew ? "" : form.code ?? "", errors: errors, fields: fields))
    }
}
