import EduQualityDomain
import Fluent
import Vapor

/// The second step of signing in: a code from the authenticator app, or a recovery code, within
/// five minutes of the password (`PendingSignIn`). A code is accepted once (its time step is
/// stored), a recovery code once; failures are throttled like passwords, per account.
struct TwoStepSignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", "two-step", use: form)
        routes.post("login", "two-step", use: verify)
    }

    struct CodeForm: Content { var code: String? }

    struct SecondStepPage: Encodable {
        let layout: Layout
        let errors: FormErrors
        let fields: [FormField]
    }

    @Sendable func form(req: Request) async throws -> Response {
        guard let pending = PendingSignIn(req) else { return req.redirect(to: "/login") }
        guard pending.isCurrent(at: req.application.throttleEnvironment.now()) else {
            PendingSignIn.clear(req)
            return req.redirect(to: "/login?expired=1")
        }
        return try await render(req, errors: []).encodeResponse(for: req)
    }

    private func render(_ req: Request, errors: [FieldError]) async throws -> View {
        let errors = FormErrors(errors)
        return try await req.view.render("login-two-step", SecondStepPage(
            layout: req.layout(title: "Enter your sign-in code"), errors: errors, fields: [
                FormField("code", "Code", hint: "The 6-digit code your authenticator app shows now, or one of your recovery codes.",
                          errors: errors, width: "nhsuk-input--width-10", autocomplete: "one-time-code"),
            ]))
    }

    @Sendable func verify(req: Request) async throws -> Response {
        guard let pending = PendingSignIn(req) else { return req.redirect(to: "/login") }
        let now = req.application.throttleEnvironment.now()
        guard pending.isCurrent(at: now) else {
            PendingSignIn.clear(req)
            return req.redirect(to: "/login?expired=1")
        }
        let typed = (try req.content.decode(CodeForm.self).code ?? "").trimmingWhitespace
        if typed.isEmpty {
            return try await render(req, errors: [.init("code", "Enter the code from your authenticator app")]).response(.badRequest)
        }
        guard let user = try await User.query(on: req.db).filter(\.$id == pending.userID).with(\.$roles).first(),
              user.isActive, user.twoStepEnabledAt != nil, let userID = user.id else {
            PendingSignIn.clear(req)
            return req.redirect(to: "/login")
        }
        let throttle = LoginThrottleStore(db: req.db, email: "two-step:" + user.email, req: req)
        let wait = try await throttle.admit(at: now)
        if wait > 0 { throw AppError.tooManyRequests(retryAfterSeconds: wait) }
        if let match = try await TwoStepCodes.match(typed, user: user, at: now, on: req.db) {
            let email = user.email
            let consumed = try await req.db.audited(actor: email) { tx in
                let used = try await TwoStepCodes.consume(match, userID: userID, at: now, on: tx)
                guard used, case .recovery = match else { return (used, []) }
                let left = try await RecoveryCodeRecord.query(on: tx).filter(\.$userID == userID).filter(\.$usedAt == nil).count()
                return (true, [AuditEvent(action: "user.use-recovery-code", entityType: "user", entityID: email,
                                          after: ["remaining": String(left)])])
            }
            if consumed {
                try await throttle.succeed(at: now)
                try await AccountSessions.signIn(user, method: "password and \(match.method)", req)
                return req.redirect(to: try await SessionController.landing(for: user, next: pending.next, on: req.db))
            }
        }
        try await req.db.audited(actor: SessionController.failureActor) { _ in
            ((), [AuditEvent(action: "user.two-step-failed", entityType: "user", entityID: user.email)])
        }
        return try await render(req, errors: [.init("code",
            "The code is not right, or was used already. Enter the newest code from your app, or an unused recovery code")])
            .response(.unauthorized)
    }
}
