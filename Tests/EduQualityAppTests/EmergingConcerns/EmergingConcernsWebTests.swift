import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// The Emerging Concerns protocol through the API and the pages: a concern shared with GMC and
/// NMC is invisible to HCPC, to providers, to quality teams it is not shared with and to the
/// public, through every path and count; every view is in its access log; bad input changes nothing.
@Suite("Emerging concerns")
struct EmergingConcernsWebTests {
    /// A regulator liaison for `code`, signed in.
    static func liaison(_ app: Application, _ code: String) async throws -> TestBrowser {
        let email = "liaison-\(code.lowercased())@test.eduquality.test"
        let grant = try await Grant.resolve(.regulatorLiaison, scopeCode: code, on: app.db)
        try await AccountProvisioning.upsert(email: email, name: "\(code) Liaison",
                                             passwordHash: try Bcrypt.hash(TestAccounts.password, cost: 4), grant: grant, on: app.db)
        let b = TestBrowser(app)
        try await b.signIn(email, password: TestAccounts.password)
        return b
    }

    static let body = #"{"about":{"organisation":"T001","group":"Foundation doctors"},"type":"professionals","summary":"Several reports of unsupervised night shifts","risk":"Patients and learners at night","shareWith":["NMC"]}"#

    @Test("shared with GMC and NMC only: invisible to everyone else through API, pages and counts; every view logged",
          arguments: TestDatabase.all)
    func visibility(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let gmc = try await Self.liaison(app, "GMC"), nmc = try await Self.liaison(app, "NMC"), hcpc = try await Self.liaison(app, "HCPC")
            #expect(try await TestBrowser(app).get("/api/v1/signatories").body.string.contains("\"GMC\""))
            let created = try await gmc.postJSON("/api/v1/emerging-concerns", json: Self.body)
            #expect(created.status == .created, "\(created.body.string)")
            let reference = try #require(try ReviewsWebTests.json(created)["reference"] as? String)
            #expect(reference == "EC-0001")

            for reader in [gmc, nmc] {
                #expect(try await reader.get("/api/v1/emerging-concerns/\(reference)").status == .ok)
                #expect(try await reader.get("/api/v1/emerging-concerns").body.string.contains("\"total\":1"))
                #expect(try await reader.get("/quality/emerging-concerns").body.string.contains(reference))
                #expect(try await reader.get("/quality/emerging-concerns/\(reference)").body.string.contains("unsupervised night shifts"))
            }
            var outsiders = [hcpc, TestBrowser(app)]
            for role in Role.allCases where role != .regulatorLiaison { outsiders.append(try await TestAccounts.browser(app, as: role)) }
            for outsider in outsiders {
                for path in ["/api/v1/emerging-concerns/\(reference)", "/api/v1/emerging-concerns/\(reference)/access-log",
                             "/quality/emerging-concerns/\(reference)"] {
                    let status = try await outsider.get(path).status
                    #expect([.notFound, .forbidden, .unauthorized].contains(status), "\(path) → \(status)")
                }
                let list = try await outsider.get("/api/v1/emerging-concerns")
                #expect(list.status != .ok || list.body.string.contains("\"total\":0"), "\(list.body.string)")
                #expect(!(try await outsider.get("/quality/emerging-concerns").body.string.contains(reference)))
                #expect(try await outsider.postJSON("/api/v1/emerging-concerns/\(reference)/share", json: #"{"add":["HCPC"]}"#).status != .ok)
            }
            // Notices went to NMC only, and say nothing of the concern.
            let notices = try await OutboxMessage.query(on: app.db).filter(\.$kind == "emerging-concern-shared").all()
            #expect(notices.map(\.recipient) == ["liaison-nmc@test.eduquality.test"])
            #expect(!notices[0].body.contains("unsupervised"))

            // Every view is in the log, readable by the parties only.
            let log = try await gmc.get("/api/v1/emerging-concerns/\(reference)/access-log").body.string
            #expect(log.contains("NMC Liaison") && log.contains("viewed the concern") && log.contains("GMC Liaison"))
            let views = try await EmergingConcernAccessRecord.query(on: app.db).filter(\.$kind == "viewed").count()
            #expect(views >= 6)

            // Widening is audited and reaches HCPC; narrowing is not possible.
            #expect(try await nmc.postJSON("/api/v1/emerging-concerns/\(reference)/share", json: #"{"add":[]}"#).status == .badRequest)
            #expect(try await nmc.postJSON("/api/v1/emerging-concerns/\(reference)/share", json: #"{"add":["NOPE"]}"#).status == .badRequest)
            #expect(try await nmc.postJSON("/api/v1/emerging-concerns/\(reference)/share", json: #"{"add":["HCPC"]}"#).status == .ok)
            #expect(try await hcpc.get("/api/v1/emerging-concerns/\(reference)").status == .ok)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "emerging-concern.share").count() == 1)

            // A panel: invitations within the sharing only.
            let day = CalendarDay.today().adding(days: 7).iso
            #expect(try await gmc.postJSON("/api/v1/emerging-concerns/\(reference)/panels", json: "{\"date\":\"\(day)\",\"invite\":[\"CQC\"]}").status == .badRequest)
            let panel = try await gmc.postJSON("/api/v1/emerging-concerns/\(reference)/panels", json: "{\"date\":\"\(day)\",\"invite\":[\"NMC\"]}")
            #expect(panel.status == .created, "\(panel.body.string)")
            #expect(try ReviewsWebTests.json(panel)["reference"] as? String == "\(reference)-P1")
        }
    }

    @Test("bad input is a 4xx naming the field and stores nothing", arguments: TestDatabase.all)
    func refusals(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let gmc = try await Self.liaison(app, "GMC")
            for body in [Self.body.replacingOccurrences(of: "\"NMC\"", with: "\"NOPE\""),
                         Self.body.replacingOccurrences(of: "[\"NMC\"]", with: "[]"),
                         Self.body.replacingOccurrences(of: "[\"NMC\"]", with: "[\"GMC\"]"),
                         Self.body.replacingOccurrences(of: "professionals", with: "gossip"),
                         Self.body.replacingOccurrences(of: "T001", with: "NOWHERE"),
                         Self.body.replacingOccurrences(of: "\"group\":\"Foundation doctors\"", with: "\"individual\":\"Dr A\"")] {
                let res = try await gmc.postJSON("/api/v1/emerging-concerns", json: body)
                #expect(res.status == .badRequest, "\(body) → \(res.status)")
                #expect(res.body.string.contains("\"errors\""))
            }
            let page = try await gmc.post("/quality/emerging-concerns/new", fields: [("organisation", "T001"), ("type", "professionals")])
            #expect(page.status == .badRequest)
            #expect(page.body.string.contains("href=\"#shareWith\""))
            #expect(try await EmergingConcernRecord.query(on: app.db).count() == 0)
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await provider.postJSON("/api/v1/emerging-concerns", json: Self.body).status == .forbidden)
            #expect(try await TestBrowser(app).postJSON("/api/v1/emerging-concerns", json: Self.body).status == .unauthorized)
            let raised = try await gmc.post("/quality/emerging-concerns/new", fields: [
                ("organisation", "T001"), ("type", "systems-and-environment"), ("summary", "Closure of the education centre"),
                ("risk", "Learners lose teaching"), ("personalData", "no"), ("shareWith", "CQC")])
            #expect(raised.status == .seeOther)
            #expect(try await EmergingConcernRecord.query(on: app.db).count() == 1)
        }
    }
}
