import Fluent
import SQLKit

struct M011_CreateSpeakUpCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("speak_up_cases")
            .id()
            .field("organisation_code", .string, .required, .references("organisations", "code"))
            .field("number", .int, .required)
            .field("reference", .string, .required).unique(on: "reference")
            .field("raised_on", .string, .required)
            .field("how_raised", .string, .required)
            .field("worker_group", .string, .required)
            .field("detriment_reported", .bool, .required)
            .field("outcome", .string)
            .field("speak_up_again", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_code", "number")
            .create()
        try await database.schema("speak_up_case_themes")
            .id()
            .field("case_id", .uuid, .required, .references("speak_up_cases", "id", onDelete: .cascade))
            .field("theme", .string, .required)
            .unique(on: "case_id", "theme")
            .create()
        // Lists and returns read one organisation's cases by date.
        try await (database as! any SQLDatabase).create(index: "speak_up_cases_organisation_raised_on")
            .on("speak_up_cases").column("organisation_code").column("raised_on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("speak_up_case_themes").delete()
        try await database.schema("speak_up_cases").delete()
    }
}
