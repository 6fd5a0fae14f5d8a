import Fluent

/// Surveys in progress, found by the SHA-256 of their resume code (the code itself is never
/// stored). A row holds the encoded draft, its round (to clean up when the round closes) and the
/// day it was last saved: no account, address, device or time of day.
struct M008_CreateSurveyDrafts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("survey_drafts")
            .field("code_hash", .string, .identifier(auto: false))
            .field("round_code", .string, .required)
            .field("draft_json", .string, .required)
            .field("saved_on", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("survey_drafts").delete()
    }
}
