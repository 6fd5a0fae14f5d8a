import EduQualityDomain
import Vapor

/// The administrators' page for which roles must use two-step sign-in (`TwoStepRequirement`).
struct TwoStepSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "two-step", use: show)
        routes.post("admin", "two-step", use: save)
    }

    struct SettingsForm: Content { var roles: [String]? }
    struct SettingsPage: Encodable {
        let layout: Layout
        let errors: FormErrors
        let fields: [FormField]
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.manageUsers)
        let flash: String? = req.query[String.self, at: "saved"] != nil ? "Saved." : nil
        return try await render(req, selected: try await TwoStepRequirement.roles(on: req.db), errors: [], flash: flash)
    }

    private func render(_ req: Request, selected: Set<Role>, errors: [FieldError], flash: String? = nil) async throws -> View {
        let errors = FormErrors(errors)
        let options = Role.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: selected.contains($0)) }
        return try await req.view.render("admin/two-step", SettingsPage(
            layout: req.layout(title: "Two-step sign-in", flash: flash), errors: errors, fields: [
                FormField("roles", "Roles that must use two-step sign-in", kind: .checkboxes,
                          hint: "People with any of these roles set it up the next time they sign in, and cannot use the service until they have.",
                          errors: errors, options: options),
            ]))
    }

    @Sendable func save(req: Request) async throws -> Response {
        try req.authorize(.manageUsers)
        let typed = try req.content.decode(SettingsForm.self).roles ?? []
        let roles = typed.compactMap(Role.init(rawValue:))
        guard roles.count == typed.count else {
            return try await render(req, selected: Set(roles), errors: [.init("roles", "Select roles from the list")])
                .response(.badRequest)
        }
        try await TwoStepRequirement.save(Set(roles), actor: req.auditActor, on: req.db)
        return req.redirect(to: "/admin/two-step?saved=1")
    }
}
