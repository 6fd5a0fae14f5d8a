import Fluent

struct M001_CreateReferenceData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Region.schema)
            .id()
            .field("code", .string, .required).unique(on: "code")
            .field("name", .string, .required)
            .create()
        try await database.schema(Organisation.schema)
            .id()
            .field("code", .string, .required).unique(on: "code")
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("region_code", .string, .required, .references(Region.schema, "code"))
            .create()
        try await database.schema(Site.schema)
            .id()
            .field("code", .string, .required).unique(on: "code")
            .field("name", .string, .required)
            .field("organisation_code", .string, .required, .references(Organisation.schema, "code"))
            .create()
        try await database.schema(Term.schema)
            .id()
            .field("vocabulary", .string, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("position", .int, .required)
            .unique(on: "vocabulary", "code")
            .create()
        try await database.schema(QualityStandard.schema)
            .id()
            .field("domain_number", .int, .required)
            .field("domain_name", .string, .required)
            .field("code", .string, .required).unique(on: "code")
            .field("text", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [QualityStandard.schema, Term.schema, Site.schema, Organisation.schema, Region.schema] {
            try await database.schema(schema).delete()
        }
    }
}
