import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// The reviews' staff pages, as the quality team and the provider use them: a review planned,
/// visited, its finding answered with evidence and accepted, its report through factual accuracy
/// to publication; refused changes show the page again and change nothing; requirements open and
/// update register entries; each page keeps to what its visitor may see.
@Suite("Review and requirement pages")
struct ReviewPagesTests {
    @Test("a review walks from planning to publication through the pages", arguments: TestDatabase.all)
    func walk(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            let visit = CalendarDay.today().adding(days: -2).iso

            #expect(try await team.get("/quality/reviews/new").body.string.contains("Plan a review"))
            let refused = try await team.post("/quality/reviews/new", fields: [("type", "risk-based"), ("organisation", "T001"), ("plannedOn", "soon")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("href=\"#plannedOn\""), "\(refused.body.string)")
            #expect(try await ReviewRecord.query(on: app.db).count() == 0)
            let planned = try await team.post("/quality/reviews/new", fields: [
                ("type", "risk-based"), ("organisation", "T001"), ("professions", "doctor-foundation"), ("plannedOn", visit)])
            #expect(planned.status == .seeOther)
            #expect(planned.headers.first(name: .location) == "/quality/reviews/RV-00001?done=planned")
            let id = "RV-00001"
            let page = try await team.get("/quality/reviews/\(id)?done=planned")
            #expect(page.body.string.contains("The review has been planned."))
            #expect(page.body.string.contains("Move to Evidence gathering"))

            let conflicted = try await team.post("/quality/reviews/\(id)/panel", form: [
                "panelName": "Dr Conflicted", "panelRole": "specialty-expert", "panelConflicts": "T001"])
            #expect(conflicted.status == .badRequest)
            #expect(conflicted.body.string.contains("href=\"#panelConflicts\""), "\(conflicted.body.string)")
            #expect(try await team.post("/quality/reviews/\(id)/panel", form: [
                "panelName": "Robin Reviewer", "panelRole": "lead", "panelUserID": TestAccounts.email(.reviewer)]).status == .seeOther)
            #expect(try await team.post("/quality/reviews/\(id)/evidence", form: [
                "evidenceKind": "register-entry", "evidenceReference": "QR-00042"]).status == .badRequest)
            #expect(try await team.post("/quality/reviews/\(id)/status", form: [:]).status == .seeOther)
            #expect(try await team.post("/quality/reviews/\(id)/status", form: ["statusOn": visit]).status == .seeOther)
            let reviewer = try await TestAccounts.browser(app, as: .reviewer)
            #expect(try await reviewer.post("/quality/reviews/\(id)/met", form: [
                "metProfession": "doctor-foundation", "metLevel": "foundation", "metCount": "6"]).status == .seeOther)
            #expect(try await reviewer.post("/quality/reviews/\(id)/grades", form: [
                "gradePlacement": "Ward 4", "gradeGrade": "inadequate", "gradeToMoveUp": "Supervision"]).status == .badRequest)
            #expect(try await reviewer.post("/quality/reviews/\(id)/grades", form: [
                "gradePlacement": "Ward 4", "gradeGrade": "good", "gradeToMoveUp": "Protected teaching time"]).status == .seeOther)
            let standard = try await QualityFrameworkStore.current(on: app.db).standardCodes[0]
            #expect(try await reviewer.post("/quality/reviews/\(id)/requirements", fields: [
                ("requirementKind", "immediate-mandatory"), ("requirementText", "Named senior supervisor on every night shift"),
                ("requirementStandards", standard)]).status == .seeOther)
            let rid = "\(id)-IMR1"
            let reviewPage = try await team.get("/quality/reviews/\(id)").body.string
            for part in [rid, "Robin Reviewer", "Ward 4", "Good", "6", "History"] {
                #expect(reviewPage.contains(part), "\(part)")
            }

            // The provider answers on the requirement's page, with a file; the team accepts it there.
            let providerView = try await provider.get("/quality/requirements/\(rid)")
            #expect(providerView.status == .ok)
            #expect(providerView.body.string.contains("Post an update"))
            #expect(!providerView.body.string.contains("Record the decision"))
            let empty = try await ReviewsWebTests.update(provider, rid, text: " ", name: "rota.pdf", bytes: Array(ReviewsWebTests.pdf.utf8),
                                                        path: "/quality/requirements/\(rid)/updates")
            #expect(empty.status == .badRequest)
            #expect(try await EvidenceFileRecord.query(on: app.db).count() == 0)
            let posted = try await ReviewsWebTests.update(provider, rid, text: "Supervisor named on the rota", name: "rota.pdf",
                                                         bytes: Array(ReviewsWebTests.pdf.utf8), path: "/quality/requirements/\(rid)/updates")
            #expect(posted.status == .seeOther, "\(posted.body.string)")
            let file = try #require(try await EvidenceFileRecord.query(on: app.db).first())
            let teamView = try await team.get("/quality/requirements/\(rid)").body.string
            #expect(teamView.contains("/quality/evidence/\(file.id!.uuidString)"))
            #expect(teamView.contains("Record the decision"))
            #expect(try await team.post("/quality/requirements/\(rid)/decision", form: ["decision": "accept", "reason": " "]).status == .badRequest)
            #expect(try await provider.post("/quality/requirements/\(rid)/decision", form: ["decision": "accept", "reason": "Mine"]).status == .forbidden)
            #expect(try await team.post("/quality/requirements/\(rid)/decision", form: ["decision": "accept", "reason": "Rota seen"]).status == .seeOther)
            #expect(try await RequirementStore.status(rid, app) == .closed)

            // The report, through factual accuracy, on the review's page.
            #expect(try await team.post("/quality/reviews/\(id)/status", form: [:]).status == .seeOther)
            #expect(try await provider.get("/quality/reviews/\(id)").body.string.contains("Report:") == false)
            let partial = try await team.post("/quality/reviews/\(id)/report/transition", form: ["reportTo": "factual-accuracy"])
            #expect(partial.status == .badRequest)
            #expect(partial.body.string.contains("href=\"#what-works-well\""))
            var sections: [String: String] = [:]
            for s in ReportSection.allCases { sections[s.rawValue] = "Text of \(s.displayName)" }
            #expect(try await team.post("/quality/reviews/\(id)/report", form: sections).status == .seeOther)
            #expect(try await team.post("/quality/reviews/\(id)/report/transition", form: ["reportTo": "factual-accuracy"]).status == .seeOther)
            let withProvider = try await provider.get("/quality/reviews/\(id)").body.string
            #expect(withProvider.contains("Comment on the report"))
            #expect(!withProvider.contains("Evidence pack"))
            #expect(!withProvider.contains("History"))
            #expect(try await provider.post("/quality/reviews/\(id)/report/comments", form: ["commentSection": "overview", "commentText": " "]).status == .badRequest)
            #expect(try await provider.post("/quality/reviews/\(id)/report/comments", form: ["commentSection": "overview", "commentText": "Wrong date"]).status == .seeOther)
            #expect(try await team.post("/quality/reviews/\(id)/report/comments/1/outcome", form: ["outcome": "accepted"]).status == .badRequest)
            #expect(try await team.post("/quality/reviews/\(id)/report/comments/1/outcome",
                                        form: ["outcome": "accepted", "response": "Fixed"]).status == .seeOther)
            #expect(try await provider.post("/quality/reviews/\(id)/report/done", form: [:]).status == .seeOther)
            #expect(try await TestBrowser(app).get("/reviews/\(id)").status == .notFound)
            #expect(try await team.post("/quality/reviews/\(id)/report/transition", form: ["reportTo": "published"]).status == .seeOther)
            let published = try await TestBrowser(app).get("/reviews/\(id)")
            #expect(published.status == .ok)
            #expect(published.body.string.contains("Named senior supervisor on every night shift"))
            #expect(try await team.post("/quality/reviews/\(id)/report/corrections", form: ["overview": "Corrected"]).status == .badRequest)
            #expect(try await team.post("/quality/reviews/\(id)/report/corrections",
                                        form: ["overview": "Corrected overview", "correctionNote": "Date corrected"]).status == .seeOther)
            #expect(try await TestBrowser(app).get("/reviews/\(id)").body.string.contains("Corrected overview"))
            #expect(try await team.get("/quality/reviews/\(id)").body.string.contains("Version 2"))
        }
    }

    @Test("lists, CSV and pages keep to the visitor's scope; the overdue overview counts what is late", arguments: TestDatabase.all)
    func scope(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let rid = try await Self.overdueRequirement(team, app)
            let list = try await team.get("/quality/requirements").body.string
            #expect(list.contains(rid))
            #expect(list.contains("1 overdue, by provider"))
            let csv = try await team.get("/quality/requirements.csv?overdue=true")
            #expect(csv.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            let lines = csv.body.string.split(separator: "\r\n", omittingEmptySubsequences: true)
            #expect(lines.first?.hasPrefix("reference,review,region,organisation,kind") == true)
            #expect(lines.count == 2 && lines[1].contains(rid) && lines[1].contains(",red,"))
            #expect(try await team.get("/quality/requirements?overdue=maybe").status == .badRequest)
            #expect(try await team.get("/quality/reviews?status=nonsense").status == .badRequest)

            let other = try await ReviewsWebTests.otherProvider(app)
            #expect(try await other.get("/quality/reviews/RV-00001").status == .notFound)
            #expect(try await other.get("/quality/requirements/\(rid)").status == .notFound)
            #expect(!(try await other.get("/quality/requirements").body.string.contains(rid)))
            #expect(!(try await other.get("/quality/requirements.csv").body.string.contains(rid)))
            #expect(!(try await other.get("/quality/reviews").body.string.contains("RV-00001")))
            let own = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await own.get("/quality/reviews").body.string.contains("RV-00001"))
            for path in ["/quality/reviews", "/quality/requirements", "/quality/reviews/RV-00001"] {
                #expect(try await TestBrowser(app).get(path).status == .unauthorized, "\(path)")
                #expect(try await TestAccounts.browser(app, as: .learner).get(path).status == .forbidden, "\(path)")
            }
        }
    }

    @Test("a requirement opens a register entry or updates one, and the entry shows it when overdue", arguments: TestDatabase.all)
    func register(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let rid = try await Self.overdueRequirement(team, app)
            let form = try await team.get("/register/new?requirement=\(rid)")
            #expect(form.body.string.contains("name=\"requirement\" value=\"\(rid)\""), "\(form.body.string)")
            #expect(form.body.string.contains("Supervision at night"))
            let standard = try await QualityFrameworkStore.current(on: app.db).standardCodes[0]
            let opened = try await team.post("/register/new", fields: [
                ("requirement", rid), ("organisation", "T001"), ("title", "Night supervision"), ("description", "From the review"),
                ("standards", standard), ("likelihood", "3"), ("impact", "4"), ("reviewDue", CalendarDay.today().adding(days: 14).iso)])
            #expect(opened.status == .seeOther, "\(opened.body.string)")
            let entry = try #require(opened.headers.first(name: .location)?.split(separator: "?").first.map { String($0.dropFirst("/register/".count)) })
            #expect(try await team.get("/quality/requirements/\(rid)").body.string.contains("/register/\(entry)"))
            let entryPage = try await team.get("/register/\(entry)").body.string
            #expect(entryPage.contains(rid))
            #expect(entryPage.contains("Overdue"))

            #expect(try await team.post("/quality/requirements/\(rid)/register", form: ["registerEntry": "QR-99999"]).status == .badRequest)
            #expect(try await team.post("/quality/requirements/\(rid)/register", form: ["registerEntry": entry]).status == .badRequest)
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await provider.post("/quality/requirements/\(rid)/register", form: ["registerEntry": entry]).status == .forbidden)
        }
    }

    /// A review at T001 visited a month ago with one immediate requirement, now overdue.
    static func overdueRequirement(_ team: TestBrowser, _ app: Application) async throws -> String {
        let visit = CalendarDay.today().adding(days: -30).iso
        _ = try await team.postJSON("/api/v1/reviews", json: "{\"type\":\"urgent-concern\",\"organisation\":\"T001\",\"plannedOn\":\"\(visit)\"}")
        _ = try await team.postJSON("/api/v1/reviews/RV-00001/status", json: #"{"to":"evidence-gathering"}"#)
        _ = try await team.postJSON("/api/v1/reviews/RV-00001/status", json: #"{"to":"visited"}"#)
        let standard = try await QualityFrameworkStore.current(on: app.db).standardCodes[0]
        let res = try await team.postJSON("/api/v1/reviews/RV-00001/requirements",
                                          json: "{\"kind\":\"immediate-mandatory\",\"text\":\"Supervision at night\",\"standards\":[\"\(standard)\"]}")
        return try #require(try ReviewsWebTests.json(res)["id"] as? String)
    }
}

extension RequirementStore {
    static func status(_ reference: String, _ app: Application) async throws -> RequirementStatus? {
        try await RequirementRecord.query(on: app.db).filter(\.$reference == reference).first()?.requirement?.status
    }
}
