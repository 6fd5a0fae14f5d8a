import EduQualityDomain
import Fluent
import Foundation
import SQLKit

/// The Quality Framework as numbered versions, and the crosswalks from its standards to
/// regulators' standards. The single, edited-in-place `quality_standards` table of M001 becomes
/// version 1 (its rows are copied, then the table is dropped); a database without standards
/// yet gets version 1 from the seed file instead.
struct M017_CreateQualityFrameworkVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("quality_framework_versions")
            .id()
            .field("number", .int, .required).unique(on: "number")
            .field("effective_on", .string)
            .field("created_by", .string, .required)
            .field("published_by", .string)
            .create()
        try await database.schema("quality_framework_domains")
            .id()
            .field("version", .int, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("position", .int, .required)
            .unique(on: "version", "code")
            .create()
        try await database.schema("quality_framework_standards")
            .id()
            .field("version", .int, .required)
            .field("domain_code", .string, .required)
            .field("code", .string, .required)
            .field("text", .string, .required)
            .field("position", .int, .required)
            .unique(on: "version", "code")
            .create()
        try await database.schema("crosswalk_schemes")
            .id()
            .field("scheme", .string, .required).unique(on: "scheme")
            .field("name", .string, .required)
            .field("note", .string)
            .field("position", .int, .required)
            .create()
        try await database.schema("crosswalk_links")
            .id()
            .field("scheme", .string, .required)
            .field("regulator_code", .string, .required)
            .field("regulator_text", .string, .required)
            .field("standard_code", .string, .required)
            .field("position", .int, .required)
            .unique(on: "scheme", "regulator_code", "standard_code")
            .create()
        try await copyStandardsIntoVersion1(database as! any SQLDatabase)
        try await database.schema("quality_standards").delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("quality_standards")
            .id()
            .field("domain_number", .int, .required)
            .field("domain_name", .string, .required)
            .field("code", .string, .required).unique(on: "code")
            .field("text", .string, .required)
            .create()
        try await copyLatestVersionBack(database as! any SQLDatabase)
        for schema in ["crosswalk_links", "crosswalk_schemes", "quality_framework_standards",
                       "quality_framework_domains", "quality_framework_versions"] {
            try await database.schema(schema).delete()
        }
    }

    private struct OldStandard: Decodable {
        let domain_number: Int, domain_name: String, code: String, text: String
    }

    private func copyStandardsIntoVersion1(_ sql: any SQLDatabase) async throws {
        let rows = try await sql.select().columns("domain_number", "domain_name", "code", "text")
            .from("quality_standards").all(decoding: OldStandard.self)
        guard !rows.isEmpty else { return }
        let today = CalendarDay.today().iso
        try await sql.insert(into: "quality_framework_versions")
            .columns("id", "number", "effective_on", "created_by", "published_by")
            .values(SQLBind(UUID()), SQLBind(1), SQLBind(today), SQLBind("system:migration"), SQLBind("system:migration"))
            .run()
        let sorted = rows.sorted { ($0.domain_number, Self.suffix($0.code)) < ($1.domain_number, Self.suffix($1.code)) }
        var domainsDone: Set<Int> = []
        for (position, row) in sorted.enumerated() {
            if domainsDone.insert(row.domain_number).inserted {
                try await sql.insert(into: "quality_framework_domains")
                    .columns("id", "version", "code", "name", "position")
                    .values(SQLBind(UUID()), SQLBind(1), SQLBind(String(row.domain_number)), SQLBind(row.domain_name),
                            SQLBind(domainsDone.count - 1))
                    .run()
            }
            try await sql.insert(into: "quality_framework_standards")
                .columns("id", "version", "domain_code", "code", "text", "position")
                .values(SQLBind(UUID()), SQLBind(1), SQLBind(String(row.domain_number)), SQLBind(row.code),
                        SQLBind(row.text), SQLBind(position))
                .run()
        }
    }

    private struct NewStandard: Decodable { let domain_code: String, code: String, text: String }
    private struct NewDomain: Decodable { let code: String, name: String }
    private struct Latest: Decodable { let number: Int? }

    /// M001's table holds one framework: the latest published version's standards whose domain
    /// code is a number (the only kind M001 could hold).
    private func copyLatestVersionBack(_ sql: any SQLDatabase) async throws {
        guard let latest = try await sql.select().column(SQLFunction("MAX", args: SQLColumn("number")), as: "number")
            .from("quality_framework_versions").where("effective_on", .isNot, SQLLiteral.null)
            .first(decoding: Latest.self)?.number else { return }
        let domains = try await sql.select().columns("code", "name").from("quality_framework_domains")
            .where("version", .equal, SQLBind(latest)).all(decoding: NewDomain.self)
        let names = Dictionary(uniqueKeysWithValues: domains.map { ($0.code, $0.name) })
        let standards = try await sql.select().columns("domain_code", "code", "text").from("quality_framework_standards")
            .where("version", .equal, SQLBind(latest)).all(decoding: NewStandard.self)
        for s in standards {
            guard let number = Int(s.domain_code) else { continue }
            try await sql.insert(into: "quality_standards")
                .columns("id", "domain_number", "domain_name", "code", "text")
                .values(SQLBind(UUID()), SQLBind(number), SQLBind(names[s.domain_code] ?? ""), SQLBind(s.code), SQLBind(s.text))
                .run()
        }
    }

    private static func suffix(_ code: String) -> Int { Int(code.split(separator: ".").last ?? "") ?? 0 }
}
