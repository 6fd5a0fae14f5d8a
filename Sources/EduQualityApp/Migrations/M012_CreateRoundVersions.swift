import Fluent
import SQLKit

/// Round versions: the publications that every figure is drawn from, and on each response the
/// version that first included it (nil: waiting). Existing responses wait for their round's first
/// publication: a closed round is public only once a national lead publishes it.
struct M012_CreateRoundVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("survey_round_versions")
            .id()
            .field("round_code", .string, .required)
            .field("number", .int, .required)
            .field("made_on", .string, .required)
            .field("responses", .int, .required)
            .field("made_by", .string, .required)
            .unique(on: "round_code", "number")
            .create()
        try await database.schema("survey_responses").field("version", .int).update()
        try await (database as! any SQLDatabase).create(index: "survey_responses_round_version")
            .on("survey_responses").column("round_code").column("version").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "survey_responses_round_version").run()
        try await database.schema("survey_responses").deleteField("version").update()
        try await database.schema("survey_round_versions").delete()
    }
}
