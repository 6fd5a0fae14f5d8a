import EduQualityDomain
import Fluent
import Foundation
import Vapor

/// The configured form (sections and rating scale) as stored: seeded from
/// `Seed/reference/impact-assessment-form.json` (or the domain's standard form) on first start,
/// then changed only by an administrator, each change a new version, audited.
enum ImpactAssessmentFormStore {
    static func seedIfEmpty(on db: any Database, directory: String) async throws {
        guard try await ImpactAssessmentFormRecord.query(on: db).count() == 0 else { return }
        let path = directory + "/reference/impact-assessment-form.json"
        let form: ImpactAssessmentForm
        if let data = FileManager.default.contents(atPath: path) {
            do {
                form = try ImpactAssessmentForm(try JSONDecoder().decode(ImpactAssessmentForm.Definition.self, from: data))
            } catch let invalid as InvalidForm {
                throw Abort(.internalServerError, reason: "\(path): \(invalid.problems.map(\.message).joined(separator: " "))")
            }
        } else {
            form = .standard
        }
        try await db.audited(actor: "system:seed") { db in
            try await ImpactAssessmentFormRecord(version: 1, form: form, by: "system:seed").create(on: db)
            return ((), [AuditEvent(action: "impact-assessment-form.seed", entityType: "impact-assessment-form", entityID: "1",
                                    after: ["sections": String(form.sections.count), "levels": String(form.scale.count)])])
        }
    }

    /// The current form: the latest version (the standard form if none is stored, as before the
    /// first start finished).
    static func current(on db: any Database) async throws -> ImpactAssessmentForm {
        try await ImpactAssessmentFormRecord.query(on: db).sort(\.$version, .descending).first()?.form ?? .standard
    }

    /// Stores `form` as the next version, with the change's audit event.
    static func save(_ form: ImpactAssessmentForm, _ audit: AuditEvent, by actor: String, on db: any Database) async throws {
        try await db.audited(actor: actor) { db in
            let version = (try await ImpactAssessmentFormRecord.query(on: db).max(\.$version) ?? 0) + 1
            try await ImpactAssessmentFormRecord(version: version, form: form, by: actor).create(on: db)
            var event = audit
            event.after = (audit.after ?? [:]).merging(["version": String(version)]) { a, _ in a }
            return ((), [event])
        }
    }
}
