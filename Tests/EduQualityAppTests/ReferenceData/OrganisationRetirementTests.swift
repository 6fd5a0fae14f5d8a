import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Retired organisations")
struct OrganisationRetirementTests {
    @Test("a retired organisation leaves every new choice, stays on its records, and can be reinstated",
          arguments: TestDatabase.all)
    func retireAndReinstate(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: a concern already raised at T001
            try await TestAccounts.createAll(on: app)
            let earlier = try await ConcernAPI.raise(app, organisation: "T001", site: nil)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let list = try await admin.get("/admin/organisations?q=T001").body.string
            #expect(list.contains("action=\"/admin/organisations/T001/retire\""))
            // MUT
            let retired = try await admin.post("/admin/organisations/T001/retire", form: [:])
            // validate: audited, marked on the page
            #expect(retired.status == .seeOther)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "organisation.retire").first())
            #expect(entry.entityID == "T001")
            let page = try await admin.get("/admin/organisations?q=T001").body.string
            #expect(page.contains("Retired on ") && page.contains("action=\"/admin/organisations/T001/reinstate\""))
            #expect(try await admin.post("/admin/organisations/T001/retire", form: [:]).status == .conflict)
            // no new choice offers it
            let api = try await admin.get("/api/v1/organisations").body.string
            #expect(!api.contains("\"T001\"") && api.contains("\"T002\""))
            #expect(try await admin.get("/api/v1/organisations?includeRetired=true").body.string.contains("\"T001\""))
            #expect(try await admin.get("/api/v1/organisations?includeRetired=perhaps").status == .badRequest)
            #expect(!(try await TestBrowser(app).get("/concerns/new").body.string.contains("value=\"T001\"")))
            #expect(!(try await SurveyChoices.load(app.db).organisations.contains { $0.code == "T001" }))
            await #expect(throws: UnknownScopeCode.self) {
                try await Grant.resolve(.providerEducationLead, scopeCode: "T001", on: app.db)
            }
            var headers = HTTPHeaders()
            headers.contentType = .json
            let refused = try await app.testing().sendRequest(.POST, "/api/v1/concerns", headers: headers, body: ByteBuffer(string:
                #"{"anonymity":"anonymous","organisation":"T001","category":"supervision","pathway":1,"description":"No supervisor."}"#))
            #expect(refused.status == .badRequest && refused.body.string.contains("organisation"))
            // the earlier concern still names it
            #expect(try await ConcernAPI.followUp(app, code: earlier.receiptCode!).status == .ok)
            #expect(try await ConcernRecord.query(on: app.db).filter(\.$organisation == "T001").count() == 1)
            // reinstated, it is offered again
            #expect(try await admin.post("/admin/organisations/T001/reinstate", form: [:]).status == .seeOther)
            #expect(try await admin.get("/api/v1/organisations").body.string.contains("\"T001\""))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "organisation.reinstate").count() == 1)
        }
    }

    @Test("only reference data managers may retire an organisation")
    func onlyManagers() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            try await team.get("/account")
            #expect(try await team.post("/admin/organisations/T001/retire", form: [:]).status == .forbidden)
            #expect(try await Organisation.inUse(on: app.db).filter(\.$code == "T001").count() == 1)
        }
    }
}
