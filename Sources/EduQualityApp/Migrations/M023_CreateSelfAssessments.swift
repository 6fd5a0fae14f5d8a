import Fluent
import SQLKit

struct M023_CreateSelfAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("self_assessment_windows")
            .id()
            .field("year", .string, .required).unique(on: "year")
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("framework_version", .int)
            .field("created_by", .string, .required)
            .create()
        try await database.schema("self_assessments")
            .id()
            .field("year", .string, .required)
            .field("organisation_code", .string, .required)
            .field("region_code", .string, .required)
            .field("framework_version", .int, .required)
            .field("standards", .string, .required)
            .field("ratings_json", .string, .required)
            .field("reviews_json", .string, .required)
            .field("status", .string, .required)
            .field("started_on", .string, .required)
            .field("submitted_on", .string)
            .field("submitted_late", .bool, .required)
            .field("return_reason", .string)
            .field("reviewed_on", .string)
            .field("updated_at", .datetime)
            .unique(on: "year", "organisation_code")
            .create()
        try await database.schema("self_assessment_history")
            .id()
            .field("assessment_id", .uuid, .required)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("change", .string, .required)
            .create()
        try await database.schema("self_assessment_notices")
            .id()
            .field("year", .string, .required)
            .field("organisation_code", .string, .required)
            .field("kind", .string, .required)
            .field("sent_on", .string, .required)
            .unique(on: "year", "organisation_code", "kind")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "self_assessments_region").on("self_assessments").column("year").column("region_code").run()
        try await sql.create(index: "self_assessment_history_assessment").on("self_assessment_history").column("assessment_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("self_assessment_notices").delete()
        try await database.schema("self_assessment_history").delete()
        try await database.schema("self_assessments").delete()
        try await database.schema("self_assessment_windows").delete()
    }
}
