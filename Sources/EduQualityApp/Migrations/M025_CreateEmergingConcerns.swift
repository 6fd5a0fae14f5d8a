import Fluent

/// Emerging concerns shared between signatories, their regulatory review panels, and the log of
/// who saw or changed what. `parties` is the codes of every signatory a concern is shared with,
/// `,`-separated with one at each end (`,GMC,NMC,`), so a query can narrow by party; the rule
/// itself is always asked of the domain.
struct M025_CreateEmergingConcerns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("emerging_concerns")
            .id()
            .field("number", .int, .required).unique(on: "number")
            .field("reference", .string, .required).unique(on: "reference")
            .field("raised_by", .string, .required)
            .field("region_code", .string, .required)
            .field("organisation_code", .string, .required)
            .field("parties", .string, .required)
            .field("body_json", .string, .required)
            .field("raised_at", .datetime, .required)
            .create()
        try await database.schema("emerging_concern_access")
            .id()
            .field("concern_reference", .string, .required)
            .field("user_id", .string, .required)
            .field("user_name", .string, .required)
            .field("organisation", .string, .required)
            .field("kind", .string, .required)
            .field("what", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema("emerging_concern_history")
            .id()
            .field("concern_reference", .string, .required)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("change", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["emerging_concern_history", "emerging_concern_access", "emerging_concerns"] {
            try await database.schema(table).delete()
        }
    }
}
