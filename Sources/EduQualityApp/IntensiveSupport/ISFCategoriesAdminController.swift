import EduQualityDomain
import Fluent
import Vapor

/// An administrator edits the ISF categories' names, descriptions and review intervals. Levels
/// stay fixed (decisions refer to them); each change is audited.
struct ISFCategoriesAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "isf-categories", use: index)
        routes.post("admin", "isf-categories", ":level", use: update)
    }

    struct Row: Encodable { let level: Int; let fields: [FormField]; let action: String }
    struct Page: Encodable { let layout: Layout; let errors: FormErrors; let rows: [Row] }

    @Sendable func index(req: Request) async throws -> View {
        try req.authorize(.manageIntensiveSupportCategories)
        return try await render(req, errors: [], flash: req.query[String.self, at: "saved"] == "1" ? "The category has been saved." : nil)
    }

    @Sendable func update(req: Request) async throws -> Response {
        try req.authorize(.manageIntensiveSupportCategories)
        guard let level = req.parameters.get("level").flatMap(Int.init),
              let record = try await ISFCategoryRecord.query(on: req.db).filter(\.$level == level).first() else {
            throw AppError.notFound("There is no ISF category at that level")
        }
        // The fields carry the level in their names, so that every category's form can show its errors.
        let form = try req.content.decode([String: String].self)
        var problems = FormProblems()
        let name = problems.text("name-\(level)", form["name-\(level)"], maxLength: 100, missing: "Enter the category's name.")
        let description = problems.text("description-\(level)", form["description-\(level)"], maxLength: 1_000, missing: "Describe the category.")
        let weeks = FormProblems.clean(form["reviewWeeks-\(level)"]).flatMap(Int.init)
        if weeks == nil || !(1...104).contains(weeks!) { problems.add("reviewWeeks-\(level)", "The review interval must be 1 to 104 weeks.") }
        guard problems.isEmpty, let name, let description, let weeks else {
            return try await render(req, errors: problems.problems.map { FieldError($0.field, $0.message) }, flash: nil)
                .encodeResponse(status: .badRequest, for: req)
        }
        let before = ["name": record.name, "description": record.descriptionText, "reviewWeeks": String(record.reviewWeeks)]
        record.name = name
        record.descriptionText = description
        record.reviewWeeks = weeks
        let after = ["name": name, "description": description, "reviewWeeks": String(weeks)]
        try await req.db.audited(actor: req.auditActor) { db in
            try await record.update(on: db)
            return ((), before == after ? [] : [AuditEvent(action: "isf-category.update", entityType: "isf-category",
                                                           entityID: String(level), before: before, after: after)])
        }
        return req.redirect(to: "/admin/isf-categories?saved=1")
    }

    private func render(_ req: Request, errors: [FieldError], flash: String?) async throws -> View {
        let errors = FormErrors(errors)
        let scale = try await ISFStore.scale(on: req.db)
        let rows = scale.categories.map { c in
            Row(level: c.level, fields: [
                FormField("name-\(c.level)", "Name", value: c.name, errors: errors),
                FormField("description-\(c.level)", "Description", kind: .textarea, value: c.description, errors: errors),
                FormField("reviewWeeks-\(c.level)", "Review interval in weeks", kind: .number, value: String(c.reviewWeeks),
                          errors: errors, width: "nhsuk-input--width-3"),
            ], action: "/admin/isf-categories/\(c.level)")
        }
        return try await req.view.render("isf/categories", Page(layout: req.layout(title: "ISF categories", flash: flash),
                                                                errors: errors, rows: rows))
    }
}
