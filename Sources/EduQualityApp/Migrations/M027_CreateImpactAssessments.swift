import Fluent

/// Impact assessments on educational opportunities, their history lines, and the versions of the
/// configurable form (sections and rating scale) an administrator edits.
struct M027_CreateImpactAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("impact_assessments")
            .id()
            .field("number", .int, .required).unique(on: "number")
            .field("reference", .string, .required).unique(on: "reference")
            .field("region_code", .string, .required)
            .field("provider_code", .string, .required)
            .field("commissioner_code", .string, .required)
            .field("commissioner_region_code", .string, .required)
            .field("status", .string, .required)
            .field("body_json", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("impact_assessment_history")
            .id()
            .field("assessment_reference", .string, .required)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("change", .string, .required)
            .create()
        try await database.schema("impact_assessment_forms")
            .id()
            .field("version", .int, .required).unique(on: "version")
            .field("definition_json", .string, .required)
            .field("saved_at", .datetime, .required)
            .field("saved_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["impact_assessment_forms", "impact_assessment_history", "impact_assessments"] {
            try await database.schema(table).delete()
        }
    }
}
