import Fluent

struct M001_CreateReferenceData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("regions")
            .id()
            .field("code", .string, .required).unique(on: "code")
            .field("name", .string, .required)
            .create()
        try await database.schema("organisations")
            .id()
            .field("code", .string, .required).unique(on: "code")
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("region_code", .string, .required, .references("regions", "code"))
            .create()
        try await database.schema("sites")
            .id()
            .field("code", .string, .required).unique(on: "code")
            .field("name", .string, .required)
            .field("organisation_code", .string, .required, .references("organisations", "code"))
            .create()
        try await database.schema("terms")
            .id()
            .field("vocabulary", .string, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("position", .int, .required)
            .unique(on: "vocabulary", "code")
            .create()
        try await database.schema("quality_standards")
            .id()
            .field("domain_number", .int, .required)
            .field("domain_name", .string, .required)
            .field("code", .string, .required).unique(on: "code")
            .field("text", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in ["quality_standards", "terms", "sites", "organisations", "regions"] {
            try await database.schema(schema).delete()
        }
    }
}
