import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// T002 and H016 have no handler accounts in `TestAccounts`; T001, H008 and the London team do.
@Suite("Concerns sent to a body with no handlers reach the region's quality team")
struct ConcernStandInTests {
    static let team = "London regional quality team"
    static let secret = "Nobody supervised the night shift on ward 9"

    struct HandledBy: Decodable { let team: String; let reason: String? }
    struct Created: Decodable { let reference: String; let receiptCode: String?; let handledBy: HandledBy }
    struct FollowUp: Decodable { let handledBy: HandledBy; let timeline: [Line] }
    struct Line: Decodable { let kind: String }

    static func raise(_ app: Application, organisation: String, site: String?, extra: String = "") async throws -> Created {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: "X-Forwarded-For", value: "203.0.113.9")
        let siteField = site.map { "\"site\":\"\($0)\"," } ?? ""
        let body = """
        {"anonymity":"anonymous","organisation":"\(organisation)",\(siteField)"category":"supervision","pathway":1,
         "description":"\(secret)"\(extra)}
        """
        let res = try await app.testing().sendRequest(.POST, "/api/v1/concerns", headers: headers, body: ByteBuffer(string: body))
        #expect(res.status == .created, "\(res.body.string)")
        return try JSONDecoder().decode(Created.self, from: Data(res.body.string.utf8))
    }

    /// The outbox's recipients for the case's latest arrival, checked to carry nothing of the case.
    static func notified(_ app: Application) async throws -> Set<String> {
        let messages = try await OutboxMessage.query(on: app.db).all()
        for m in messages {
            for leak in ["ward 9", "203.0.113.9", "supervision", "T002", "H016"] {
                #expect(!m.body.contains(leak) && !m.subject.contains(leak), "\(leak) in \(m.body)")
            }
        }
        return Set(messages.map(\.recipient))
    }

    @Test("raised at an organisation with no handlers: the London team has it, is told, and so is the learner",
          arguments: TestDatabase.all)
    func raisedUnstaffed(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            // MUT
            let created = try await Self.raise(app, organisation: "T002", site: "T002-01")
            // validate: the answer names who handles it and why
            #expect(created.handledBy.team == "the \(Self.team)")
            #expect(created.handledBy.reason == "the organisation has no one to handle concerns here yet")
            // the regional team sees it in its queue, with the alert, and the timeline says why
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let queue = try await region.get("/concerns/queue").body.string
            #expect(queue.contains(created.reference) && queue.contains("No handlers at Southwark Riverside General Hospital, Southwark Riverside NHS Trust"))
            let page = try await region.get("/concerns/cases/\(created.reference)").body.string
            #expect(page.contains("id=\"stand-in\""))
            #expect(page.contains("sent to the \(Self.team): the organisation has no one to handle concerns here yet"))
            // the team and the national lead are told; nobody else; no text, place or address in it
            #expect(try await Self.notified(app) == [TestAccounts.email(.regionalQualityTeam), TestAccounts.email(.nationalQualityLead)])
            // the learner is told on follow-up, in the API and on the page
            let follow = try await ConcernAPI.followUp(app, code: created.receiptCode!)
            let view = try JSONDecoder().decode(FollowUp.self, from: Data(follow.body.string.utf8))
            #expect(view.handledBy.team == "the \(Self.team)")
            #expect(view.timeline.contains { $0.kind.hasPrefix("Sent to the \(Self.team)") })
            let learner = TestBrowser(app)
            try await learner.get("/concerns/follow-up")
            let html = try await learner.post("/concerns/follow-up", form: ["receiptCode": created.receiptCode!]).body.string
            #expect(html.contains("The \(Self.team) will handle your concern, because the organisation has no one to handle concerns here yet."))
            // and a T001 lead still cannot see it
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await lead.get("/concerns/cases/\(created.reference)").status == .notFound)
        }
    }

    @Test("the receipt page of the web form says who will handle it")
    func receiptPage() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let learner = TestBrowser(app)
            try await learner.get("/concerns/new")
            let res = try await learner.post("/concerns/new", form: [
                "howRaised": "anonymous", "organisation": "T002", "category": "supervision",
                "whatHappened": Self.secret, "pathway": "1",
            ])
            #expect(res.status == .created)
            #expect(res.body.string.contains("The \(Self.team) will handle your concern, because the organisation has no one to handle concerns here yet."))
        }
    }

    @Test("escalated to an education provider with no handlers: the London team has it, and everyone is told",
          arguments: TestDatabase.all)
    func escalatedUnstaffed(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await Self.raise(app, organisation: "T001", site: "T001-01", extra: ",\"educationProvider\":\"H016\"")
            #expect(created.handledBy.reason == nil, "T001 has handlers")
            try await OutboxMessage.query(on: app.db).delete()
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            try await lead.get("/concerns/cases/\(created.reference)")
            // MUT
            #expect(try await lead.post("/concerns/cases/\(created.reference)/escalate", form: ["text": "Needs the school"]).status == .seeOther)
            // validate
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(created.reference)!
            #expect(concern.pathway == .educationProvider && concern.handlingBody == .region("LDN"))
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            #expect(try await region.get("/concerns/queue").body.string.contains(created.reference))
            let page = try await region.get("/concerns/cases/\(created.reference)").body.string
            #expect(page.contains("now with the \(Self.team) — sent to the \(Self.team)"))
            #expect(try await Self.notified(app) == [TestAccounts.email(.regionalQualityTeam), TestAccounts.email(.nationalQualityLead)])
            let follow = try await ConcernAPI.followUp(app, code: created.receiptCode!)
            let view = try JSONDecoder().decode(FollowUp.self, from: Data(follow.body.string.utf8))
            #expect(view.handledBy.team == "the \(Self.team)" && view.handledBy.reason != nil)
        }
    }

    @Test("an organisation with handlers keeps its cases, and only its handlers are told", arguments: TestDatabase.all)
    func staffedUnchanged(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await Self.raise(app, organisation: "T001", site: "T001-01", extra: ",\"educationProvider\":\"H008\"")
            #expect(created.handledBy.team == "your placement provider" && created.handledBy.reason == nil)
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(created.reference)!
            #expect(concern.handlingBody == .organisation("T001", site: "T001-01") && concern.currentStage.rerouting == nil)
            let told = try await Self.notified(app)
            #expect(told.contains(TestAccounts.email(.providerEducationLead)) && !told.contains(TestAccounts.email(.nationalQualityLead)))
            #expect(!told.contains(TestAccounts.email(.regionalQualityTeam)))
            // escalation to H008, which has a lead, stays there
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            try await lead.get("/concerns/cases/\(created.reference)")
            try await lead.post("/concerns/cases/\(created.reference)/escalate", form: [:])
            let (_, escalated) = try await ConcernStore(db: app.db, clocks: .standard).load(created.reference)!
            #expect(escalated.handlingBody == .organisation("H008", site: nil))
        }
    }
}
