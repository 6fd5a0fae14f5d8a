import Fluent
import SQLKit

struct M010_CreateGuardianDirectory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("speak_up_guardians")
            .id()
            .field("name", .string, .required)
            .field("organisation_code", .string, .required, .references("organisations", "code"))
            .field("email", .string, .required)
            .field("phone", .string)
            .field("availability", .string)
            .field("updated_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "speak_up_guardians_organisation")
            .on("speak_up_guardians").column("organisation_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("speak_up_guardians").delete()
    }
}
