import EduQualityDomain
import Fluent
import Vapor

/// Code lists administrators keep: regions, professions, specialties, placement types, training
/// levels and GMC survey indicators (the Quality Framework has its own page,
/// `QualityFrameworkAdminController`). Codes never change once made (every import and API uses
/// them); names can.
struct VocabulariesAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let ref = routes.grouped("admin", "reference")
        ref.get(use: index)
        ref.get(":list", use: list)
        ref.post(":list", use: add)
        ref.post(":list", ":code", use: rename)
    }

    /// A list an administrator can edit: regions or one of the vocabularies.
    enum CodeList {
        case regions
        case vocabulary(Vocabulary)

        init?(slug: String) {
            if slug == "regions" { self = .regions; return }
            guard let v = Vocabulary(rawValue: slug) else { return nil }
            self = .vocabulary(v)
        }

        static var all: [CodeList] { [.regions] + Vocabulary.allCases.map { .vocabulary($0) } }
        var slug: String { if case .vocabulary(let v) = self { v.rawValue } else { "regions" } }
        var title: String { if case .vocabulary(let v) = self { v.title } else { "Regions" } }
        var entityType: String { if case .vocabulary = self { "term" } else { "region" } }
    }

    struct Entry: Encodable { let code, name: String }
    struct ListLink: Encodable { let slug, title: String }
    struct IndexPage: Encodable { let layout: Layout; let lists: [ListLink] }
    struct ListPage: Encodable {
        let layout: Layout
        let slug: String
        let entries: [Entry]
        let errors: FormErrors
        let fields: [FormField]
    }
    struct EntryForm: Content { var code: String?; var name: String? }

    @Sendable func index(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        return try await req.view.render("admin/reference", IndexPage(
            layout: req.layout(title: "Reference data"),
            lists: CodeList.all.map { ListLink(slug: $0.slug, title: $0.title) }))
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        return try await render(req, try codeList(req), errors: [], form: EntryForm())
    }

    @Sendable func add(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let list = try codeList(req)
        let form = try req.content.decode(EntryForm.self)
        let code = (form.code ?? "").trimmingWhitespace
        let name = (form.name ?? "").trimmingWhitespace
        var errors: [FieldError] = []
        if let p = ReferenceCode.problem(with: code) { errors.append(.init("code", p)) }
        if let p = ReferenceCode.nameProblem(with: name) { errors.append(.init("name", p)) }
        let existing = try await entries(list, req.db)
        if existing.contains(where: { $0.code == code }) { errors.append(.init("code", "The code \(code) is already in this list")) }
        if !errors.isEmpty { return try await render(req, list, errors: errors, form: form).response(.badRequest) }
        try await req.db.audited(actor: req.auditActor) { db in
            switch list {
            case .regions: try await Region(code: code, name: name).create(on: db)
            case .vocabulary(let v): try await Term(vocabulary: v, code: code, name: name, position: existing.count).create(on: db)
            }
            return ((), [AuditEvent(action: "\(list.entityType).create", entityType: list.entityType,
                                    entityID: Self.entityID(list, code), after: ["name": name])])
        }
        return req.redirect(to: "/admin/reference/\(list.slug)")
    }

    @Sendable func rename(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let list = try codeList(req)
        let code = req.parameters.get("code") ?? ""
        let name = (try req.content.decode(EntryForm.self).name ?? "").trimmingWhitespace
        if let p = ReferenceCode.nameProblem(with: name) {
            return try await render(req, list, errors: [.init("name-\(code)", p)], form: EntryForm()).response(.badRequest)
        }
        try await req.db.audited(actor: req.auditActor) { db in
            let before: String
            switch list {
            case .regions:
                guard let r = try await Region.query(on: db).filter(\.$code == code).first() else { throw AppError.notFound("No region \(code)") }
                before = r.name
                r.name = name
                try await r.update(on: db)
            case .vocabulary(let v):
                guard let t = try await Term.query(on: db).filter(\.$vocabulary == v.rawValue).filter(\.$code == code).first() else {
                    throw AppError.notFound("No entry \(code)")
                }
                before = t.name
                t.name = name
                try await t.update(on: db)
            }
            let events = before == name ? [] : [AuditEvent(action: "\(list.entityType).update", entityType: list.entityType,
                                                           entityID: Self.entityID(list, code), before: ["name": before], after: ["name": name])]
            return ((), events)
        }
        return req.redirect(to: "/admin/reference/\(list.slug)")
    }

    private static func entityID(_ list: CodeList, _ code: String) -> String {
        if case .vocabulary(let v) = list { return "\(v.rawValue):\(code)" }
        return code
    }

    private func codeList(_ req: Request) throws -> CodeList {
        guard let list = CodeList(slug: req.parameters.get("list") ?? "") else { throw AppError.notFound("No such list") }
        return list
    }

    private func entries(_ list: CodeList, _ db: any Database) async throws -> [Entry] {
        switch list {
        case .regions:
            try await Region.query(on: db).sort(\.$code).all().map { Entry(code: $0.code, name: $0.name) }
        case .vocabulary(let v):
            try await Term.query(on: db).filter(\.$vocabulary == v.rawValue).sort(\.$position).all().map { Entry(code: $0.code, name: $0.name) }
        }
    }

    private func render(_ req: Request, _ list: CodeList, errors: [FieldError], form: EntryForm) async throws -> View {
        let errors = FormErrors(errors)
        return try await req.view.render("admin/code-list", ListPage(
            layout: req.layout(title: list.title), slug: list.slug, entries: try await entries(list, req.db),
            errors: errors, fields: [
                FormField("code", "Code", value: form.code, hint: "Letters, digits and hyphens. It cannot be changed later.",
                          errors: errors, width: "nhsuk-input--width-20"),
                FormField("name", "Name", value: form.name, errors: errors),
            ]))
    }
}
