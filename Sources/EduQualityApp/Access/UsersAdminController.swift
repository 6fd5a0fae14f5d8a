import EduQualityDomain
import Fluent
import Vapor

/// Accounts and their roles. Passwords are set by the service (shown once to the administrator,
/// working for `TemporaryPassword.lifetime`, to be replaced at the first sign-in) and changed by
/// their owner; administrators can reset but never read them, and can reset two-step sign-in for
/// someone who lost their phone and their recovery codes.
struct UsersAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("admin", "users")
        users.get(use: list)
        users.get("new", use: newForm)
        users.post("new", use: create)
        users.get(":id", use: show)
        users.post(":id", "roles", use: addRole)
        users.post(":id", "roles", ":grant", "remove", use: removeRole)
        users.post(":id", "reset-password", use: resetPassword)
        users.post(":id", "active", use: setActive)
        users.post(":id", "reset-two-step", use: resetTwoStep)
    }

    @Sendable func list(req: Request) async throws -> View {
        try req.authorize(.manageUsers)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingWhitespace
        let role = req.query[String.self, at: "role"] ?? ""
        let number = try req.pageNumber()
        let query = User.query(on: req.db).with(\.$roles)
        if !q.isEmpty {
            let op = req.db.containsOperator
            query.group(.or) { $0.filter(\.$email, op, likePattern(q)).filter(\.$displayName, op, likePattern(q)) }
        }
        if !role.isEmpty {
            let ids = try await RoleGrant.query(on: req.db).filter(\.$role == role).all().map { $0.$user.id }
            query.filter(\.$id ~~ ids)
        }
        let total = try await query.count()
        let rows = try await query.sort(\.$email).page(number)
            .map { u in
                Row(id: u.id!.uuidString, email: u.email, name: u.displayName,
                    roles: u.roles.map { Role(rawValue: $0.role)?.displayName ?? $0.role }.joined(separator: ", "),
                    active: u.isActive)
            }
        return try await req.view.render("admin/users", ListPage(
            layout: req.layout(title: "Users and roles"), q: q, roles: roleOptions(selected: role),
            page: req.page(rows, number: number, total: total)))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        try req.authorize(.manageUsers)
        return try await renderNew(req, form: NewUserForm(), errors: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let form = try req.content.decode(NewUserForm.self)
        let email = (form.email ?? "").trimmingWhitespace.lowercased()
        let name = (form.name ?? "").trimmingWhitespace
        var errors: [FieldError] = []
        if !EmailAddress.looksValid(email) { errors.append(.init("email", "Enter an email address in the right format, like name@example.org")) }
        else if try await User.query(on: req.db).filter(\.$email == email).count() > 0 {
            errors.append(.init("email", "An account with this email address already exists"))
        }
        if let p = ReferenceCode.nameProblem(with: name) { errors.append(.init("name", p)) }
        let grant = try await resolveGrant(form.roleForm, req, errors: &errors)
        if !errors.isEmpty {
            return try await renderNew(req, form: form, errors: errors).response(.badRequest)
        }
        let password = TemporaryPassword.generate(checkedBy: req.application.passwordPolicy, email: email)
        let hash = try await req.password.async.hash(password)
        let user = User(email: email, displayName: name, passwordHash: hash)
        user.passwordExpiresAt = TemporaryPassword.expiry(from: req.application.throttleEnvironment.now())
        let userID = try await req.db.audited(actor: req.auditActor) { db in
            try await user.create(on: db)
            let g = grant!
            try await g.record(for: user.id!).create(on: db)
            return (user.id!, [
                AuditEvent(action: "user.create", entityType: "user", entityID: email, after: user.auditSnapshot),
                AuditEvent(action: "user.grant-role", entityType: "user", entityID: email, after: g.snapshot),
            ])
        }
        return try await render(req, userID: userID, temporaryPassword: password, errors: [], form: RoleForm())
            .response(.created)
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.manageUsers)
        return try await render(req, userID: try userID(req), temporaryPassword: nil, errors: [], form: RoleForm())
    }

    @Sendable func addRole(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let user = try await find(req)
        let form = try req.content.decode(RoleForm.self)
        var errors: [FieldError] = []
        let grant = try await resolveGrant(form, req, errors: &errors)
        if let g = grant, user.roles.contains(where: g.isStored(in:)) {
            errors.append(.init("role", "This person already has that role with that scope"))
        }
        if !errors.isEmpty {
            return try await render(req, userID: user.id!, temporaryPassword: nil, errors: errors, form: form).response(.badRequest)
        }
        let g = grant!
        try await req.db.audited(actor: req.auditActor) { db in
            try await g.record(for: user.id!).create(on: db)
            return ((), [AuditEvent(action: "user.grant-role", entityType: "user", entityID: user.email, after: g.snapshot)])
        }
        return req.redirect(to: "/admin/users/\(user.id!.uuidString)")
    }

    @Sendable func removeRole(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let user = try await find(req)
        guard let grantID = req.parameters.get("grant", as: UUID.self),
              let grant = user.roles.first(where: { $0.id == grantID }) else {
            throw AppError.notFound("This person does not have that role")
        }
        let snapshot = Grant.snapshot(of: grant)
        try await req.db.audited(actor: req.auditActor) { db in
            try await RoleGrant.query(on: db).filter(\.$id == grantID).delete()
            return ((), [AuditEvent(action: "user.revoke-role", entityType: "user", entityID: user.email, before: snapshot)])
        }
        return req.redirect(to: "/admin/users/\(user.id!.uuidString)")
    }

    @Sendable func resetPassword(req: Request) async throws -> View {
        try req.authorize(.manageUsers)
        let user = try await find(req)
        let password = TemporaryPassword.generate(checkedBy: req.application.passwordPolicy, email: user.email)
        let hash = try await req.password.async.hash(password)
        let expires = TemporaryPassword.expiry(from: req.application.throttleEnvironment.now())
        try await req.db.audited(actor: req.auditActor) { db in
            user.passwordHash = hash
            user.passwordExpiresAt = expires
            try await user.update(on: db)
            try await LoginThrottleStore.forget(email: user.email, db: db)
            // Sessions of the old password end: a reset often follows a suspected compromise.
            try await AccountSessions.end(userID: user.id!, keeping: nil, on: db)
            return ((), [AuditEvent(action: "user.reset-password", entityType: "user", entityID: user.email,
                                    after: ["temporaryUntil": Self.expiryText(expires)])])
        }
        return try await render(req, userID: user.id!, temporaryPassword: password, errors: [], form: RoleForm())
    }

    /// Turns two-step sign-in off for someone (lost phone and recovery codes); if a role of
    /// theirs requires it, they set it up again at their next sign-in. Their sessions end.
    @Sendable func resetTwoStep(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let user = try await find(req)
        let userID = user.id!, email = user.email
        try await req.db.audited(actor: req.auditActor) { db in
            try await TwoStepCodes.remove(userID: userID, on: db)
            try await AccountSessions.end(userID: userID, keeping: nil, on: db)
            try await LoginThrottleStore.forget(email: "two-step:" + email, db: db)
            return ((), [AuditEvent(action: "user.reset-two-step", entityType: "user", entityID: email)])
        }
        return req.redirect(to: "/admin/users/\(userID.uuidString)")
    }

    static func expiryText(_ seconds: Double) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds))
    }

    struct ActiveForm: Content { var active: String? }

    @Sendable func setActive(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let user = try await find(req)
        let active = try req.content.decode(ActiveForm.self).active == "true"
        if user.id == req.signedIn?.user.id && !active {
            throw AppError.badRequest("You cannot deactivate your own account.")
        }
        if user.isActive != active {
            let before = user.auditSnapshot
            try await req.db.audited(actor: req.auditActor) { db in
                user.isActive = active
                try await user.update(on: db)
                return ((), [AuditEvent(action: active ? "user.activate" : "user.deactivate", entityType: "user",
                                        entityID: user.email, before: before, after: user.auditSnapshot)])
            }
        }
        return req.redirect(to: "/admin/users/\(user.id!.uuidString)")
    }

    private func render(_ req: Request, userID: UUID, temporaryPassword: String?, errors: [FieldError], form: RoleForm) async throws -> View {
        guard let user = try await User.query(on: req.db).filter(\.$id == userID).with(\.$roles).first() else {
            throw AppError.notFound("No such account")
        }
        let grants = user.roles.map { g in
            GrantRow(id: g.id!.uuidString, role: Role(rawValue: g.role)?.displayName ?? g.role,
                     scope: g.scopeDescription.isEmpty ? "National" : g.scopeDescription)
        }
        let slowed = try await LoginThrottleStore.shared(email: user.email, db: req.db, at: Date()).count
            >= LoginThrottle.perClient.freeFailures
        return try await req.view.render("admin/user", UserPage(
            layout: req.layout(title: user.displayName), id: userID.uuidString, email: user.email, name: user.displayName,
            active: user.isActive, slowed: slowed, twoStepOn: user.twoStepEnabledAt != nil, grants: grants,
            temporaryPassword: temporaryPassword,
            temporaryUntil: temporaryPassword == nil ? nil : user.passwordExpiresAt.map(SessionTime.describe), errors: FormErrors(errors), fields: roleFields(form, FormErrors(errors))))
    }

    private func renderNew(_ req: Request, form: NewUserForm, errors: [FieldError]) async throws -> View {
        let errors = FormErrors(errors)
        let fields = [
            FormField("email", "Email address", kind: .email, value: form.email, errors: errors, autocomplete: "off"),
            FormField("name", "Full name", value: form.name, errors: errors),
        ] + roleFields(form.roleForm, errors)
        return try await req.view.render("admin/form", NewUserPage(
            layout: req.layout(title: "Add a user"), action: "/admin/users/new", code: "", errors: errors, fields: fields))
    }

    /// A role and the code of its scope: a region for regional teams, an organisation for
    /// organisation roles, a site for educators; national roles need none.
    private func roleFields(_ form: RoleForm, _ errors: FormErrors) -> [FormField] {
        [
            FormField("role", "Role", kind: .select, errors: errors, options: roleOptions(selected: form.role ?? "")),
            FormField("region", "Region code", value: form.region, hint: "Only for a regional quality team, e.g. LDN",
                      errors: errors, width: "nhsuk-input--width-10"),
            FormField("organisation", "Organisation code",  value: form.organisation,
                      hint: "Only for organisation roles: provider or university lead, guardian, regulator liaison",
                      errors: errors, width: "nhsuk-input--width-10"),
            FormField("site", "Site code", value: form.site, hint: "Only for an educator or supervisor at a site",
                      errors: errors, width: "nhsuk-input--width-10"),
        ]
    }

    private func userID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("No such account") }
        return id
    }

    private func find(_ req: Request) async throws -> User {
        guard let user = try await User.query(on: req.db).filter(\.$id == userID(req)).with(\.$roles).first() else {
            throw AppError.notFound("No such account")
        }
        return user
    }

    /// The role and the code its scope needs, from the field of that kind (`Role.scopeCodeKind`).
    private func resolveGrant(_ form: RoleForm, _ req: Request, errors: inout [FieldError]) async throws -> Grant? {
        guard let role = Role(rawValue: form.role ?? "") else {
            errors.append(.init("role", "Select a role"))
            return nil
        }
        let code: String? = switch role.scopeCodeKind {
        case .region: form.region
        case .organisation: form.organisation
        case .site: form.site
        case nil: nil
        }
        do {
            return try await Grant.resolve(role, scopeCode: code?.trimmingWhitespace, on: req.db)
        } catch let problem as UnknownScopeCode {
            errors.append(.init(problem.field, problem.formMessage))
            return nil
        }
    }

    private func roleOptions(selected: String) -> [SelectOption] {
        Role.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0.rawValue == selected) }
    }
}
