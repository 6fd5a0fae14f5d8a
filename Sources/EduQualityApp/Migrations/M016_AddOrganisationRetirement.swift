import Fluent

/// Organisations can be retired (merged, closed): `retired_on` holds the day, nil while in use.
/// A retired organisation is offered in no new choice and stays on every record that names it.
struct M016_AddOrganisationRetirement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations").field("retired_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").deleteField("retired_on").update()
    }
}
