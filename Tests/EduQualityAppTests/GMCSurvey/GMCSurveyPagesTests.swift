import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("GMC survey pages")
struct GMCSurveyPagesTests {
    typealias F = GMCSurveyFixtures

    /// The test app with the London rows and the South East row imported.
    static func withResults(_ db: TestDatabase = .sqlite, _ body: (Application) async throws -> Void) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let token = try await F.token(.nationalQualityLead, app)
            let res = try await F.postCSV(app, F.file(F.londonRows[0], F.londonRows[1], F.londonRows[2], F.southEastRow), token: token)
            precondition(res.status == .ok)
            try await body(app)
        }
    }

    @Test("an organisation's results are shown to its region's team, the national lead and its own provider lead",
          arguments: TestDatabase.all)
    func whoSeesWhat(db: TestDatabase) async throws {
        try await Self.withResults(db) { app in
            let path = "/quality/organisations/T001/gmc-survey"
            let other = "/quality/organisations/T010/gmc-survey"
            for role in [Role.regionalQualityTeam, .nationalQualityLead, .providerEducationLead] {
                let browser = try await TestAccounts.browser(app, as: role)
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(role)")
                #expect(page.body.string.contains("Workload") && page.body.string.contains("48.5"))
                #expect(page.body.string.contains("eq-flag--red\">Red<span class=\"nhsuk-u-visually-hidden\">: below outlier"))
                #expect(page.body.string.contains("Whole organisation"))
                #expect(!page.body.string.contains("Teamwork"), "T002's result is not on T001's page")
                let elsewhere = try await browser.get(other)
                #expect(elsewhere.status == (role == .nationalQualityLead ? .ok : .forbidden), "\(role) T010")
            }
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await provider.get("/quality/organisations/T002/gmc-survey").status == .forbidden)
            for role in [Role.regulatorLiaison, .administrator, .educator, .learner, .ftsuGuardian] {
                let browser = try await TestAccounts.browser(app, as: role)
                #expect(try await browser.get(path).status == .forbidden, "\(role)")
                #expect(try await browser.get("/quality/gmc-survey").status == .forbidden, "\(role)")
            }
            #expect(try await TestBrowser(app).get(path).status == .unauthorized)
            #expect(try await TestBrowser(app).get("/quality/gmc-survey").status == .unauthorized)
        }
    }

    @Test("the results list filters by year and refuses a bad year or an unknown organisation")
    func filters() async throws {
        try await Self.withResults { app in
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            #expect(try await team.get("/quality/organisations/T001/gmc-survey?year=2026").body.string.contains("48.5"))
            let none = try await team.get("/quality/organisations/T001/gmc-survey?year=2019")
            #expect(none.status == .ok && none.body.string.contains("No results have been imported for"))
            #expect(try await team.get("/quality/organisations/T001/gmc-survey?year=twenty").status == .badRequest)
            #expect(try await team.get("/quality/organisations/T001/gmc-survey?page=0").status == .badRequest)
            #expect(try await team.get("/quality/organisations/NOPE/gmc-survey").status == .notFound)
        }
    }

    @Test("the index lists only organisations in scope with results, and offers the upload to importers")
    func index() async throws {
        try await Self.withResults { app in
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let teamPage = try await team.get("/quality/gmc-survey").body.string
            #expect(teamPage.contains("/quality/organisations/T001/gmc-survey") && teamPage.contains("/quality/organisations/T002/gmc-survey"))
            #expect(!teamPage.contains("/quality/organisations/T010/gmc-survey"))
            #expect(teamPage.contains("Import a results file"))
            #expect(teamPage.contains("href=\"/quality/gmc-survey\""), "linked from the menu")
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            let leadPage = try await lead.get("/quality/gmc-survey").body.string
            #expect(leadPage.contains("/quality/organisations/T001/gmc-survey") && !leadPage.contains("/quality/organisations/T002/gmc-survey"))
            #expect(!leadPage.contains("Import a results file"))
            #expect(try await lead.post("/quality/gmc-survey", form: [:]).status == .forbidden)
        }
    }

    @Test("an upload with errors lists them by line and stores nothing; a good one is imported, or only checked")
    func upload() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            // MUT: a bad file
            let bad = try await F.upload(team, F.file(F.londonRows[0], F.southEastRow, "2026,T001,T002-01,acute-medicine,workload,50,red"))
            #expect(bad.status == .badRequest)
            let html = bad.body.string
            #expect(html.contains("The file has 2 errors; nothing was imported."))
            #expect(html.contains("<td class=\"nhsuk-table__cell\">3</td><td class=\"nhsuk-table__cell\">organisation</td>"))
            #expect(html.contains("site &quot;T002-01&quot; belongs to organisation &quot;T002&quot;, not &quot;T001&quot;"))
            #expect(try await GMCSurveyResultRecord.query(on: app.db).count() == 0)
            // a check only
            let checked = try await F.upload(team, F.file(F.londonRows[0], F.londonRows[1]), dryRun: true)
            #expect(checked.status == .ok && checked.body.string.contains("The file is valid: 2 results would be imported"))
            #expect(try await GMCSurveyResultRecord.query(on: app.db).count() == 0)
            // the import
            let good = try await F.upload(team, F.file(F.londonRows[0], F.londonRows[1]))
            #expect(good.status == .ok && good.body.string.contains("2 results imported; 0 already stored were skipped."))
            #expect(try await GMCSurveyResultRecord.query(on: app.db).count() == 2)
            // no file
            try await team.get("/quality/gmc-survey")
            let none = try await F.upload(team, "")
            #expect(none.status == .badRequest && none.body.string.contains("Choose a CSV file of GMC survey results"))
        }
    }

    @Test("the demo file loads across regions with every flag, and loading it again adds nothing")
    func demoFile() async throws {
        try await withTestApp(.sqlite) { app in
            try await DemoSeeder.importDemoGMCSurvey(app)
            let count = try await GMCSurveyResultRecord.query(on: app.db).count()
            try await DemoSeeder.importDemoGMCSurvey(app)
            #expect(try await GMCSurveyResultRecord.query(on: app.db).count() == count)
            #expect((60...150).contains(count))
            let records = try await GMCSurveyResultRecord.query(on: app.db).all()
            #expect(Set(records.map(\.flag)) == Set(GMCFlag.allCases.map(\.rawValue)))
            #expect(records.contains { $0.organisationCode == "T001" && $0.flag == "red" })
        }
    }
}
