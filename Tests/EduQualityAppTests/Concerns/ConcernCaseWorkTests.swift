import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Concerns: follow-up, case work, escalation and access")
struct ConcernCaseWorkTests {
    @Test("a wrong receipt code reveals nothing, and guessing at one case is limited")
    func wrongCodes() async throws {
        try await withTestApp(.sqlite) { app in
            let created = try await ConcernAPI.raise(app)
            let right = created.receiptCode!
            // a well-formed wrong code and a malformed one get the same answer
            let wrong = try await ConcernAPI.followUp(app, code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")
            let malformed = try await ConcernAPI.followUp(app, code: "not a code")
            #expect(wrong.status == .notFound && malformed.status == .notFound)
            #expect(wrong.body.string.contains("No concern matches this receipt code"))
            #expect(!wrong.body.string.contains(created.reference))
            // same locator, wrong secret: still nothing
            let sameLocator = String(right.prefix(5)) + "ZZZZ-ZZZZ-ZZZZ-ZZZZ"
            #expect(try await ConcernAPI.followUp(app, code: sameLocator).status == .notFound)
            // guessing at one case (its locator) is stopped after twenty failures, even the right code
            for _ in 0..<19 { #expect(try await ConcernAPI.followUp(app, code: sameLocator).status == .notFound) }
            let limited = try await ConcernAPI.followUp(app, code: right)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: .retryAfter) != nil)
            // not per client: another reporter (the same address here, as behind a hospital's) is not held back
            let other = try await ConcernAPI.raise(app)
            #expect(try await ConcernAPI.followUp(app, code: other.receiptCode!).status == .ok)
        }
    }

    @Test("failed receipt look-ups are limited across everyone")
    func globalCeiling() async throws {
        try await withTestApp(.sqlite) { app in
            let created = try await ConcernAPI.raise(app)
            // A window longer than the test, so that a slow machine cannot let early failures expire.
            app.receiptAttempts = FailedLookups(FailedLookupLimits(perCode: 20, global: 6, globalWindow: 3_600))
            for i in 0..<6 {
                let wrong = "ZZZ\(i % 8 + 2)-ZZZZ-ZZZZ-ZZZZ-ZZZZ"
                #expect(try await ConcernAPI.followUp(app, code: wrong).status == .notFound)
            }
            let limited = try await ConcernAPI.followUp(app, code: created.receiptCode!)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers.first(name: .retryAfter) != nil)
        }
    }

    @Test("the reporter reads handlers' replies but never internal notes", arguments: TestDatabase.all)
    func reporterView(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await ConcernAPI.raise(app)
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            try await lead.get("/concerns/cases/\(created.reference)")
            #expect(try await lead.post("/concerns/cases/\(created.reference)/acknowledge", form: [:]).status == .seeOther)
            #expect(try await lead.post("/concerns/cases/\(created.reference)/add-internal-note",
                                        form: ["text": "Secret internal musing"]).status == .seeOther)
            #expect(try await lead.post("/concerns/cases/\(created.reference)/message-reporter",
                                        form: ["text": "Thank you, we are looking into it."]).status == .seeOther)
            let view = try await ConcernAPI.followUp(app, code: created.receiptCode!)
            #expect(view.body.string.contains("Thank you, we are looking into it."))
            #expect(!view.body.string.contains("Secret internal musing"))
            #expect(!view.body.string.contains(TestAccounts.email(.providerEducationLead)))
            #expect(view.body.string.contains("\"status\":\"acknowledged\""))
        }
    }

    @Test("a handler of another organisation can neither see nor act on a case", arguments: TestDatabase.all)
    func otherOrganisation(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            // setup: a lead at T002, and a case at T001
            let hash = try Bcrypt.hash(TestAccounts.password, cost: 4)
            let grant = try await Grant.resolve(.providerEducationLead, scopeCode: "T002", on: app.db)
            try await AccountProvisioning.upsert(email: "other@test.eduquality.test", name: "Other Lead", passwordHash: hash, grant: grant, on: app.db)
            let created = try await ConcernAPI.raise(app)
            let other = TestBrowser(app)
            try await other.signIn("other@test.eduquality.test", password: TestAccounts.password)
            // MUT + validate: every handler route
            #expect(try await other.get("/concerns/cases/\(created.reference)").status == .notFound)
            #expect(try await other.get("/api/v1/concerns/\(created.reference)").status == .notFound)
            #expect(!(try await other.get("/concerns/queue").body.string.contains(created.reference)))
            #expect(!(try await other.get("/api/v1/concerns").body.string.contains(created.reference)))
            try await other.get("/concerns/queue")
            for event in ConcernEvent.allCases where event.requiredHandlerAction != nil {
                let res = try await other.post("/concerns/cases/\(created.reference)/\(event.rawValue)",
                                               form: ["text": "x", "label": "x", "body": "organisation:T002"])
                #expect(res.status == .notFound, "\(event.rawValue) → \(res.status)")
            }
            // nothing changed
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(created.reference)!
            #expect(concern.timeline.count == 1)
        }
    }

    @Test("roles without case work are refused, and the public must sign in")
    func rolesAndPublic() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await ConcernAPI.raise(app)
            #expect(try await TestBrowser(app).get("/concerns/queue").status == .unauthorized)
            #expect(try await TestBrowser(app).get("/concerns/cases/\(created.reference)").status == .unauthorized)
            for role in [Role.learner, .reviewer, .regulatorLiaison, .administrator] {
                let b = try await TestAccounts.browser(app, as: role)
                #expect(try await b.get("/concerns/queue").status == .forbidden, "\(role)")
                #expect(try await b.get("/concerns/cases/\(created.reference)").status == .notFound, "\(role)")
            }
            // the educator at the placement's site works on it but cannot decide its course
            let educator = try await TestAccounts.browser(app, as: .educator)
            try await educator.get("/concerns/cases/\(created.reference)")
            #expect(try await educator.post("/concerns/cases/\(created.reference)/acknowledge", form: [:]).status == .seeOther)
            #expect(try await educator.post("/concerns/cases/\(created.reference)/escalate", form: [:]).status == .forbidden)
        }
    }

    @Test("an escalated case keeps its whole history and is with the next body", arguments: TestDatabase.all)
    func escalation(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await ConcernAPI.raise(app, category: "patient-safety", extra: ",\"educationProvider\":\"H008\"")
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            let ref = created.reference
            try await lead.get("/concerns/cases/\(ref)")
            try await lead.post("/concerns/cases/\(ref)/acknowledge", form: [:])
            try await lead.post("/concerns/cases/\(ref)/message-reporter", form: ["text": "First reply"])
            try await lead.post("/concerns/cases/\(ref)/add-internal-note", form: ["text": "Note at pathway 1"])
            // MUT: the provider escalates to the university
            let escalated = try await lead.post("/concerns/cases/\(ref)/escalate", form: ["text": "Needs the school"])
            #expect(escalated.status == .seeOther)
            // validate: the lead no longer has it; the university lead has everything
            #expect(try await lead.get("/concerns/cases/\(ref)").status == .notFound)
            let university = try await TestAccounts.browser(app, as: .educationProviderLead)
            let page = try await university.get("/concerns/cases/\(ref)").body.string
            for text in ["First reply", "Note at pathway 1", "Needs the school", "Pathway 2"] {
                #expect(page.contains(text), "\(text)")
            }
            // and on to the regional team, which sees the safety case at once
            try await university.post("/concerns/cases/\(ref)/escalate", form: ["text": "Safety"])
            let region = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let regional = try await region.get("/concerns/cases/\(ref)").body.string
            #expect(regional.contains("First reply") && regional.contains("Pathway 3"))
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(ref)!
            #expect(concern.stages.count == 3 && concern.isSafetyFlagged)
            #expect(concern.currentStage.startedOn == CalendarDay.today())
            // the last pathway cannot escalate further
            #expect(try await region.post("/concerns/cases/\(ref)/escalate", form: [:]).status == .conflict)
        }
    }

    @Test("illegal transitions are refused and change nothing", arguments: TestDatabase.all)
    func illegal(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await ConcernAPI.raise(app)
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            let ref = created.reference
            try await lead.get("/concerns/cases/\(ref)")
            for (action, form) in [("close", [String: String]()), ("reopen", [:]), ("start-work", [:]), ("resolve", ["text": "Done"])] {
                let res = try await lead.post("/concerns/cases/\(ref)/\(action)", form: form)
                #expect(res.status == .conflict, "\(action) on a received case → \(res.status)")
            }
            #expect(try await lead.post("/concerns/cases/\(ref)/message-reporter", form: ["text": "  "]).status == .badRequest)
            #expect(try await lead.post("/concerns/cases/\(ref)/no-such-action", form: [:]).status == .notFound)
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(ref)!
            #expect(concern.timeline.count == 1 && concern.status == .received)
        }
    }

    @Test("a reporter cannot escalate before the response date, and is told when they can")
    func reporterEscalation() async throws {
        try await withTestApp(.sqlite) { app in
            let created = try await ConcernAPI.raise(app)
            var headers = HTTPHeaders()
            headers.add(name: "X-Receipt-Code", value: created.receiptCode!)
            headers.contentType = .json
            let res = try await app.testing().sendRequest(.POST, "/api/v1/concerns/follow-up/escalate", headers: headers,
                                                          body: ByteBuffer(string: "{}"))
            #expect(res.status == .conflict)
            #expect(res.body.string.contains("You can escalate if there is no outcome by"))
            let message = try await app.testing().sendRequest(.POST, "/api/v1/concerns/follow-up/messages", headers: headers,
                                                              body: ByteBuffer(string: "{\"message\":\"One more thing\"}"))
            #expect(message.status == .ok)
            #expect(message.body.string.contains("One more thing"))
        }
    }

    @Test("a reporter escalates at once when the pathway is not appropriate, through the API and the page", arguments: TestDatabase.all)
    func escalateAtOnce(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // API: with a reason, accepted at once, pathway 2, clocks from today, the trigger audited
            let created = try await ConcernAPI.raise(app)
            var headers = HTTPHeaders()
            headers.add(name: "X-Receipt-Code", value: created.receiptCode!)
            headers.contentType = .json
            let before = try await app.testing().sendRequest(.GET, "/api/v1/concerns/follow-up", headers: headers)
            #expect(before.body.string.contains("\"canEscalateWithReason\":true"))
            let res = try await app.testing().sendRequest(.POST, "/api/v1/concerns/follow-up/escalate", headers: headers,
                body: ByteBuffer(string: "{\"educationProvider\":\"H008\",\"reason\":\"My supervisor is the problem\"}"))
            #expect(res.status == .ok)
            #expect(res.body.string.contains("\"pathway\":2"))
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(created.reference)!
            #expect(concern.pathway == .educationProvider && concern.currentStage.startedOn == .today())
            try await AuditLog.appendPendingBatch(on: app.db)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "concern.escalate").all()
            #expect(audit.count == 1 && audit[0].afterJSON?.contains("pathway-not-appropriate") == true)

            // page: the follow-up form asks why; an empty reason is a field error and changes nothing
            let other = try await ConcernAPI.raise(app)
            let b = TestBrowser(app)
            let page = try await b.post("/concerns/follow-up", form: ["receiptCode": other.receiptCode!])
            #expect(page.body.string.contains("Why this pathway is not appropriate for your concern"))
            let empty = try await b.post("/concerns/follow-up/act", form: ["receiptCode": other.receiptCode!, "action": "escalate",
                                                                       "educationProvider": "H008", "reason": " "])
            #expect(empty.status == .badRequest)
            #expect(empty.body.string.contains("Say why this pathway is not appropriate for your concern"))
            #expect(try await ConcernStore(db: app.db, clocks: .standard).load(other.reference)!.1.pathway == .placementProvider)
            let sent = try await b.post("/concerns/follow-up/act", form: ["receiptCode": other.receiptCode!, "action": "escalate",
                                                                      "educationProvider": "H008",
                                                                      "reason": "The ward manager is part of it"])
            #expect(sent.status == .ok)
            #expect(try await ConcernStore(db: app.db, clocks: .standard).load(other.reference)!.1.pathway == .educationProvider)
        }
    }

    @Test("bad concern bodies get field errors under the API's names")
    func validation() async throws {
        try await withTestApp(.sqlite) { app in
            var headers = HTTPHeaders()
            headers.contentType = .json
            let res = try await app.testing().sendRequest(.POST, "/api/v1/concerns", headers: headers, body: ByteBuffer(string:
                "{\"anonymity\":\"sideways\",\"organisation\":\"NOPE\",\"pathway\":9,\"name\":\"Someone\"}"))
            #expect(res.status == .badRequest)
            #expect(res.headers.contentType?.description.contains("problem+json") == true)
            for field in ["\"anonymity\"", "\"organisation\"", "\"category\"", "\"description\"", "\"pathway\""] {
                #expect(res.body.string.contains(field), "\(field)")
            }
            let count = try await ConcernRecord.query(on: app.db).count()
            #expect(count == 0)
        }
    }

    @Test("the raise form re-shows itself with messages, and a signed-in open concern is the learner's own")
    func webForm() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let learner = try await TestAccounts.browser(app, as: .learner)
            try await learner.get("/concerns/new")
            let bad = try await learner.post("/concerns/new", form: ["howRaised": "open", "pathway": "1"])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Tell us what happened"))
            let ok = try await learner.post("/concerns/new", form: [
                "howRaised": "open", "reporterName": "Alex Learner", "organisation": "T001", "site": "T001-02",
                "category": "teaching", "whatHappened": "Teaching sessions keep being cancelled.", "pathway": "1",
                "recipient": "pathway-handler"])
            #expect(ok.status == .created)
            #expect(!ok.body.string.contains("receipt-code"), "no receipt code for an account holder")
            let mine = try await learner.get("/concerns/mine")
            #expect(mine.body.string.contains("Teaching"))
            // another learner does not see it
            let hash = try Bcrypt.hash(TestAccounts.password, cost: 4)
            try await AccountProvisioning.upsert(email: "second@test.eduquality.test", name: "Second", passwordHash: hash,
                                                 grant: .init(role: .learner, region: nil, organisation: nil, site: nil), on: app.db)
            let second = TestBrowser(app)
            try await second.signIn("second@test.eduquality.test", password: TestAccounts.password)
            let reference = try await ConcernRecord.query(on: app.db).first()!.reference
            #expect(try await second.get("/concerns/mine/\(reference)").status == .notFound)
            #expect(!(try await second.get("/concerns/mine").body.string.contains(reference)))
        }
    }
}

@Suite("Concern statistics and the outbox pages")
struct ConcernStatisticsPageTests {
    @Test("statistics suppress small counts and export the same table as CSV")
    func statistics() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            for _ in 0..<4 { _ = try await ConcernAPI.raise(app, category: "teaching") }
            for _ in 0..<5 { _ = try await ConcernAPI.raise(app, category: "supervision") }
            _ = try await ConcernAPI.raise(app, category: "facilities")
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            let page = try await lead.get("/concerns/statistics?by=organisation&breakdown=category")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<svg"))
            #expect(page.body.string.contains("Suppressed"))
            let csv = try await lead.get("/concerns/statistics.csv?by=organisation&breakdown=category")
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(whereSeparator: \.isNewline)
            #expect(lines.first?.hasPrefix("organisation,") == true)
            let header = lines.first!.split(separator: ",").map(String.init)
            let t001 = (lines.first { $0.hasPrefix("T001,") } ?? "").split(separator: ",").map(String.init)
            let cell = { (column: String) in t001[header.firstIndex(of: column)!] }
            // the single facilities concern is hidden, and so is the next smallest cell (teaching),
            // so neither can be worked out from the row total; supervision stays
            #expect(cell("facilities") == "suppressed")
            #expect(cell("teaching") == "suppressed")
            #expect(cell("supervision") == "5")
            #expect(try await lead.get("/concerns/statistics?by=planet").status == .badRequest)
            #expect(try await TestAccounts.browser(app, as: .learner).get("/concerns/statistics").status == .forbidden)
        }
    }

    @Test("the outbox is for administrators")
    func outbox() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            _ = try await ConcernAPI.raise(app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let page = try await admin.get("/admin/outbox")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(TestAccounts.email(.providerEducationLead)))
            #expect(try await TestAccounts.browser(app, as: .nationalQualityLead).get("/admin/outbox").status == .forbidden)
        }
    }
}

@Suite("API tokens")
struct APITokenTests {
    @Test("a token made on the account page opens the handlers' API with its owner's scope only", arguments: TestDatabase.all)
    func tokens(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await ConcernAPI.raise(app)
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            try await lead.get("/account")
            let res = try await lead.post("/account/tokens", form: ["name": "Case system"])
            #expect(res.status == .created)
            let body = res.body.string
            let token = String(body[body.range(of: "id=\"new-token\">")!.upperBound...].prefix { $0 != "<" })
            #expect(token.hasPrefix("eqt_"))
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            let queue = try await app.testing().sendRequest(.GET, "/api/v1/concerns", headers: headers)
            #expect(queue.status == .ok && queue.body.string.contains(created.reference))
            headers.bearerAuthorization = BearerAuthorization(token: "eqt_wrong")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/concerns", headers: headers).status == .unauthorized)
            #expect(try await APIToken.query(on: app.db).first()?.tokenHash != token, "only the hash is stored")
        }
    }
}
