import EduQualityDomain
import Fluent
import Vapor

struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", use: show)
        routes.post("account", "password", use: changePassword)
        routes.post("account", "tokens", use: createToken)
        routes.post("account", "tokens", ":id", "revoke", use: revokeToken)
    }

    struct RoleRow: Encodable { let role: String; let scope: String }
    struct TokenRow: Encodable { let id, name, createdOn: String; let lastUsedOn: String? }
    struct AccountPage: Encodable {
        let layout: Layout
        let name: String
        let email: String
        let roles: [RoleRow]
        let errors: FormErrors
        let fields: [FormField]
        let tokens: [TokenRow]
        let newToken: String?
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.viewOwnAccount)
        return try await render(req, errors: [], flash: req.query[String.self, at: "changed"] != nil ? "Your password has been changed." : nil)
    }

    private func render(_ req: Request, errors: [FieldError], flash: String? = nil, newToken: String? = nil) async throws -> View {
        let user = req.signedIn!.user
        let roles = user.roles.map { g in
            RoleRow(role: Role(rawValue: g.role)?.displayName ?? g.role,
                    scope: g.scopeDescription.isEmpty ? "National" : g.scopeDescription)
        }
        let errors = FormErrors(errors)
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.id!).sort(\.$createdOn).all()
            .map { TokenRow(id: $0.id!.uuidString, name: $0.name, createdOn: $0.createdOn, lastUsedOn: $0.lastUsedOn) }
        return try await req.view.render("account", AccountPage(
            layout: req.layout(title: "Your account", flash: flash), name: user.displayName, email: user.email,
            roles: roles, errors: errors, fields: [
                FormField("current", "Current password", kind: .password, errors: errors, width: "nhsuk-u-width-two-thirds",
                          autocomplete: "current-password"),
                FormField("new", "New password", kind: .password, hint: "At least 12 characters. A few unrelated words make a good one.",
                          errors: errors, width: "nhsuk-u-width-two-thirds", autocomplete: "new-password"),
                FormField("confirm", "New password again", kind: .password, errors: errors, width: "nhsuk-u-width-two-thirds",
                          autocomplete: "new-password"),
            ], tokens: tokens, newToken: newToken))
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        try req.authorize(.viewOwnAccount)
        let form = try req.content.decode(PasswordForm.self)
        let user = req.signedIn!.user
        var errors: [FieldError] = []
        let new = form.new ?? ""
        if try await !req.password.async.verify(form.current ?? "", created: user.passwordHash) {
            errors.append(.init("current", "Your current password is not right"))
        }
        if let p = PasswordPolicy.problem(with: new) { errors.append(.init("new", p)) }
        else if new != form.confirm { errors.append(.init("confirm", "The passwords do not match")) }
        if !errors.isEmpty {
            return try await render(req, errors: errors).response(.badRequest)
        }
        let hash = try await req.password.async.hash(new)
        let email = user.email
        try await req.db.audited(actor: req.auditActor) { db in
            guard let u = try await User.find(user.id, on: db) else { throw AppError.notFound("No such account") }
            u.passwordHash = hash
            try await u.update(on: db)
            return ((), [AuditEvent(action: "user.change-password", entityType: "user", entityID: email)])
        }
        return req.redirect(to: "/account?changed=1")
    }

    struct TokenForm: Content { var name: String? }

    /// A personal API token for the handlers' API; it acts with this account's roles.
    @Sendable func createToken(req: Request) async throws -> Response {
        try req.authorize(.viewOwnAccount)
        let user = req.signedIn!.user
        let name = (try req.content.decode(TokenForm.self).name ?? "").trimmingWhitespace
        if let problem = ReferenceCode.nameProblem(with: name, maxLength: 80) {
            return try await render(req, errors: [FieldError("tokenName", problem)]).response(.badRequest)
        }
        let (token, hash) = APIToken.generate()
        let email = user.email
        try await req.db.audited(actor: req.auditActor) { db in
            try await APIToken(userID: user.id!, name: name, tokenHash: hash).create(on: db)
            return ((), [AuditEvent(action: "user.create-api-token", entityType: "user", entityID: email, after: ["token": name])])
        }
        return try await render(req, errors: [], flash: "Token created. Copy it now: it is shown only once.", newToken: token)
            .response(.created)
    }

    @Sendable func revokeToken(req: Request) async throws -> Response {
        try req.authorize(.viewOwnAccount)
        let user = req.signedIn!.user
        guard let id = req.parameters.get("id", as: UUID.self),
              let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == user.id!).first() else {
            throw AppError.notFound("You have no such token")
        }
        let email = user.email, name = token.name
        try await req.db.audited(actor: req.auditActor) { db in
            try await APIToken.query(on: db).filter(\.$id == id).delete()
            return ((), [AuditEvent(action: "user.revoke-api-token", entityType: "user", entityID: email, before: ["token": name])])
        }
        return req.redirect(to: "/account")
    }
}
