import EduQualityDomain
import Fluent
import Vapor

struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", use: show)
        routes.post("account", "password", use: changePassword)
        routes.post("account", "tokens", use: createToken)
        routes.post("account", "tokens", ":id", "revoke", use: revokeToken)
        routes.post("account", "sessions", ":id", "end", use: endSession)
        routes.post("account", "sessions", "end-others", use: endOtherSessions)
    }

    struct RoleRow: Encodable { let role: String; let scope: String }
    struct TokenRow: Encodable { let id, name, createdOn: String; let lastUsedOn: String? }
    struct SessionRow: Encodable { let id, browser, started, lastSeen: String; let current: Bool }
    struct AccountPage: Encodable {
        let layout: Layout
        let name: String
        let email: String
        let roles: [RoleRow]
        let errors: FormErrors
        let fields: [FormField]
        let tokens: [TokenRow]
        let newToken: String?
        let mustChangePassword: Bool
        let twoStepOn: Bool
        let sessions: [SessionRow]
        let idleMinutes: Int
        let absoluteHours: Int
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.viewOwnAccount)
        let flash: String? = if req.query[String.self, at: "changed"] != nil { "Your password has been changed." }
            else if req.query[String.self, at: "ended"] != nil { "Signed out there." }
            else { nil }
        return try await render(req, errors: [], flash: flash)
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
        let current = req.signedIn?.sessionID
        let sessions = try await AccountSessions.list(userID: user.id!, on: req.db).map {
            SessionRow(id: $0.id!.uuidString, browser: $0.userAgent, started: SessionTime.describe($0.startedAt),
                       lastSeen: SessionTime.describe($0.lastSeenAt), current: $0.id == current)
        }
        let timeouts = req.config.sessionTimeouts
        return try await req.view.render("account", AccountPage(
            layout: req.layout(title: "Your account", flash: flash), name: user.displayName, email: user.email,
            roles: roles, errors: errors, fields: [
                FormField("current", "Current password", kind: .password, errors: errors, width: "nhsuk-u-width-two-thirds",
                          autocomplete: "current-password"),
                FormField("new", "New password", kind: .password,
                          hint: "At least \(PasswordPolicy.minimumLength) characters, not a common password. A few unrelated words make a good one.",
                          errors: errors, width: "nhsuk-u-width-two-thirds", autocomplete: "new-password"),
                FormField("confirm", "New password again", kind: .password, errors: errors, width: "nhsuk-u-width-two-thirds",
                          autocomplete: "new-password"),
            ], tokens: tokens, newToken: newToken, mustChangePassword: user.passwordExpiresAt != nil,
            twoStepOn: user.twoStepEnabledAt != nil, sessions: sessions,
            idleMinutes: timeouts.idleSeconds / 60, absoluteHours: timeouts.absoluteSeconds / 3600))
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
        let refusals = req.application.passwordPolicy.refusals(of: new, email: user.email, field: "new")
        errors += refusals
        if refusals.isEmpty {
            if new != form.confirm { errors.append(.init("confirm", "The passwords do not match")) }
            else if try await req.password.async.verify(new, created: user.passwordHash) {
                errors.append(.init("new", "Choose a password different from the one you have now"))
            }
        }
        if !errors.isEmpty {
            return try await render(req, errors: errors).response(.badRequest)
        }
        let hash = try await req.password.async.hash(new)
        let email = user.email, userID = user.id!, keeping = req.signedIn?.sessionID
        try await req.db.audited(actor: req.auditActor) { db in
            guard let u = try await User.find(userID, on: db) else { throw AppError.notFound("No such account") }
            u.passwordHash = hash
            u.passwordExpiresAt = nil
            try await u.update(on: db)
            // Whoever knew the old password is signed out everywhere else.
            try await AccountSessions.end(userID: userID, keeping: keeping, on: db)
            return ((), [AuditEvent(action: "user.change-password", entityType: "user", entityID: email)])
        }
        // If a role requires two-step sign-in and it is not on yet, the account page sends them on.
        return req.redirect(to: "/account?changed=1")
    }

    @Sendable func endSession(req: Request) async throws -> Response {
        try req.authorize(.viewOwnAccount)
        let user = req.signedIn!.user
        guard let id = req.parameters.get("id", as: UUID.self),
              let session = try await AccountSessionRecord.query(on: req.db).filter(\.$id == id).filter(\.$userID == user.id!).first() else {
            throw AppError.notFound("You have no such session")
        }
        let email = user.email, browser = session.userAgent
        try await req.db.audited(actor: req.auditActor) { db in
            try await AccountSessionRecord.query(on: db).filter(\.$id == id).delete()
            return ((), [AuditEvent(action: "user.end-session", entityType: "user", entityID: email, before: ["browser": browser])])
        }
        return req.redirect(to: id == req.signedIn?.sessionID ? "/" : "/account?ended=1")
    }

    @Sendable func endOtherSessions(req: Request) async throws -> Response {
        try req.authorize(.viewOwnAccount)
        let user = req.signedIn!.user
        let email = user.email, userID = user.id!, keeping = req.signedIn?.sessionID
        try await req.db.audited(actor: req.auditActor) { db in
            try await AccountSessions.end(userID: userID, keeping: keeping, on: db)
            return ((), [AuditEvent(action: "user.end-other-sessions", entityType: "user", entityID: email)])
        }
        return req.redirect(to: "/account?ended=1")
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

/// A session's times as people read them, in the service's time zone: "3 December 2026 at 14:05".
enum SessionTime {
    static func describe(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = CalendarDay.ukTimeZone
        formatter.dateFormat = "d MMMM yyyy 'at' HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
