import Fluent
import Vapor

enum AppMigrations {
    /// In the order they run; a migration that has landed is never edited, only followed by a new
    /// one, and never reordered (Fluent records them by name, and databases in use ran them in
    /// this order). Numbers are names, not positions: M008 (survey drafts) and M010/M011 (speak
    /// up) were written on two branches at once and landed with the speak-up pair first; M009
    /// was never used. Migrations name their tables literally, so that renaming a model cannot
    /// change what a landed migration does.
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
        M015_AddReceiptDigests(),
        M016_AddOrganisationRetirement(),
        M017_CreateQualityFrameworkVersions(),
        M018_CreateGMCSurveyResults(),
        M020_CreateQualityRegister(),
        M021_CreateIntensiveSupport(),
        M022_CreateReviews(),
        M023_CreateSelfAssessments(),
        M024_CreateSharedLimitsAndJobLeases(),
        M025_CreateEmergingConcerns(),
        M026_AddAccountSecurity(),
        M027_CreateImpactAssessments(),
        M028_CreateEarlyWarningDecisions(),
    ]
}
