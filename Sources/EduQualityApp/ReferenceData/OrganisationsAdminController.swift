import EduQualityDomain
import Fluent
import Vapor

struct OrganisationsAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let orgs = routes.grouped("admin", "organisations")
        orgs.get(use: list)
        orgs.get("new", use: newForm)
        orgs.post("new", use: create)
        orgs.get(":code", use: editForm)
        orgs.post(":code", use: update)
    }

    struct Row: Encodable {
        let code, name, type, region: String
        /// "Retired on 3 March 2027", or nil while in use.
        let retired: String?
        let isRetired: Bool
    }
    struct ListPage: Encodable {
        let layout: Layout
        let q: String
        let regions: [SelectOption]
        let types: [SelectOption]
        let page: Page<Row>
    }
    struct FormPage: Encodable {
        let layout: Layout
        let action: String
        let code: String
        let errors: FormErrors
        let fields: [FormField]
    }
    struct OrganisationForm: Content {
        var code: String?
        var name: String?
        var type: String?
        var region: String?
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingWhitespace
        let region = req.query[String.self, at: "region"] ?? ""
        let type = req.query[String.self, at: "type"] ?? ""
        let number = try req.pageNumber()
        let query = Organisation.query(on: req.db)
        if !q.isEmpty {
            let op = req.db.containsOperator
            query.group(.or) { $0.filter(\.$name, op, likePattern(q)).filter(\.$code, op, likePattern(q)) }
        }
        if !region.isEmpty { query.filter(\.$regionCode == region) }
        if !type.isEmpty { query.filter(\.$type == type) }
        let total = try await query.count()
        let rows = try await query.sort(\.$name).page(number)
            .map { Row(code: $0.code, name: $0.name, type: OrganisationType(rawValue: $0.type)?.displayName ?? $0.type, region: $0.regionCode,
                       retired: $0.retiredOn.map { "Retired on \(CalendarDay(iso: $0).map(\.longDescription) ?? $0)" }, isRetired: $0.retiredOn != nil) }
        return try await req.view.render("admin/organisations", ListPage(
            layout: req.layout(title: "Organisations"), q: q,
            regions: try await regionOptions(req, selected: region), types: typeOptions(selected: type),
            page: req.page(rows, number: number, total: total)))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        return try await renderForm(req, isNew: true, form: OrganisationForm(), errors: [])
    }

    @Sendable func editForm(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        let org = try await find(req)
        return try await renderForm(req, isNew: false,
                                    form: .init(code: org.code, name: org.name, type: org.type, region: org.regionCode), errors: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        var form = try req.content.decode(OrganisationForm.self)
        form.code = form.code?.trimmingWhitespace
        var errors = try await validate(form, req)
        if let code = form.code, errors.isEmpty,
           try await Organisation.query(on: req.db).filter(\.$code == code).count() > 0 {
            errors.append(.init("code", "An organisation with the code \(code) already exists"))
        }
        if !errors.isEmpty { return try await renderForm(req, isNew: true, form: form, errors: errors).response(.badRequest) }
        let org = Organisation(code: form.code!, name: form.name!.trimmingWhitespace, type: form.type!, regionCode: form.region!)
        try await req.db.audited(actor: req.auditActor) { db in
            try await org.create(on: db)
            return ((), [AuditEvent(action: "organisation.create", entityType: "organisation", entityID: org.code, after: org.auditSnapshot)])
        }
        return req.redirect(to: "/admin/organisations?q=\(org.code)")
    }

    @Sendable func update(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let org = try await find(req)
        var form = try req.content.decode(OrganisationForm.self)
        form.code = org.code
        let errors = try await validate(form, req)
        if !errors.isEmpty { return try await renderForm(req, isNew: false, form: form, errors: errors).response(.badRequest) }
        let before = org.auditSnapshot
        org.name = form.name!.trimmingWhitespace
        org.type = form.type!
        org.regionCode = form.region!
        let after = org.auditSnapshot
        if before != after {
            try await req.db.audited(actor: req.auditActor) { db in
                try await org.update(on: db)
                return ((), [AuditEvent(action: "organisation.update", entityType: "organisation", entityID: org.code,
                                        before: before, after: after)])
            }
        }
        return req.redirect(to: "/admin/organisations?q=\(org.code)")
    }

    private func find(_ req: Request) async throws -> Organisation {
        let code = req.parameters.get("code") ?? ""
        guard let org = try await Organisation.query(on: req.db).filter(\.$code == code).first() else {
            throw AppError.notFound("No organisation has the code \(code)")
        }
        return org
    }

    private func validate(_ form: OrganisationForm, _ req: Request) async throws -> [FieldError] {
        var errors: [FieldError] = []
        if let p = ReferenceCode.problem(with: form.code ?? "") { errors.append(.init("code", p)) }
        if let p = ReferenceCode.nameProblem(with: form.name ?? "") { errors.append(.init("name", p)) }
        if OrganisationType(rawValue: form.type ?? "") == nil { errors.append(.init("type", "Select the type of organisation")) }
        let region = form.region ?? ""
        if try await Region.query(on: req.db).filter(\.$code == region).count() == 0 {
            errors.append(.init("region", "Select a region"))
        }
        return errors
    }

    private func renderForm(_ req: Request, isNew: Bool, form: OrganisationForm, errors: [FieldError]) async throws -> View {
        let errors = FormErrors(errors)
        var fields: [FormField] = []
        if isNew {
            fields.append(FormField("code", "Code", value: form.code,
                                    hint: "The organisation's stable code, for example its ODS code. It cannot be changed later.",
                                    errors: errors, width: "nhsuk-input--width-10"))
        }
        fields += [
            FormField("name", "Name", value: form.name, errors: errors),
            FormField("type", "Type", kind: .select, errors: errors, options: typeOptions(selected: form.type ?? "")),
            FormField("region", "Region", kind: .select, errors: errors,
                      options: try await regionOptions(req, selected: form.region ?? "")),
        ]
        return try await req.view.render("admin/form", FormPage(
            layout: req.layout(title: isNew ? "Add an organisation" : "Edit \(form.name ?? "organisation")"),
            action: isNew ? "/admin/organisations/new" : "/admin/organisations/\(form.code ?? "")",
            code: isNew ? "" : form.code ?? "", errors: errors, fields: fields))
    }

    private func regionOptions(_ req: Request, selected: String) async throws -> [SelectOption] {
        try await Region.query(on: req.db).sort(\.$name).all().map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == selected) }
    }

    private func typeOptions(selected: String) -> [SelectOption] {
        OrganisationType.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0.rawValue == selected) }
    }
}
