import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Impact assessments through the pages and the API: drafted and submitted by the provider's lead,
/// taken under review and decided with conditions by the regional team, conditions met; bad input
/// refused with a clear message and nothing changed; invisible to other providers, learners and
/// the public; an administrator's new section must be rated.
@Suite("Impact assessments")
struct ImpactAssessmentsWebTests {
    static let sections = ImpactAssessmentForm.standard.sections.map(\.code)

    /// An assessment body for the API, every standard section rated `rating`, with `extra` ratings.
    static func body(provider: String = "T001", rating: String = "low", extra: String = "", submit: Bool = false,
                     learners: String = #"[{"profession":"doctor-foundation","count":6},{"profession":"student-nurse","count":"12"}]"#) -> String {
        let ratings = sections.map { "\"\($0)\":{\"rating\":\"\(rating)\",\"evidence\":\"Evidence for \($0)\"}" }.joined(separator: ",")
        return """
        {"commissioner":"Q006","provider":"\(provider)","service":"Elective orthopaedics","description":"Moving elective surgery to the hub",
         "proposedStart":"2027-04-01","proposedEnd":"2028-03-31","learners":\(learners),
         "ratings":{\(ratings)\(extra)},"mitigations":"A shuttle bus","overallRating":"medium","submit":\(submit)}
        """
    }

    static func lead(_ app: Application, of organisation: String) async throws -> TestBrowser {
        let email = "lead-\(organisation.lowercased())@test.eduquality.test"
        let grant = try await Grant.resolve(.providerEducationLead, scopeCode: organisation, on: app.db)
        try await AccountProvisioning.upsert(email: email, name: "\(organisation) Lead",
                                             passwordHash: try Bcrypt.hash(TestAccounts.password, cost: 4), grant: grant, on: app.db)
        let b = TestBrowser(app)
        try await b.signIn(email, password: TestAccounts.password)
        return b
    }

    static func status(_ app: Application, _ reference: String) async throws -> String? {
        try await ImpactAssessmentRecord.query(on: app.db).filter(\.$reference == reference).first()?.status
    }

    @Test("draft → submit → review → decided with conditions → conditions met, through pages and API, notified and audited",
          arguments: TestDatabase.all)
    func lifecycle(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)

            let created = try await lead.postJSON("/api/v1/impact-assessments", json: Self.body())
            #expect(created.status == .created, "\(created.body.string)")
            let json = try ReviewsWebTests.json(created)
            #expect(json["reference"] as? String == "IA-00001" && json["status"] as? String == "draft")
            #expect(json["totalLearners"] as? Int == 18)
            #expect(try await team.post("/quality/impact-assessments/IA-00001/review", form: [:]).status == .badRequest)

            #expect(try await lead.post("/quality/impact-assessments/IA-00001/submit", form: [:]).status == .seeOther)
            #expect(try await Self.status(app, "IA-00001") == "submitted")
            let submitted = try await OutboxMessage.query(on: app.db).filter(\.$kind == "impact-assessment-submitted").all()
            #expect(submitted.map(\.recipient) == [TestAccounts.email(.regionalQualityTeam)])

            #expect(try await team.post("/quality/impact-assessments/IA-00001/comments", form: ["comment": "Who supervises at the hub?"]).status == .seeOther)
            #expect(try await lead.post("/quality/impact-assessments/IA-00001/comments", form: ["comment": "A named consultant."]).status == .seeOther)
            #expect(try await team.post("/quality/impact-assessments/IA-00001/review", form: [:]).status == .seeOther)
            let decided = try await team.postJSON("/api/v1/impact-assessments/IA-00001/decision", json: """
                {"decision":"supported-with-conditions","conditions":["Named supervisors at the hub","Travel in rotas"],"reason":"Learning continues"}
                """)
            #expect(decided.status == .ok, "\(decided.body.string)")
            let decision = try #require(try ReviewsWebTests.json(decided)["decision"] as? [String: Any])
            #expect((decision["conditions"] as? [[String: Any]])?.count == 2)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "impact-assessment-decided").all().map(\.recipient)
                    == [TestAccounts.email(.providerEducationLead)])

            #expect(try await lead.post("/quality/impact-assessments/IA-00001/conditions/1/met", form: [:]).status == .forbidden)
            #expect(try await team.post("/quality/impact-assessments/IA-00001/conditions/1/met", form: ["note-1": "List checked"]).status == .seeOther)
            #expect(try await team.post("/quality/impact-assessments/IA-00001/conditions/1/met", form: [:]).status == .badRequest)
            let page = try await team.get("/quality/impact-assessments/IA-00001").body.string
            #expect(page.contains("List checked") && page.contains("Mark condition 2 met") && page.contains("Who supervises at the hub?"))
            #expect(page.contains("/register/new?sourceKind=impact-assessment&amp;sourceReference=IA-00001")
                    || page.contains("/register/new?sourceKind=impact-assessment&sourceReference=IA-00001"))
            #expect(try await team.post("/quality/impact-assessments/IA-00001/conditions/2/met", form: [:]).status == .seeOther)
            let shown = try ReviewsWebTests.json(try await lead.get("/api/v1/impact-assessments/IA-00001"))
            let conditions = try #require((shown["decision"] as? [String: Any])?["conditions"] as? [[String: Any]])
            #expect(conditions.map { $0["status"] as? String } == ["met", "met"])
            #expect((shown["comments"] as? [[String: Any]])?.map { $0["side"] as? String } == ["team", "submitter"])
            for action in ["impact-assessment.create", "impact-assessment.submit", "impact-assessment.start-review",
                           "impact-assessment.decide", "impact-assessment.meet-condition", "impact-assessment.comment"] {
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == action).count() >= 1, "\(action)")
            }

            // Drafted and submitted at once on the page; then withdrawn.
            var fields: [(String, String)] = [("provider", "T001"), ("commissioner", "Q006"), ("service", "Day surgery"),
                                              ("description", "Weekend lists"), ("proposedStart", "2027-05-01"),
                                              ("profession-1", "student-nurse"), ("count-1", "4"), ("overallRating", "low"), ("action", "submit")]
            for code in Self.sections { fields += [("ratings.\(code)", "none")] }
            let posted = try await lead.post("/quality/impact-assessments/new", fields: fields)
            #expect(posted.status == .seeOther, "\(posted.body.string)")
            #expect(try await Self.status(app, "IA-00002") == "submitted")
            #expect(try await lead.post("/quality/impact-assessments/IA-00002/withdraw", form: ["withdrawReason": "Paused"]).status == .seeOther)
            #expect(try await Self.status(app, "IA-00002") == "withdrawn")

            // The register entry opened from the decision is recorded on the assessment.
            let form = try await team.get("/register/new?sourceKind=impact-assessment&sourceReference=IA-00001").body.string
            #expect(form.contains("value=\"IA-00001\""))
            let standard = try await QualityFrameworkStore.current(on: app.db).standardCodes[0]
            let opened = try await team.post("/register/new", fields: [
                ("sourceKind", "impact-assessment"), ("sourceReference", "IA-00001"), ("organisation", "T001"), ("title", "Hub conditions"),
                ("description", "From the decision"), ("standards", standard), ("likelihood", "2"), ("impact", "3"),
                ("reviewDue", CalendarDay.today().adding(days: 14).iso)])
            #expect(opened.status == .seeOther, "\(opened.body.string)")
            let entry = try #require(opened.headers.first(name: .location)?.split(separator: "?").first.map { String($0.dropFirst("/register/".count)) })
            #expect(try ReviewsWebTests.json(try await team.get("/api/v1/impact-assessments/IA-00001"))["registerEntry"] as? String == entry)
            #expect(try await team.get("/quality/impact-assessments/IA-00001").body.string.contains("/register/\(entry)"))
            #expect(try await team.get("/register/\(entry)").body.string.contains("IA-00001"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "impact-assessment.link-register").count() == 1)
        }
    }

    @Test("bad input is a 4xx naming the field, and changes nothing", arguments: TestDatabase.all)
    func refusals(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            let cases: [(String, String)] = [
                (Self.body(rating: "extreme"), "not on the rating scale"),
                (Self.body(extra: #","parking":{"rating":"low","evidence":"x"}"#), "parking is not a section"),
                (Self.body(provider: "NOWHERE"), "NOWHERE is not a known organisation"),
                (Self.body(learners: #"[{"profession":"astronaut","count":3}]"#), "astronaut is not a known profession"),
                (Self.body(provider: "T002"), "your own organisation"),
                (Self.body(rating: "high").replacingOccurrences(of: "\"evidence\":\"Evidence for supervision\"", with: "\"evidence\":\"\""), "evidence"),
            ]
            for (body, message) in cases {
                let res = try await lead.postJSON("/api/v1/impact-assessments", json: body)
                #expect(res.status == .badRequest, "\(message) → \(res.status)")
                #expect(res.body.string.contains(message), "\(res.body.string)")
            }
            let page = try await lead.post("/quality/impact-assessments/new", fields: [
                ("provider", "T001"), ("commissioner", "Q006"), ("service", "X"), ("description", "Y"), ("proposedStart", "2027-01-01"),
                ("ratings.supervision", "high"), ("evidence.supervision", ""), ("action", "draft")])
            #expect(page.status == .badRequest)
            #expect(page.body.string.contains("href=\"#evidence.supervision\""), "\(page.body.string)")
            #expect(try await ImpactAssessmentRecord.query(on: app.db).count() == 0)
            #expect(try await TestBrowser(app).postJSON("/api/v1/impact-assessments", json: Self.body()).status == .unauthorized)
            #expect(try await TestAccounts.browser(app, as: .regionalQualityTeam).postJSON("/api/v1/impact-assessments", json: Self.body()).status == .forbidden)

            // Decisions: a reason is needed, and plain "supported" takes no conditions.
            #expect(try await lead.postJSON("/api/v1/impact-assessments", json: Self.body(submit: true)).status == .created)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            #expect(try await team.post("/quality/impact-assessments/IA-00001/review", form: [:]).status == .seeOther)
            for (body, message) in [(#"{"decision":"supported"}"#, "Give the reason"),
                                    (#"{"decision":"supported","conditions":["More staff"],"reason":"Fine"}"#, "Only a decision of supported with conditions"),
                                    (#"{"decision":"supported-with-conditions","reason":"Fine"}"#, "List the conditions"),
                                    (#"{"decision":"maybe","reason":"Fine"}"#, "Choose a decision")] {
                let res = try await team.postJSON("/api/v1/impact-assessments/IA-00001/decision", json: body)
                #expect(res.status == .badRequest && res.body.string.contains(message), "\(body) → \(res.body.string)")
            }
            let refused = try await team.post("/quality/impact-assessments/IA-00001/decision", form: ["decision": "supported"])
            #expect(refused.status == .badRequest && refused.body.string.contains("href=\"#reason\""))
            #expect(try await lead.postJSON("/api/v1/impact-assessments/IA-00001/decision", json: #"{"decision":"supported","reason":"x"}"#).status == .forbidden)
            #expect(try await Self.status(app, "IA-00001") == "under-review")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "impact-assessment.decide").count() == 0)
        }
    }

    @Test("another provider's lead, another region's team, a learner and the public see nothing through pages, API and CSV",
          arguments: TestDatabase.all)
    func visibility(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await lead.postJSON("/api/v1/impact-assessments", json: Self.body(submit: true)).status == .created)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            #expect(try await team.get("/api/v1/impact-assessments?status=submitted").body.string.contains("\"total\":1"))
            #expect(try await team.get("/quality/impact-assessments.csv").body.string.contains("IA-00001"))
            let commissioner = try await Self.lead(app, of: "Q006")
            #expect(try await commissioner.get("/quality/impact-assessments/IA-00001").status == .ok)

            let otherLead = try await Self.lead(app, of: "T002")
            let grant = try await Grant.resolve(.regionalQualityTeam, scopeCode: "SE", on: app.db)
            try await AccountProvisioning.upsert(email: "team-se@test.eduquality.test", name: "SE Team",
                                                 passwordHash: try Bcrypt.hash(TestAccounts.password, cost: 4), grant: grant, on: app.db)
            let otherTeam = TestBrowser(app)
            try await otherTeam.signIn("team-se@test.eduquality.test", password: TestAccounts.password)
            let outsiders = [otherLead, otherTeam, try await TestAccounts.browser(app, as: .learner), TestBrowser(app)]
            for outsider in outsiders {
                for path in ["/api/v1/impact-assessments/IA-00001", "/quality/impact-assessments/IA-00001"] {
                    let status = try await outsider.get(path).status
                    #expect([.notFound, .forbidden, .unauthorized].contains(status), "\(path) → \(status)")
                }
                for path in ["/api/v1/impact-assessments", "/quality/impact-assessments", "/quality/impact-assessments.csv"] {
                    let res = try await outsider.get(path)
                    #expect(res.status != .ok || !res.body.string.contains("IA-00001"), "\(path)")
                }
                let comment = try await outsider.post("/quality/impact-assessments/IA-00001/comments", form: ["comment": "Hello"])
                #expect([.notFound, .forbidden, .unauthorized].contains(comment.status))
            }
            #expect(try await otherLead.get("/api/v1/impact-assessments").body.string.contains("\"total\":0"))
            #expect(try await otherTeam.postJSON("/api/v1/impact-assessments/IA-00001/decision", json: #"{"decision":"supported","reason":"x"}"#).status == .notFound)
            #expect(try ReviewsWebTests.json(try await lead.get("/api/v1/impact-assessments/IA-00001"))["comments"] as? [Any] != nil)
        }
    }

    @Test("an administrator adds a section, and a new assessment must rate it; a level in use is never removed", arguments: TestDatabase.all)
    func configurableForm(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            #expect(try await ImpactAssessmentFormStore.current(on: app.db).sections.map(\.code) == Self.sections)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            #expect(try await admin.get("/admin/impact-assessment-form").status == .ok)
            let bad = try await admin.post("/admin/impact-assessment-form/sections", form: ["sectionCode": "supervision", "sectionTitle": "Again"])
            #expect(bad.status == .badRequest && bad.body.string.contains("href=\"#sectionCode\""))
            let added = try await admin.post("/admin/impact-assessment-form/sections", form: [
                "sectionCode": "digital-access", "sectionTitle": "Digital access", "sectionHelp": "Laptops and logins", "sectionRequired": "yes"])
            #expect(added.status == .seeOther)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "impact-assessment-form.add-section").count() == 1)

            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await lead.get("/quality/impact-assessments/new").body.string.contains("Impact on digital access"))
            let missing = try await lead.postJSON("/api/v1/impact-assessments", json: Self.body(submit: true))
            #expect(missing.status == .badRequest && missing.body.string.contains("ratings.digital-access"), "\(missing.body.string)")
            let rated = try await lead.postJSON("/api/v1/impact-assessments",
                                                json: Self.body(extra: #","digital-access":{"rating":"none"}"#, submit: true))
            #expect(rated.status == .created, "\(rated.body.string)")

            #expect(try await admin.post("/admin/impact-assessment-form/levels/low/remove", form: [:]).status == .badRequest)
            #expect(try await admin.post("/admin/impact-assessment-form/levels", form: ["levelCode": "severe", "levelName": "Severe"]).status == .seeOther)
            #expect(try await admin.post("/admin/impact-assessment-form/levels/severe/remove", form: [:]).status == .seeOther)
            #expect(try await ImpactAssessmentFormStore.current(on: app.db).scale.map(\.code) == ["none", "low", "medium", "high"])
            #expect(try await ImpactAssessmentFormRecord.query(on: app.db).count() == 4)
            #expect(try await lead.get("/admin/impact-assessment-form").status == .forbidden)
        }
    }
}
