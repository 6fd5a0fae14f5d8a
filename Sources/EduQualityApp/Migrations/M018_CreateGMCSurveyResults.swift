import Fluent
import SQLKit

/// Imported GMC national training survey results, one row per result, unique by reference.
struct M018_CreateGMCSurveyResults: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("gmc_survey_results")
            .id()
            .field("reference", .string, .required).unique(on: "reference")
            .field("year", .int, .required)
            .field("organisation_code", .string, .required)
            .field("site_code", .string, .required)
            .field("specialty_code", .string, .required)
            .field("indicator_code", .string, .required)
            .field("score", .double, .required)
            .field("flag", .string, .required)
            .field("imported_on", .string, .required)
            .field("imported_by", .string, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "gmc_survey_results_organisation_year")
            .on("gmc_survey_results").column("organisation_code").column("year").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "gmc_survey_results_organisation_year").run()
        try await database.schema("gmc_survey_results").delete()
    }
}
