import EduQualityDomain
import Fluent
import Vapor

/// Keeping the guardian directory up to date: administrators for every organisation, guardians
/// for their own. Every change is audited.
struct GuardianDirectoryManagementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let manage = routes.grouped("speak-up", "guardians", "manage")
        manage.get(use: list)
        manage.get("new", use: newForm)
        manage.post("new", use: create)
        manage.get(":id", use: editForm)
        manage.post(":id", use: update)
        manage.get(":id", "remove", use: confirmRemoval)
        manage.post(":id", "remove", use: remove)
    }

    struct Row: Encodable { let id, name, organisation, organisationName, email: String }
    struct ListPage: Encodable {
        let layout: Layout
        let q: String
        let page: Page<Row>
    }
    struct FormPage: Encodable {
        let layout: Layout
        let action: String
        let errors: FormErrors
        let fields: [FormField]
        let removeHref: String?
    }
    struct RemovePage: Encodable {
        let layout: Layout
        let id, name, organisationName: String
    }
    struct EntryForm: Content {
        var name: String?
        var organisation: String?
        var email: String?
        var phone: String?
        var availability: String?
    }

    static let messages = ["added": "The guardian has been added to the directory.",
                           "saved": "The directory entry has been saved.",
                           "removed": "The guardian has been removed from the directory."]

    @Sendable func list(req: Request) async throws -> View {
        let allowed = Set(try await req.organisationsAllowing(.manageGuardianDirectory).map(\.code))
        let q = String((req.query[String.self, at: "q"] ?? "").trimmingWhitespace.prefix(GuardianDirectoryController.maxQuery))
        let number = try req.pageNumber()
        let found = try await GuardianDirectoryController.directory(on: req.db).search(q)
            .filter { allowed.contains($0.organisation) }
        let rows = found[Pagination.range(number).clamped(to: found.indices)].map {
            Row(id: $0.id, name: $0.name, organisation: $0.organisation, organisationName: $0.organisationName, email: $0.email)
        }
        let done = req.query[String.self, at: "done"].flatMap { Self.messages[$0] }
        return try await req.view.render("speak-up/manage", ListPage(
            layout: req.layout(title: "Manage the guardian directory", flash: done), q: q,
            page: req.page(Array(rows), number: number, total: found.count)))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let allowed = try await req.organisationsAllowing(.manageGuardianDirectory)
        let only = allowed.count == 1 ? allowed[0].code : nil
        return try await render(req, id: nil, form: EntryForm(organisation: only), allowed: allowed, errors: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let allowed = try await req.organisationsAllowing(.manageGuardianDirectory)
        let form = try req.content.decode(EntryForm.self)
        let id = UUID()
        let (valid, errors) = try await validate(form, id: id, req)
        guard let entry = valid else {
            return try await render(req, id: nil, form: form, allowed: allowed, errors: errors).response(.badRequest)
        }
        try await req.db.audited(actor: req.auditActor) { db in
            try await GuardianDirectoryRecord(id: id, entry: entry).create(on: db)
            return ((), [entry.addedEvent])
        }
        return req.redirect(to: "/speak-up/guardians/manage?done=added")
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let (record, organisation) = try await find(req)
        let allowed = try await req.organisationsAllowing(.manageGuardianDirectory)
        let form = EntryForm(name: record.name, organisation: organisation.code, email: record.email,
                             phone: record.phone, availability: record.availability)
        return try await render(req, id: record.id, form: form, allowed: allowed, errors: [])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (record, organisation) = try await find(req)
        let allowed = try await req.organisationsAllowing(.manageGuardianDirectory)
        let form = try req.content.decode(EntryForm.self)
        let (valid, errors) = try await validate(form, id: try record.requireID(), req)
        guard let entry = valid else {
            return try await render(req, id: record.id, form: form, allowed: allowed, errors: errors).response(.badRequest)
        }
        let before = record.entry(organisationName: organisation.name)
        if let event = entry.updatedEvent(from: before) {
            record.apply(entry)
            try await req.db.audited(actor: req.auditActor) { db in
                try await record.update(on: db)
                return ((), [event])
            }
        }
        return req.redirect(to: "/speak-up/guardians/manage?done=saved")
    }

    @Sendable func confirmRemoval(req: Request) async throws -> View {
        let (record, organisation) = try await find(req)
        return try await req.view.render("speak-up/remove-guardian", RemovePage(
            layout: req.layout(title: "Remove \(record.name) from the directory"),
            id: try record.requireID().uuidString, name: record.name, organisationName: organisation.name))
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let (record, organisation) = try await find(req)
        let entry = record.entry(organisationName: organisation.name)
        try await req.db.audited(actor: req.auditActor) { db in
            try await record.delete(on: db)
            return ((), [entry.removedEvent])
        }
        return req.redirect(to: "/speak-up/guardians/manage?done=removed")
    }

    /// The entry in the path, once the visitor may manage its organisation's entries. An id that
    /// is not an entry is a 404 only for those who may manage some organisation.
    private func find(_ req: Request) async throws -> (GuardianDirectoryRecord, Organisation) {
        let raw = req.parameters.get("id") ?? ""
        let id = UUID(uuidString: raw)
        let record = id == nil ? nil : try await GuardianDirectoryRecord.find(id, on: req.db)
        guard let record else {
            _ = try await req.organisationsAllowing(.manageGuardianDirectory)
            throw AppError.notFound("No guardian directory entry has this address")
        }
        let organisation = try await req.organisation(record.organisationCode, allowing: .manageGuardianDirectory)
        return (record, organisation)
    }

    /// The domain's checks, then the organisation: it must exist and be one the visitor manages
    /// (choosing another organisation than one's own is refused outright).
    private func validate(_ form: EntryForm, id: UUID, _ req: Request) async throws
        -> (GuardianDirectoryEntry?, [FieldError]) {
        let code = (form.organisation ?? "").trimmingWhitespace
        let organisation = code.isEmpty ? nil : try await Organisation.query(on: req.db).filter(\.$code == code).first()
        if let organisation { try req.authorize(.manageGuardianDirectory, organisation.speakUpResource) }
        do {
            let entry = try GuardianDirectoryEntry.validated(
                id: id.uuidString, name: form.name, organisation: form.organisation,
                organisationName: organisation?.name ?? "", email: form.email, phone: form.phone,
                availability: form.availability)
            guard organisation != nil else { return (nil, [.init("organisation", Self.chooseOrganisation)]) }
            return (entry, [])
        } catch {
            var errors = error.problems.map { FieldError($0.field.rawValue, $0.message) }
            if organisation == nil, error.message(for: .organisation) == nil {
                errors.append(.init("organisation", Self.chooseOrganisation))
            }
            return (nil, Self.ordered(errors))
        }
    }

    static let chooseOrganisation = "Choose the organisation from the list."

    private static func ordered(_ errors: [FieldError]) -> [FieldError] {
        let order = GuardianDirectoryEntry.Field.allCases.map(\.rawValue)
        return errors.sorted { (order.firstIndex(of: $0.field) ?? 99) < (order.firstIndex(of: $1.field) ?? 99) }
    }

    private func render(_ req: Request, id: UUID?, form: EntryForm, allowed: [Organisation], errors: [FieldError]) async throws -> View {
        let errors = FormErrors(errors)
        let options = allowed.map { SelectOption(code: $0.code, name: "\($0.name) (\($0.code))", selected: $0.code == form.organisation) }
        let fields = [
            FormField("name", "Guardian's name", value: form.name, errors: errors, autocomplete: "off"),
            FormField("organisation", "Organisation", kind: .select, errors: errors, options: options),
            FormField("email", "Email address", kind: .email, value: form.email,
                      hint: "A mailbox the guardian reads; a shared speak-up mailbox is fine.", errors: errors,
                      autocomplete: "off"),
            FormField("phone", "Phone number (optional)", value: form.phone, errors: errors,
                      width: "nhsuk-input--width-20", autocomplete: "off"),
            FormField("availability", "When they are available (optional)", kind: .textarea, value: form.availability,
                      hint: "For example: Monday to Thursday, 9am to 5pm; confidential voicemail at other times.",
                      errors: errors),
        ]
        return try await req.view.render("speak-up/guardian-form", FormPage(
            layout: req.layout(title: id == nil ? "Add a guardian to the directory" : "Edit \(form.name ?? "directory entry")"),
            action: id.map { "/speak-up/guardians/manage/\($0.uuidString)" } ?? "/speak-up/guardians/manage/new",
            errors: errors, fields: fields,
            removeHref: id.map { "/speak-up/guardians/manage/\($0.uuidString)/remove" }))
    }
}
