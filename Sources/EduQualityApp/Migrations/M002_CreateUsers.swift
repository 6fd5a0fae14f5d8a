import Fluent

struct M002_CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("email", .string, .required).unique(on: "email")
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("is_active", .bool, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema("role_grants")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("region_code", .string)
            .field("organisation_code", .string)
            .field("site_code", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("role_grants").delete()
        try await database.schema("users").delete()
    }
}
