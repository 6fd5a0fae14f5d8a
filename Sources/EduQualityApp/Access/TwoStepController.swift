import EduQualityDomain
import Fluent
import Vapor

/// Turning two-step sign-in on and off from the account page. Enrolment keeps the candidate
/// secret in the session (nothing is stored on the account until a code from it is confirmed),
/// shows it as a QR code drawn here and as text, and ends with ten recovery codes shown once.
/// Turning it off asks for the password or a current code; if a role requires two-step sign-in,
/// the next page asks to set it up again (`AccountObligation`).
struct TwoStepController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", "two-step", use: show)
        routes.post("account", "two-step", use: confirm)
        routes.post("account", "two-step", "disable", use: disable)
    }

    static let candidateKey = "two_step_candidate"
    static let issuer = "EduQuality"

    struct CodeForm: Content { var code: String? }
    struct DisableForm: Content { var password: String?; var code: String? }

    struct TwoStepPage: Encodable {
        let layout: Layout
        let enabled: Bool
        let enabledOn: String?
        let recoveryCodesLeft: Int
        let required: Bool
        let qrCode: String?
        let secret: String?
        let errors: FormErrors
        let fields: [FormField]
    }

    struct RecoveryCodesPage: Encodable {
        let layout: Layout
        let codes: [String]
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.viewOwnAccount)
        let flash: String? = req.query[String.self, at: "off"] != nil ? "Two-step sign-in is off." : nil
        return try await render(req, errors: [], flash: flash)
    }

    private func render(_ req: Request, errors: [FieldError], flash: String? = nil) async throws -> View {
        let user = req.signedIn!.user
        let errors = FormErrors(errors)
        let required = TwoStepRequirement.applies(to: user, roles: try await TwoStepRequirement.roles(on: req.db))
        if let enabledAt = user.twoStepEnabledAt {
            let left = try await RecoveryCodeRecord.query(on: req.db).filter(\.$userID == user.id!).filter(\.$usedAt == nil).count()
            return try await req.view.render("account/two-step", TwoStepPage(
                layout: req.layout(title: "Two-step sign-in", flash: flash), enabled: true,
                enabledOn: CalendarDay(Date(timeIntervalSince1970: enabledAt)).iso, recoveryCodesLeft: left, required: required,
                qrCode: nil, secret: nil, errors: errors, fields: [
                    FormField("password", "Your password", kind: .password, errors: errors, width: "nhsuk-u-width-two-thirds",
                              autocomplete: "current-password"),
                    FormField("code", "Or a code from your authenticator app", errors: errors, width: "nhsuk-input--width-10",
                              autocomplete: "one-time-code"),
                ]))
        }
        let secret: [UInt8]
        if let candidate = req.session.data[Self.candidateKey].flatMap(Base32.decode) {
            secret = candidate
        } else {
            var rng = SystemRandomNumberGenerator()
            secret = TOTP.randomSecret(using: &rng)
            req.session.data[Self.candidateKey] = Base32.encode(secret)
        }
        let uri = TOTP(secret: secret).provisioningURI(issuer: Self.issuer, account: user.email)
        let qr = try? QRCode(text: uri).svg(title: "QR code for your authenticator app")
        return try await req.view.render("account/two-step", TwoStepPage(
            layout: req.layout(title: "Set up two-step sign-in", flash: flash), enabled: false, enabledOn: nil,
            recoveryCodesLeft: 0, required: required, qrCode: qr, secret: Self.grouped(Base32.encode(secret)),
            errors: errors, fields: [
                FormField("code", "Code from the app", hint: "6 digits, for example 123456.", errors: errors,
                          width: "nhsuk-input--width-10", autocomplete: "one-time-code"),
            ]))
    }

    /// Groups of four, easier to type into an app than one long string.
    static func grouped(_ text: String) -> String {
        stride(from: 0, to: text.count, by: 4).map { start in
            let from = text.index(text.startIndex, offsetBy: start)
            return String(text[from..<(text.index(from, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex)])
        }.joined(separator: " ")
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        try req.authorize(.viewOwnAccount)
        let user = req.signedIn!.user
        guard user.twoStepEnabledAt == nil else { return req.redirect(to: "/account/two-step") }
        guard let candidate = req.session.data[Self.candidateKey], let secret = Base32.decode(candidate) else {
            return req.redirect(to: "/account/two-step")
        }
        let typed = (try req.content.decode(CodeForm.self).code ?? "").filter { !$0.isWhitespace }
        let now = req.application.throttleEnvironment.now()
        guard !typed.isEmpty else {
            return try await render(req, errors: [.init("code", "Enter the 6-digit code from your authenticator app")]).response(.badRequest)
        }
        guard let counter = TOTP(secret: secret).verify(typed, at: Int64(now.timeIntervalSince1970), after: nil) else {
            return try await render(req, errors: [.init("code",
                "The code is not right. Check that the time on your phone is right and enter the newest code")]).response(.badRequest)
        }
        let userID = user.id!, email = user.email
        let codes = try await req.db.audited(actor: email) { tx in
            guard let account = try await User.find(userID, on: tx) else { throw AppError.notFound("No such account") }
            account.twoStepSecret = candidate
            account.twoStepEnabledAt = now.timeIntervalSince1970
            account.twoStepLastCounter = counter
            try await account.update(on: tx)
            let codes = try await TwoStepCodes.replaceRecoveryCodes(userID: userID, on: tx)
            return (codes, [AuditEvent(action: "user.two-step-enrol", entityType: "user", entityID: email)])
        }
        req.session.data[Self.candidateKey] = nil
        return try await req.view.render("account/recovery-codes", RecoveryCodesPage(
            layout: req.layout(title: "Your recovery codes", flash: "Two-step sign-in is on."), codes: codes)).encodeResponse(for: req)
    }

    @Sendable func disable(req: Request) async throws -> Response {
        try req.authorize(.viewOwnAccount)
        let user = req.signedIn!.user
        guard user.twoStepEnabledAt != nil, let userID = user.id else { return req.redirect(to: "/account/two-step") }
        let form = try req.content.decode(DisableForm.self)
        let password = form.password ?? "", code = (form.code ?? "").trimmingWhitespace
        if password.isEmpty && code.isEmpty {
            return try await render(req, errors: [.init("password", "Enter your password or a code from your app")]).response(.badRequest)
        }
        // Throttled like the second step: a session left open must not become a way to guess.
        let throttle = LoginThrottleStore(db: req.db, email: "two-step:" + user.email, req: req)
        let now = req.application.throttleEnvironment.now()
        let wait = try await throttle.admit(at: now)
        if wait > 0 { throw AppError.tooManyRequests(retryAfterSeconds: wait) }
        let match: TwoStepCodes.Match?
        if !password.isEmpty {
            guard try await req.password.async.verify(password, created: user.passwordHash) else {
                return try await render(req, errors: [.init("password", "Your password is not right")]).response(.badRequest)
            }
            match = nil
        } else {
            guard let found = try await TwoStepCodes.match(code, user: user, at: now, on: req.db) else {
                return try await render(req, errors: [.init("code", "The code is not right, or was used already")]).response(.badRequest)
            }
            match = found
        }
        let email = user.email
        let done = try await req.db.audited(actor: email) { tx in
            if let match, try await !TwoStepCodes.consume(match, userID: userID, at: now, on: tx) { return (false, []) }
            try await TwoStepCodes.remove(userID: userID, on: tx)
            return (true, [AuditEvent(action: "user.two-step-disable", entityType: "user", entityID: email)])
        }
        guard done else {
            return try await render(req, errors: [.init("code", "The code is not right, or was used already")]).response(.badRequest)
        }
        try await throttle.succeed(at: now)
        return req.redirect(to: "/account/two-step?off=1")
    }
}
