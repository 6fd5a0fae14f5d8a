import Fluent
import SQLKit

/// Questionnaire versions, rounds, responses and their free-text comments. A response row holds
/// no account, address, user agent or time of day; its answers are packed one character per item
/// in the questionnaire's order. Comments carry the placement (never the response) for triage.
struct M007_CreateSurvey: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("questionnaire_versions")
            .id()
            .field("code", .string, .required).unique(on: "code")
            .field("title", .string, .required)
            .field("file_json", .string, .required)
            .field("frozen", .bool, .required)
            .field("created_on", .string, .required)
            .create()
        try await database.schema("survey_rounds")
            .id()
            .field("code", .string, .required).unique(on: "code")
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("questionnaire_code", .string)
            .field("recorded_state", .string, .required)
            .create()
        try await database.schema("survey_responses")
            .field("id", .int64, .identifier(auto: true))
            .field("round_code", .string, .required)
            .field("response_key", .string, .required)
            .field("submitted_on", .string, .required)
            .field("profession", .string, .required)
            .field("organisation", .string, .required)
            .field("region", .string, .required)
            .field("site", .string)
            .field("placement_type", .string, .required)
            .field("specialty", .string)
            .field("level", .string)
            .field("answers", .string, .required)
            .field("source", .string, .required)
            .unique(on: "round_code", "response_key")
            .create()
        try await database.schema("survey_comments")
            .field("id", .int64, .identifier(auto: true))
            .field("round_code", .string, .required)
            .field("question_code", .string, .required)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("submitted_on", .string, .required)
            .field("profession", .string, .required)
            .field("organisation", .string, .required)
            .field("region", .string, .required)
            .field("site", .string)
            .field("placement_type", .string, .required)
            .field("specialty", .string)
            .field("level", .string)
            .field("keyword_score", .int, .required)
            .field("keywords", .string, .required)
            .field("triage_status", .string, .required)
            .field("triaged_by", .string)
            .field("triaged_on", .string)
            .field("triage_note", .string)
            .field("concern_reference", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX survey_responses_round ON survey_responses (round_code, id)").run()
        try await sql.raw("CREATE INDEX survey_comments_triage ON survey_comments (region, triage_status)").run()
    }

    func revert(on database: any Database) async throws {
        for schema in ["survey_comments", "survey_responses", "survey_rounds", "questionnaire_versions"] {
            try await database.schema(schema).delete()
        }
    }
}
