import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Survey comment triage")
struct CommentTriageTests {
    /// A patient-safety comment at T001 (London) and a bullying one at T010 (South East).
    static func seed(_ app: Application) async throws -> (london: Int, southEast: Int) {
        func comment(_ org: String, _ region: String, _ kind: String, _ text: String, score: Int, keywords: String) async throws -> Int {
            let c = SurveyCommentRecord()
            c.roundCode = "NETS-2026"; c.questionCode = "PS1"; c.kind = kind; c.text = text; c.submittedOn = "2026-11-20"
            c.profession = "student-nurse"; c.organisation = org; c.region = region; c.site = nil
            c.placementType = "hospital-inpatient"; c.keywordScore = score; c.keywords = keywords
            c.triageStatus = CommentTriageOutcome.untriaged.rawValue
            try await c.create(on: app.db)
            return c.id!
        }
        let london = try await comment("T001", "LDN", "patient-safety", "Patients were left unsafe overnight.", score: 10, keywords: "patient-safety")
        let southEast = try await comment("T010", "SE", "could-be-improved", "I was shouted at by a consultant.", score: 8, keywords: "bullying-undermining")
        return (london, southEast)
    }

    @Test("a regional team sees its region's comments only, never a respondent", arguments: TestDatabase.all)
    func scope(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await Self.seed(app)
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let page = try await region.get("/triage").body.string
            #expect(page.contains("Patients were left unsafe overnight."))
            #expect(!page.contains("shouted at"))
            #expect(try await region.get("/triage?region=SE").status == .forbidden)
            let national = try await TestAccounts.browser(app, as: .nationalQualityLead)
            #expect(try await national.get("/triage").body.string.contains("shouted at"))
            for role in [Role.learner, .providerEducationLead, .administrator] {
                #expect(try await TestAccounts.browser(app, as: role).get("/triage").status == .forbidden)
            }
            #expect(try await TestBrowser(app).get("/triage").status == .unauthorized)
        }
    }

    @Test("an immediate serious risk is shared with the provider and opened as a concern", arguments: TestDatabase.all)
    func seriousRisk(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let (london, southEast) = try await Self.seed(app)
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            try await region.get("/triage")
            // another region's comment cannot be triaged from here
            #expect(try await region.post("/triage/\(southEast)", form: ["outcome": "no-action"]).status == .forbidden)
            #expect(try await region.post("/triage/\(london)", form: ["outcome": ""]).status == .badRequest)
            let res = try await region.post("/triage/\(london)", form: ["outcome": "immediate-serious-risk", "note": "Escalated"])
            #expect(res.status == .seeOther)
            let comment = try await SurveyCommentRecord.find(london, on: app.db)!
            #expect(comment.triageStatus == "immediate-serious-risk")
            let reference = try #require(comment.concernReference)
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(reference)!
            #expect(concern.category == .patientSafety && concern.pathway == .placementProvider)
            #expect(concern.handlingBody == .organisation("T001", site: nil))
            // the provider is told and can read it
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await lead.get("/comments/shared").body.string.contains("Patients were left unsafe overnight."))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "shared-comment").count() >= 1)
            // a triaged comment stays triaged
            #expect(try await region.post("/triage/\(london)", form: ["outcome": "no-action"]).status == .conflict)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "survey-comment.triage").count() == 1)
        }
    }
}
