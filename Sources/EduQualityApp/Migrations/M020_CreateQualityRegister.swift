import Fluent
import SQLKit

struct M020_CreateQualityRegister: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("register_entries")
            .id()
            .field("number", .int, .required).unique(on: "number")
            .field("reference", .string, .required).unique(on: "reference")
            .field("region_code", .string, .required)
            .field("organisation_code", .string, .required, .references("organisations", "code"))
            .field("site_code", .string)
            .field("specialty_code", .string)
            .field("professions", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("standards", .string, .required)
            .field("framework_version", .int, .required)
            .field("likelihood", .int, .required)
            .field("impact", .int, .required)
            .field("owner_id", .string, .required)
            .field("review_due", .string, .required)
            .field("status", .string, .required)
            .field("sources_json", .string, .required)
            .field("actions_json", .string, .required)
            .field("opened_on", .string, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("register_history")
            .id()
            .field("entry_id", .uuid, .required, .references("register_entries", "id"))
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("change", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "register_entries_region_organisation")
            .on("register_entries").column("region_code").column("organisation_code").run()
        try await sql.create(index: "register_history_entry").on("register_history").column("entry_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("register_history").delete()
        try await database.schema("register_entries").delete()
    }
}
