import EduQualityDomain
import Fluent
import Vapor

/// `eduquality serve --demo`: a realistic demonstration on top of the reference data — every
/// region, 60-odd fictional organisations of every type with their sites, and one account per
/// role whose password is printed on start.
struct DemoSeeder {
    let app: Application

    struct Account: Sendable {
        let email: String
        let name: String
        let role: Role
        let scope: String?
    }

    static let accounts: [Account] = [
        .init(email: "learner@demo.eduquality.test", name: "Alex Learner", role: .learner, scope: nil),
        .init(email: "educator@demo.eduquality.test", name: "Sam Educator", role: .educator, scope: "T001-01"),
        .init(email: "provider-lead@demo.eduquality.test", name: "Priya Provider Lead", role: .providerEducationLead, scope: "T001"),
        .init(email: "university-lead@demo.eduquality.test", name: "Uma University Lead", role: .educationProviderLead, scope: "H008"),
        .init(email: "guardian@demo.eduquality.test", name: "Gabriel Guardian", role: .ftsuGuardian, scope: "T001"),
        .init(email: "regional-team@demo.eduquality.test", name: "Rowan Regional Team", role: .regionalQualityTeam, scope: "LDN"),
        .init(email: "national-lead@demo.eduquality.test", name: "Nia National Lead", role: .nationalQualityLead, scope: nil),
        .init(email: "regulator@demo.eduquality.test", name: "Reg Liaison", role: .regulatorLiaison, scope: "GMC"),
        .init(email: "regulator-nmc@demo.eduquality.test", name: "Nell NMC Liaison", role: .regulatorLiaison, scope: "NMC"),
        .init(email: "reviewer@demo.eduquality.test", name: "Robin Reviewer", role: .reviewer, scope: nil),
        .init(email: "admin@demo.eduquality.test", name: "Ada Administrator", role: .administrator, scope: nil),
    ]

    /// Seeds the demo and returns the accounts' shared password (`DEMO_PASSWORD`, or made up).
    func seed() async throws -> String {
        let seeder = ReferenceDataSeeder(directory: app.config.seedDirectory)
        try await seeder.seedReference(on: app.db)
        _ = try await seeder.seedOrganisations(file: "demo/organisations.json", on: app.db)
        let password = Environment.get("DEMO_PASSWORD") ?? TemporaryPassword.generate()
        let hash = try await app.password.async.hash(password)
        for a in Self.accounts {
            let grant = try await Grant.resolve(a.role, scopeCode: a.scope, on: app.db)
            try await AccountProvisioning.upsert(email: a.email, name: a.name, passwordHash: hash, grant: grant, on: app.db)
        }
        // The demo is tried with the shared password alone: no role must use two-step sign-in
        // unless an administrator of the demo chooses one (it can still be turned on per account).
        if try await AccountSettingRecord.find(TwoStepRequirement.key, on: app.db) == nil {
            try await TwoStepRequirement.save([], actor: "system:demo", on: app.db)
        }
        let responses = try await SurveyDemoSeeder(db: app.db, catalog: app.surveyCatalog, keywords: app.commentKeywords).seed()
        if responses > 0 { app.logger.info("Demo survey responses generated: \(responses)") }
        try await Self.publishDemoRounds(app)
        try await SpeakUpDemoSeeder(app: app).seed()
        try await Self.importDemoGMCSurvey(app)
        try await QualityDemoSeeder(app: app).seed()
        try await ReviewDemoSeeder(app: app).seed()
        try await SelfAssessmentDemoSeeder(app: app).seed()
        try await EmergingConcernDemoSeeder(app: app).seed()
        try await ImpactAssessmentDemoSeeder(app: app).seed()
        try await EarlyWarningDemoSeeder(app: app).seed()
        return password
    }

    /// Past rounds published, as a national lead would have.
    static func publishDemoRounds(_ app: Application) async throws {
        let versions = app.roundVersions(actor: "system:demo")
        for (record, round) in try await app.surveyCatalog.allRounds() where round.state(on: .today()) == .closed {
            if try await !versions.history(of: record, round).isPublished { _ = try await versions.publish(record.code) }
        }
    }

    /// `Seed/demo/gmc-survey-2026.csv`, imported as a national lead would (again, it adds nothing).
    static func importDemoGMCSurvey(_ app: Application) async throws {
        let path = app.config.seedDirectory + "/demo/gmc-survey-2026.csv"
        guard let data = FileManager.default.contents(atPath: path) else { throw SeedError("cannot read \(path)") }
        let national = Actor(userID: "system:demo", assignments: [try RoleAssignment(role: .nationalQualityLead, scope: .national)])
        do {
            _ = try await GMCSurveyImporter(db: app.db, actor: national, auditActor: "system:demo").run([UInt8](data))
        } catch let refused as GMCSurveyFileRefused {
            throw SeedError("\(path): " + refused.errors.map(\.description).joined(separator: "; "))
        }
    }

    static func banner(password: String) -> String {
        var lines = ["", "EduQuality demo — sign in at http://127.0.0.1:8080/login with any of these accounts",
                     "(password for all of them: \(password))", ""]
        for a in accounts {
            let scope = a.scope.map { " [\($0)]" } ?? ""
            lines.append("  \(a.email.padding(toLength: 40, withPad: " ", startingAt: 0)) \(a.role.displayName)\(scope)")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
