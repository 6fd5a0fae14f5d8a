import EduQualityDomain
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("The concern form and the follow-up page, as a learner reads them")
struct ConcernFormPagesTests {
    static let minimal = ["category": "supervision", "whatHappened": "No supervisor on nights.", "pathway": "1"]

    @Test("sites are grouped under their organisation, to be narrowed by the chosen one, and a site of another organisation is refused")
    func sitesFollowTheOrganisation() async throws {
        try await withTestApp(.sqlite) { app in
            let b = TestBrowser(app)
            // MUT
            let page = try await b.get("/concerns/new").body.string
            // validate: without JavaScript the sites are grouped; the script narrows the groups
            #expect(page.contains("data-eq-groups-follow=\"organisation\""))
            let group = try #require(page.range(of: "<optgroup label=\"Thamesbank University Hospitals NHS Foundation Trust\" data-eq-belongs-to=\"T001\">"))
            let groupEnd = try #require(page.range(of: "</optgroup>", range: group.upperBound..<page.endIndex))
            #expect(page[group.upperBound..<groupEnd.lowerBound].contains("<option value=\"T001-01\">Thamesbank General Hospital</option>"))
            #expect(!page.contains(">Thamesbank University Hospitals NHS Foundation Trust: Thamesbank General Hospital<"))
            let res = try await b.post("/concerns/new", form: Self.minimal.merging(
                ["howRaised": "anonymous", "organisation": "T001", "site": "T002-01"]) { $1 })
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("href=\"#site\"") && res.body.string.contains("Choose a site of the organisation you chose"))
        }
    }

    @Test("name and email show only for an open or confidential concern, the recipient only at pathway 1")
    func conditionalSections() async throws {
        try await withTestApp(.sqlite) { app in
            let page = try await TestBrowser(app).get("/concerns/new").body.string
            #expect(page.contains("data-eq-revealed-by=\"howRaised\" data-eq-revealed-for=\"open confidential\""))
            #expect(page.contains("data-eq-revealed-by=\"pathway\" data-eq-revealed-for=\"1\""))
            let identity = try #require(page.range(of: "data-eq-revealed-by=\"howRaised\""))
            let recipient = try #require(page.range(of: "data-eq-revealed-by=\"pathway\""))
            let name = try #require(page.range(of: "id=\"reporterName\""))
            let sendTo = try #require(page.range(of: "At pathway 1, send it to"))
            #expect(identity.upperBound < name.lowerBound && name.lowerBound < page.range(of: "id=\"organisation\"")!.lowerBound)
            #expect(recipient.upperBound < sendTo.lowerBound)
        }
    }

    @Test("a signed-in learner finds their name and email filled in")
    func signedInNameFilled() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let learner = try await TestAccounts.browser(app, as: .learner)
            let page = try await learner.get("/concerns/new").body.string
            #expect(page.contains("id=\"reporterName\" name=\"reporterName\" type=\"text\" value=\"Test \(Role.learner.displayName)\""))
            #expect(page.contains("value=\"\(TestAccounts.email(.learner))\""))
            #expect(try await TestBrowser(app).get("/concerns/new").body.string.contains("id=\"reporterName\" name=\"reporterName\" type=\"text\" value=\"\""))
        }
    }

    @Test("an unknown organisation is the organisation field's error; there is no region field to blame")
    func unknownOrganisation() async throws {
        try await withTestApp(.sqlite) { app in
            let b = TestBrowser(app)
            try await b.get("/concerns/new")
            for organisation in ["ZZ999", ""] {
                let res = try await b.post("/concerns/new", form: Self.minimal.merging(["howRaised": "anonymous", "organisation": organisation]) { $1 })
                let html = res.body.string
                #expect(res.status == .badRequest)
                #expect(html.contains("href=\"#organisation\""), "\(organisation)")
                #expect(!html.contains("#region") && !html.contains("region of your placement"), "\(organisation)")
            }
        }
    }

    @Test("follow-up dates read like 31 December 2026; a resolved concern expects nothing more; the page says when it can be escalated")
    func followUpPage() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await ConcernAPI.raise(app)
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(created.reference)!
            let respondBy = concern.currentStage.respondBy.longDescription
            let b = TestBrowser(app)
            try await b.get("/concerns/follow-up")
            // MUT: open at pathway 1
            var html = try await b.post("/concerns/follow-up", form: ["receiptCode": created.receiptCode!]).body.string
            // validate
            #expect(html.contains("id=\"respond-by\">\(respondBy)<"))
            #expect(html.contains("<strong>\(CalendarDay.today().longDescription)</strong>"))
            #expect(!html.contains(CalendarDay.today().iso))
            #expect(html.contains("You can escalate it to pathway 2: your education provider or school with the form below: now, if this pathway is not appropriate"))
            #expect(html.contains("after \(respondBy), if there is no outcome by then"))
            // MUT: resolved by the handlers
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            try await lead.get("/concerns/cases/\(created.reference)")
            #expect(try await lead.post("/concerns/cases/\(created.reference)/acknowledge", form: [:]).status == .seeOther)
            #expect(try await lead.post("/concerns/cases/\(created.reference)/resolve", form: ["text": "Rota fixed"]).status == .seeOther)
            html = try await b.post("/concerns/follow-up", form: ["receiptCode": created.receiptCode!]).body.string
            // validate
            #expect(!html.contains("Expect an outcome by"))
            #expect(html.contains("now, if you are not satisfied with the outcome, with the form below"))
        }
    }
}
