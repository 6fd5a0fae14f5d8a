import EduQualityDomain
import Fluent
import Vapor

/// An administrator changes the impact assessment form without code: adds a section (code,
/// title, help, required or not), adds a rating level at the top of the scale, or removes a level
/// no assessment uses. Each change is a new version of the form, audited; assessments drafted
/// after it must rate a new required section before they are submitted.
struct ImpactAssessmentFormAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin", "impact-assessment-form")
        admin.get(use: index)
        admin.post("sections", use: addSection)
        admin.post("levels", use: addLevel)
        admin.post("levels", ":code", "remove", use: removeLevel)
    }

    struct Page: Encodable {
        struct Level: Encodable { let code, name: String; let used: Bool; let action: String }
        let layout: Layout
        let errors: FormErrors
        let sections: [ImpactSection]
        let levels: [Level]
        let sectionFields, levelFields: [FormField]
        let required: Bool
    }

    static let flashes = ["section": "The section has been added.", "level": "The rating level has been added.",
                          "removed": "The rating level has been removed."]

    @Sendable func index(req: Request) async throws -> View {
        try req.authorize(.manageReferenceData)
        return try await render(req, errors: [], posted: [:], flash: req.query[String.self, at: "done"].flatMap { Self.flashes[$0] })
    }

    struct SectionForm: Content { var sectionCode, sectionTitle, sectionHelp, sectionRequired: String? }

    @Sendable func addSection(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let form = try req.content.decode(SectionForm.self)
        let posted = ["sectionCode": form.sectionCode, "sectionTitle": form.sectionTitle, "sectionHelp": form.sectionHelp,
                      "sectionRequired": form.sectionRequired].compactMapValues { $0 }
        return try await change(req, posted: posted, done: "section") { current in
            try current.adding(section: form.sectionCode, title: form.sectionTitle, help: form.sectionHelp, required: form.sectionRequired == "yes")
        }
    }

    struct LevelForm: Content { var levelCode, levelName: String? }

    @Sendable func addLevel(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let form = try req.content.decode(LevelForm.self)
        let posted = ["levelCode": form.levelCode, "levelName": form.levelName].compactMapValues { $0 }
        return try await change(req, posted: posted, done: "level") { current in try current.adding(level: form.levelCode, name: form.levelName) }
    }

    @Sendable func removeLevel(req: Request) async throws -> Response {
        try req.authorize(.manageReferenceData)
        let code = req.parameters.get("code") ?? ""
        let used = ImpactAssessmentForm.usedLevels(try await ImpactAssessmentStore.all(on: req.db))
        return try await change(req, posted: [:], done: "removed") { current in try current.removing(level: code, used: used) }
    }

    private func change(_ req: Request, posted: [String: String], done: String,
                        _ body: (ImpactAssessmentForm) throws -> (ImpactAssessmentForm, AuditEvent)) async throws -> Response {
        let current = try await ImpactAssessmentFormStore.current(on: req.db)
        do {
            let (form, audit) = try body(current)
            try await ImpactAssessmentFormStore.save(form, audit, by: req.auditActor, on: req.db)
            return req.redirect(to: "/admin/impact-assessment-form?done=\(done)")
        } catch let invalid as InvalidForm {
            return try await render(req, errors: invalid.fieldErrors, posted: posted, flash: nil).encodeResponse(status: .badRequest, for: req)
        }
    }

    private func render(_ req: Request, errors: [FieldError], posted: [String: String], flash: String?) async throws -> View {
        let errors = FormErrors(errors)
        let form = try await ImpactAssessmentFormStore.current(on: req.db)
        let used = ImpactAssessmentForm.usedLevels(try await ImpactAssessmentStore.all(on: req.db))
        let page = Page(
            layout: req.layout(title: "Impact assessment form", flash: flash), errors: errors, sections: form.sections,
            levels: form.scale.map { Page.Level(code: $0.code, name: $0.name, used: used.contains($0.code),
                                                action: "/admin/impact-assessment-form/levels/\($0.code)/remove") },
            sectionFields: [
                FormField("sectionCode", "Code", value: posted["sectionCode"], hint: "Lower-case letters, digits and hyphens, such as digital-access.",
                          errors: errors, width: "nhsuk-input--width-20"),
                FormField("sectionTitle", "Title", value: posted["sectionTitle"], errors: errors),
                FormField("sectionHelp", "Help for those rating it (optional)", kind: .textarea, value: posted["sectionHelp"], errors: errors),
            ],
            levelFields: [
                FormField("levelCode", "Code", value: posted["levelCode"], errors: errors, width: "nhsuk-input--width-20"),
                FormField("levelName", "Name", value: posted["levelName"], errors: errors, width: "nhsuk-input--width-20"),
            ],
            required: posted["sectionRequired"].map { $0 == "yes" } ?? true)
        return try await req.view.render("impact-assessments/admin-form", page)
    }
}
