import EduQualityDomain
import Fluent
import Vapor

/// Answers a subject-access request: an administrator enters a named person's email address and
/// downloads, as JSON, everything the service holds about them (`SubjectAccessExport`). Every
/// export is audited, including one that found nothing.
struct SubjectAccessController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "subject-access", use: show)
        routes.post("admin", "subject-access", use: export)
    }

    struct ExportForm: Content { var email: String? }
    struct SubjectAccessPage: Encodable {
        let layout: Layout
        let errors: FormErrors
        let fields: [FormField]
        let nothingFoundFor: String?
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.exportSubjectData)
        return try await render(req, email: "", errors: [])
    }

    private func render(_ req: Request, email: String, errors: [FieldError], nothingFoundFor: String? = nil) async throws -> View {
        let errors = FormErrors(errors)
        return try await req.view.render("admin/subject-access", SubjectAccessPage(
            layout: req.layout(title: "Subject-access export"), errors: errors, fields: [
                FormField("email", "Email address of the person", kind: .email, value: email,
                          hint: "A staff account's sign-in address, or the address a named reporter gave with a concern.",
                          errors: errors, autocomplete: "off"),
            ], nothingFoundFor: nothingFoundFor))
    }

    @Sendable func export(req: Request) async throws -> Response {
        try req.authorize(.exportSubjectData)
        let typed = (try req.content.decode(ExportForm.self).email ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard EmailAddress.looksValid(typed) else {
            let message = typed.isEmpty ? "Enter the person's email address" : "Enter an email address in the form name@example.org"
            return try await render(req, email: typed, errors: [FieldError("email", message)]).encodeResponse(status: .badRequest, for: req)
        }
        let export = try await SubjectAccessExport.make(email: typed, on: req.db)
        try await SubjectAccessExport.audit(export, actor: req.auditActor, on: req.db)
        guard !export.isEmpty else {
            return try await render(req, email: typed, errors: [], nothingFoundFor: export.email).encodeResponse(for: req)
        }
        return .attachment(export.json, type: .json, filename: "subject-access-\(export.madeOn).json")
    }
}

extension SubjectAccessExport {
    /// The audit entry of an export: whose, and how much of each kind it held.
    static func audit(_ export: SubjectAccessExport, actor: String, on db: any Database) async throws {
        let counts: [String: String] = [
            "account": export.account == nil ? "0" : "1",
            "concerns-raised": String(export.concernsRaised.count),
            "guardian-directory": String(export.guardianDirectory.count),
            "notices": String(export.notices.count),
            "audit-entries": String(export.auditEntries.count),
            "named-in": String(export.namedIn.count),
        ]
        try await db.audited(actor: actor) { _ in
            ((), [AuditEvent(action: "subject-access.export", entityType: "person", entityID: export.email, after: counts)])
        }
    }
}
