import EduQualityDomain
import Fluent
import Vapor

/// Signing in and out. Failed attempts slow further ones for that email (`LoginThrottle`), from
/// the same client and, far more leniently, from anywhere; nothing locks, and neither the answer,
/// its status nor its timing says whether the email exists. An account with two-step sign-in
/// is only half signed in by its password (`PendingSignIn`); `TwoStepSignInController` finishes.
/// Every sign-in and every failure is in the audit log, never with what was typed.
struct SessionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: form)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    struct LoginPage: Encodable {
        let layout: Layout
        let next: String
        let errors: FormErrors
        let fields: [FormField]
    }

    /// Who the audit log names for a failed sign-in: nobody is signed in, and the email typed
    /// might be anyone's (or a password typed in the wrong box).
    static let failureActor = "system:sign-in"

    @Sendable func form(req: Request) async throws -> View {
        let next = req.query[String.self, at: "next"].flatMap(Self.safeNext) ?? ""
        let flash = req.query[String.self, at: "expired"] != nil
            ? "That took longer than \(Int(PendingSignIn.lifetime / 60)) minutes. Sign in again." : nil
        return try await render(req, email: "", next: next, errors: [], flash: flash)
    }

    private func render(_ req: Request, email: String, next: String, errors: [FieldError], flash: String? = nil) async throws -> View {
        let errors = FormErrors(errors)
        return try await req.view.render("login", LoginPage(layout: req.layout(title: "Sign in", flash: flash), next: next, errors: errors, fields: [
            FormField("email", "Email address", kind: .email, value: email, errors: errors, autocomplete: "username"),
            FormField("password", "Password", kind: .password, errors: errors, autocomplete: "current-password"),
        ]))
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingWhitespace.lowercased()
        let password = form.password ?? ""
        let next = form.next.flatMap(Self.safeNext) ?? "/account"
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(.init("email", "Enter your email address")) }
        if password.isEmpty { errors.append(.init("password", "Enter your password")) }
        if !errors.isEmpty {
            return try await render(req, email: email, next: next, errors: errors).response(.badRequest)
        }
        // Throttled before anything is looked up: an unknown email waits exactly like an account.
        let throttle = LoginThrottleStore(db: req.db, email: email, req: req)
        let clock = req.application.throttleEnvironment.now
        let wait = try await throttle.admit(at: clock())
        if wait > 0 { throw AppError.tooManyRequests(retryAfterSeconds: wait) }
        guard let user = try await User.query(on: req.db).filter(\.$email == email).with(\.$roles).first(), user.isActive else {
            // Spend the same time as a real check so timing does not reveal which emails exist.
            _ = try? await req.password.async.verify(password, created: Self.decoyHash)
            return try await failed(req, email: email, next: next, account: nil, reason: "password")
        }
        guard try await req.password.async.verify(password, created: user.passwordHash) else {
            return try await failed(req, email: email, next: next, account: user.email, reason: "password")
        }
        let now = clock()
        if let expires = user.passwordExpiresAt, now.timeIntervalSince1970 >= expires {
            try await Self.recordFailure(req, account: user.email, reason: "temporary password expired")
            return try await render(req, email: email, next: next, errors: [.init("password",
                "This temporary password has expired. Ask an administrator for a new one")]).response(.unauthorized)
        }
        try await throttle.succeed(at: now)
        if user.twoStepEnabledAt != nil {
            // A fresh id here too: the half-signed-in session must not be one that was planted.
            try await AccountSessions.regenerate(req)
            PendingSignIn.start(req, userID: try user.requireID(), at: now, next: next)
            return req.redirect(to: "/login/two-step")
        }
        try await AccountSessions.signIn(user, method: "password", req)
        return req.redirect(to: try await Self.landing(for: user, next: next, on: req.db))
    }

    /// Where a new sign-in goes: the page of what the account must do first, if anything.
    static func landing(for user: User, next: String, on db: any Database) async throws -> String {
        let obligation = AccountObligation.of(user, mandatoryRoles: try await TwoStepRequirement.roles(on: db))
        return obligation?.page ?? next
    }

    private func failed(_ req: Request, email: String, next: String, account: String?, reason: String) async throws -> Response {
        try await Self.recordFailure(req, account: account, reason: reason)
        return try await render(req, email: email, next: next,
                                errors: [.init("email", "The email address or password is not right")])
            .response(.unauthorized)
    }

    /// An unknown email is not recorded (it may be anything typed), only that one was tried.
    static func recordFailure(_ req: Request, account: String?, reason: String) async throws {
        try await req.db.audited(actor: failureActor) { _ in
            ((), [AuditEvent(action: "user.sign-in-failed", entityType: "user", entityID: account ?? "unknown account",
                             after: ["reason": reason])])
        }
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if req.hasSession {
            if let sid = req.session.data[AccountSessions.sessionKey].flatMap(UUID.init(uuidString:)) {
                try await AccountSessionRecord.query(on: req.db).filter(\.$id == sid).delete()
            }
            req.session.destroy()
        }
        return req.redirect(to: "/")
    }

    /// Only local paths, so the sign-in page cannot send people to another site.
    static func safeNext(_ s: String) -> String? {
        s.hasPrefix("/") && !s.hasPrefix("//") && !s.contains("\\") ? s : nil
    }

    static let decoyHash: String = (try? Bcrypt.hash("decoy password that matches nothing")) ?? ""
}
