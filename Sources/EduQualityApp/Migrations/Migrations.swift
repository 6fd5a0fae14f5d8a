import Fluent
import Vapor

enum AppMigrations {
    /// In order; a migration that has landed is never edited, only followed by a new one.
    static let all: [any Migration] = [
        M001_CreateReferenceData(),
        M002_CreateUsers(),
        M003_CreateAuditLog(),
        SessionRecord.migration,
        M004_CreateConcerns(),
        M005_CreateOutbox(),
        M006_CreateAPITokens(),
        M007_CreateSurvey(),
        M010_CreateGuardianDirectory(),
        M011_CreateSpeakUpCases(),
        M008_CreateSurveyDrafts(),
        M012_CreateRoundVersions(),
        M013_CreateLoginThrottles(),
        M014_CreatePendingAuditEvents(),
    ]
}
