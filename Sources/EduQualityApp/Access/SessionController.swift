import EduQualityDomain
import Fluent
import Vapor

/// Signing in and out. Failed attempts slow further ones for that email (`LoginThrottle`), from
/// the same client and, far more leniently, from anywhere; nothing locks, and neither the answer,
/// its status nor its timing says whether the email exists.
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

    @Sendable func form(req: Request) async throws -> View {
        let next = req.query[String.self, at: "next"].flatMap(Self.safeNext) ?? ""
        return try await render(req, email: "", next: next, errors: [])
    }

    private func render(_ req: Request, email: String, next: String, errors: [FieldError]) async throws -> View {
        let errors = FormErrors(errors)
        return try await req.view.render("login", LoginPage(layout: req.layout(title: "Sign in"), next: next, errors: errors, fields: [
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
        guard let user = try await User.query(on: req.db).filter(\.$email == email).first(), user.isActive else {
            // Spend the same time as a real check so timing does not reveal which emails exist.
            _ = try? await req.password.async.verify(password, created: Self.decoyHash)
            return try await failed(req, email: email, next: next)
        }
        guard try await req.password.async.verify(password, created: user.passwordHash) else {
            return try await failed(req, email: email, next: next)
        }
        try await throttle.succeed(at: clock())
        // A fresh session id on sign-in, so a planted session cannot be taken over.
        if req.hasSession, let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data[CurrentActorMiddleware.sessionKey] = try user.requireID().uuidString
        return req.redirect(to: next)
    }

    private func failed(_ req: Request, email: String, next: String) async throws -> Response {
        try await render(req, email: email, next: next,
                         errors: [.init("email", "The email address or password is not right")])
            .response(.unauthorized)
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if req.hasSession { req.session.destroy() }
        return req.redirect(to: "/")
    }

    /// Only local paths, so the sign-in page cannot send people to another site.
    static func safeNext(_ s: String) -> String? {
        s.hasPrefix("/") && !s.hasPrefix("//") && !s.contains("\\") ? s : nil
    }

    static let decoyHash: String = (try? Bcrypt.hash("decoy password that matches nothing")) ?? ""
}
