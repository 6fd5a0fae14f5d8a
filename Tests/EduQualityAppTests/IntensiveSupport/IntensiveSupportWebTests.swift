import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// ISF decisions, their history and the suspension workflow through pages and API.
@Suite("The Intensive Support Framework")
struct IntensiveSupportWebTests {
    static func decision(kind: String = "organisation", code: String = "T001", category: String = "3",
                         evidence: String, extra: String = "") -> String {
        let due = CalendarDay.today().adding(days: 20).iso, review = CalendarDay.today().adding(days: 56).iso
        return """
        {"subject":{"kind":"\(kind)","code":"\(code)"},"category":\(category),"rationale":"Triangulated evidence",
         "evidence":["\(evidence)"],"nextReview":"\(review)",
         "supportPlan":[{"action":"Rota redesign","owner":"Medical director","due":"\(due)"}]\(extra)}
        """
    }

    @Test("categorise, escalate and de-escalate keep every decision in history, oldest first", arguments: TestDatabase.all)
    func history(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let entry = try await QualityRegisterWebTests.open(team)
            let first = try await team.postJSON("/api/v1/isf/decisions", json: Self.decision(category: "2", evidence: entry))
            #expect(first.status == .created, "\(first.body.string)")
            #expect(first.body.string.contains("\"category\":2") && !first.body.string.contains("\"previousCategory\""))
            let up = try await team.postJSON("/api/v1/isf/decisions", json: Self.decision(category: "3", evidence: entry)).body.string
            #expect(up.contains("\"previousCategory\":2") && up.contains("\"movement\":\"escalated\""))
            let downWithout = try await team.postJSON("/api/v1/isf/decisions", json: Self.decision(category: "2", evidence: entry))
            #expect(downWithout.status == .badRequest && downWithout.body.string.contains("conditionsMet"))
            let down = try await team.postJSON("/api/v1/isf/decisions", json: Self.decision(
                category: "2", evidence: entry, extra: ",\"conditionsMet\":\"Rota in place\""))
            #expect(down.status == .created)
            let history = try await team.get("/api/v1/isf/history?kind=organisation&code=T001").body.string
            let ratings = history.components(separatedBy: "\"rating\":\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(ratings == ["ISF 2 (new)", "ISF 3 (up from 2)", "ISF 2 (down from 3)"])
            let current = try await team.get("/api/v1/isf/current?region=LDN").body.string
            #expect(current.contains("\"category\":2") && current.contains("\"code\":\"T001\""))
            let page = try await team.get("/isf/subject?kind=organisation&code=T001").body.string
            #expect(page.contains("ISF 2 (down from 3)") && page.contains("<svg"))
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == "isf-decision").sort(\.$id).all().map(\.action)
            #expect(actions == ["isf.categorise", "isf.escalate", "isf.de-escalate"])
        }
    }

    @Test("bad decisions get a 4xx and change nothing", arguments: [
        ("category", "5"), ("category", "0"), ("category", "\"high\""),
    ])
    func badCategory(field: String, category: String) async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let entry = try await QualityRegisterWebTests.open(team)
            let res = try await team.postJSON("/api/v1/isf/decisions", json: Self.decision(category: category, evidence: entry))
            #expect(res.status == .badRequest && res.body.string.contains("\"field\":\"\(field)\""), "\(res.body.string)")
            #expect(try await ISFDecisionRecord.query(on: app.db).count() == 0)
            for json in [Self.decision(code: "NOPE", evidence: entry), Self.decision(kind: "planet", evidence: entry),
                         Self.decision(evidence: "QR-99999"), Self.decision(kind: "programme", code: "T001", evidence: entry)] {
                let bad = try await team.postJSON("/api/v1/isf/decisions", json: json)
                #expect(bad.status == .badRequest, "\(json) → \(bad.status) \(bad.body.string)")
            }
            #expect(try await ISFDecisionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("a provider lead sees only its own organisation's decisions; other regions, regulators and the public none")
    func scope() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let national = try await TestAccounts.browser(app, as: .nationalQualityLead)
            for org in ["T001", "T002", "T010"] {
                let entry = try await QualityRegisterWebTests.open(national, organisation: org)
                #expect(try await national.postJSON("/api/v1/isf/decisions", json: Self.decision(code: org, evidence: entry)).status == .created)
            }
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            let seen = try await provider.get("/api/v1/isf/current").body.string
            #expect(seen.contains("T001") && !seen.contains("T002") && !seen.contains("T010"))
            #expect(try await provider.get("/isf/subject?kind=organisation&code=T002").status == .notFound)
            #expect(try await provider.postJSON("/api/v1/isf/decisions", json: Self.decision(evidence: "QR-00001")).status == .forbidden)
            let regional = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let regionalSeen = try await regional.get("/isf").body.string
            #expect(regionalSeen.contains("Thamesbank") && !regionalSeen.contains("Weald and Downs"))
            #expect(try await regional.get("/api/v1/isf/history?kind=organisation&code=T010").status == .notFound)
            let regulator = try await TestAccounts.browser(app, as: .regulatorLiaison)
            #expect(try await regulator.get("/isf").status == .forbidden)
            #expect(try await regulator.get("/api/v1/isf/current").status == .forbidden)
            #expect(try await TestBrowser(app).get("/api/v1/isf/current").status == .unauthorized)
        }
    }

    @Test("a provisional decision is ratified once, with who and when")
    func ratify() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let entry = try await QualityRegisterWebTests.open(team)
            let created = try await team.postJSON("/api/v1/isf/decisions", json: Self.decision(evidence: entry)).body.string
            let id = try #require(created.components(separatedBy: "\"id\":\"").dropFirst().first?.prefix { $0 != "\"" })
            try await team.get("/isf/subject?kind=organisation&code=T001")
            let ratified = try await team.post("/isf/subject/ratify?kind=organisation&code=T001",
                                               form: ["decision": String(id), "meetingDay": CalendarDay.today().iso])
            #expect(ratified.status == .seeOther)
            let again = try await team.post("/isf/subject/ratify?kind=organisation&code=T001",
                                            form: ["decision": String(id), "meetingDay": CalendarDay.today().iso])
            #expect(again.status == .badRequest)
            let history = try await team.get("/api/v1/isf/history?kind=organisation&code=T001").body.string
            #expect(history.contains("\"provisional\":false") && history.contains("\"ratifiedBy\":\"Test Regional quality team\""))
        }
    }

    @Test("suspension: refused below the top category; at the top, steps in order, out-of-scope reasons refused, the decision needs a national lead")
    func suspension() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let entry = try await QualityRegisterWebTests.open(team)
            let subject = "/isf/subject/suspend?kind=programme&code=T001/acute-medicine"
            #expect(try await team.postJSON("/api/v1/isf/decisions",
                                            json: Self.decision(kind: "programme", code: "T001/acute-medicine", evidence: entry)).status == .created)
            try await team.get("/isf/subject?kind=programme&code=T001/acute-medicine")
            let refused = try await team.post(subject, fields: [("professions", "doctor-core")])
            #expect(refused.status == .badRequest && refused.body.string.contains("only for a subject at ISF category 4"))
            #expect(try await TrainingSuspensionRecord.query(on: app.db).count() == 0)
            #expect(try await team.postJSON("/api/v1/isf/decisions",
                                            json: Self.decision(kind: "programme", code: "T001/acute-medicine", category: "4", evidence: entry)).status == .created)
            let nurses = try await team.post(subject, fields: [("professions", "student-nurse")])
            #expect(nurses.status == .badRequest)
            let opened = try await team.post(subject, fields: [("professions", "doctor-core")])
            #expect(opened.status == .seeOther)
            let page = try #require(opened.headers.first(name: .location))
            try await team.get(page)
            let step = page + "/step"
            let outOfOrder = try await team.post(step, form: ["step": "2", "triggers": "inadequate-supervision"])
            #expect(outOfOrder.status == .badRequest && outOfOrder.body.string.contains("Record step 1"))
            #expect(try await team.post(step, form: ["step": "1", "localResolution": "offered", "localOutcome": "Declined"]).status == .seeOther)
            let excluded = try await team.post(step, form: ["step": "2", "triggers": "rotation-gaps"])
            #expect(excluded.status == .badRequest && excluded.body.string.contains("Rotation gaps is outside the policy"))
            #expect(try await team.post(step, form: ["step": "2", "triggers": "inadequate-supervision"]).status == .seeOther)
            let notNational = try await team.post(step, fields: [("step", "3"), ("panelName", "A"), ("panelRole", "Chair"),
                                                                ("panelName", "B"), ("panelRole", "Dean"), ("suspend", "yes"), ("rationale", "Unsafe")])
            #expect(notNational.status == .badRequest)
            let national = try await TestAccounts.browser(app, as: .nationalQualityLead)
            try await national.get(page)
            let confirmed = try await national.post(step, fields: [("step", "3"), ("panelName", "A"), ("panelRole", "Chair"),
                                                                  ("panelName", "B"), ("panelRole", "Dean"), ("suspend", "yes"), ("rationale", "Unsafe")])
            #expect(confirmed.status == .seeOther)
            let shown = try await national.get(page).body.string
            #expect(shown.contains("training suspended") && shown.contains("Record step 4"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "training-suspension").sort(\.$id).all().map(\.action)
            #expect(audit == ["suspension.open", "suspension.step-1", "suspension.step-2", "suspension.step-3"])
        }
    }

    @Test("the background job reminds the owner a week before a review and marks an overdue one once")
    func reviewJob() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let entry = try await QualityRegisterWebTests.open(team)
            #expect(try await team.postJSON("/api/v1/isf/decisions", json: Self.decision(evidence: entry)).status == .created)
            let next = try #require(try await ISFDecisionRecord.query(on: app.db).first()?.decision?.nextReview)
            try await ISFReviewJob.run(on: app.db, today: next.adding(days: -8))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind ~~ "isf").count() == 0)
            try await ISFReviewJob.run(on: app.db, today: next.adding(days: -7))
            try await ISFReviewJob.run(on: app.db, today: next.adding(days: -6))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "isf-review-reminder").count() == 1)
            try await ISFReviewJob.run(on: app.db, today: next.adding(days: 1))
            try await ISFReviewJob.run(on: app.db, today: next.adding(days: 2))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "isf-review-overdue").count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "isf.review-overdue").count() == 1)
            #expect(try await ISFDecisionRecord.query(on: app.db).first()?.overdueMarked == true)
        }
    }
}
