import EduQualityDomain
import Fluent
import Foundation

/// Stores the ISF categories from `Seed/reference/isf-categories.json` (or the domain's
/// defaults) when none are stored yet; after that they are the administrator's to edit.
enum ISFCategorySeeder {
    static func seedIfEmpty(on db: any Database, directory: String) async throws {
        guard try await ISFCategoryRecord.query(on: db).count() == 0 else { return }
        let path = directory + "/reference/isf-categories.json"
        let categories = try FileManager.default.contents(atPath: path)
            .map { try ISFCategoryScale(try JSONDecoder().decode([ISFCategory].self, from: $0)) } ?? .standard
        try await db.audited(actor: "system:seed") { db in
            for category in categories.categories { try await ISFCategoryRecord(category).create(on: db) }
            return ((), [AuditEvent(action: "isf-category.seed", entityType: "isf-category", entityID: "all",
                                    after: ["levels": String(categories.categories.count)])])
        }
    }
}
