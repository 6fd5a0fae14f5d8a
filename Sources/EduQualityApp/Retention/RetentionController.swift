import EduQualityDomain
import Fluent
import Vapor

/// The administrators' page for record retention: how long each kind of record is kept, what
/// the purge does to it, the latest runs with their counts, and running the purge now.
struct RetentionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "retention", use: show)
        routes.post("admin", "retention", use: save)
        routes.post("admin", "retention", "purge", use: purge)
    }

    struct KindRow: Encodable {
        let title: String
        let whatHappens: String
        let countedFrom: String
        let fields: [FormField]
    }

    struct RunRow: Encodable {
        let day: String
        let by: String
        let counts: [Int]
        let total: Int
    }

    struct RetentionPage: Encodable {
        let layout: Layout
        let errors: FormErrors
        let kinds: [KindRow]
        let kindTitles: [String]
        let runs: [RunRow]
    }

    @Sendable func show(req: Request) async throws -> View {
        try req.authorize(.manageRetention)
        let flash: String? = switch req.query[String.self, at: "done"] {
        case "saved": "Saved. The next purge uses these periods."
        case "purged": "The purge ran. Its counts are in the first row of the latest runs."
        default: nil
        }
        let policy = try await RetentionSettings.policy(defaults: req.application.retentionDefaults, on: req.db)
        return try await render(req, values: policy.stored.mapValues(String.init), errors: [], flash: flash)
    }

    private func render(_ req: Request, values: [String: String], errors: [FieldError], flash: String? = nil) async throws -> View {
        let errors = FormErrors(errors)
        let kinds = RetainedRecords.allCases.map { kind in
            KindRow(title: kind.title, whatHappens: kind.whatHappens, countedFrom: kind.countedFrom, fields: [
                FormField(kind.rawValue, "Days to keep \(kind.title.lowercased())", kind: .number, value: values[kind.rawValue],
                          hint: "Counted from \(kind.countedFrom). From \(RetentionPolicy.shortest) to \(RetentionPolicy.longest).",
                          errors: errors, width: "nhsuk-input--width-5"),
            ])
        }
        let runs = try await RetentionPurge.recentRuns(limit: 20, on: req.db).map { run in
            RunRow(day: run.entry.entityID, by: run.entry.actor, counts: RetainedRecords.allCases.map { run.counts[$0] ?? 0 },
                   total: run.counts.values.reduce(0, +))
        }
        return try await req.view.render("admin/retention", RetentionPage(
            layout: req.layout(title: "Record retention", flash: flash), errors: errors, kinds: kinds,
            kindTitles: RetainedRecords.allCases.map(\.title), runs: runs))
    }

    @Sendable func save(req: Request) async throws -> Response {
        try req.authorize(.manageRetention)
        let form = try req.content.decode([String: String].self)
        let policy: RetentionPolicy
        do throws(InvalidForm) {
            policy = try RetentionPolicy.parse(form)
        } catch {
            return try await render(req, values: form, errors: error.fieldErrors).encodeResponse(status: .badRequest, for: req)
        }
        try await RetentionSettings.save(policy, defaults: req.application.retentionDefaults, actor: req.auditActor, on: req.db)
        return req.redirect(to: "/admin/retention?done=saved")
    }

    @Sendable func purge(req: Request) async throws -> Response {
        try req.authorize(.manageRetention)
        let policy = try await RetentionSettings.policy(defaults: req.application.retentionDefaults, on: req.db)
        _ = try await RetentionPurge(db: req.db).run(policy: policy, today: .today(), actor: req.auditActor)
        return req.redirect(to: "/admin/retention?done=purged")
    }
}
