import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// A regulatory review panel followed up to closure through the API and the pages, and a concern
/// linked to the register: only the panel's parties change it, bad input changes nothing, every
/// step is in the access log and told to the parties.
@Suite("Regulatory review panels")
struct RegulatoryPanelTests {
    static func panel(_ res: TestingHTTPResponse) throws -> [String: Any] { try ReviewsWebTests.json(res) }

    @Test("requested, convened, held, actions agreed and done, followed up, closed; only its parties may", arguments: TestDatabase.all)
    func lifecycle(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let gmc = try await EmergingConcernsWebTests.liaison(app, "GMC"), nmc = try await EmergingConcernsWebTests.liaison(app, "NMC")
            let cqc = try await EmergingConcernsWebTests.liaison(app, "CQC")
            let body = EmergingConcernsWebTests.body.replacingOccurrences(of: #"["NMC"]"#, with: #"["NMC","CQC"]"#)
            let reference = try #require(try ReviewsWebTests.json(try await gmc.postJSON("/api/v1/emerging-concerns", json: body))["reference"] as? String)
            let today = CalendarDay.today().iso
            #expect(try await gmc.postJSON("/api/v1/emerging-concerns/\(reference)/panels", json: #"{"date":"\#(today)","invite":["NMC"]}"#).status == .created)
            let base = "/api/v1/emerging-concerns/\(reference)/panels/\(reference)-P1"

            // CQC is party to the concern but not to the panel: it reads, but may not change it.
            #expect(try await cqc.get("/api/v1/emerging-concerns/\(reference)").body.string.contains("\(reference)-P1"))
            #expect(try await cqc.postJSON("\(base)/convene", json: "{}").status == .forbidden)
            #expect(try await nmc.postJSON("/api/v1/emerging-concerns/\(reference)/panels/\(reference)-P9/convene", json: "{}").status == .notFound)

            // Out of order, then in order.
            #expect(try await nmc.postJSON("\(base)/hold", json: #"{"attendees":[{"name":"A","organisation":"NMC"}],"information":["x"],"decisions":["y"]}"#).status == .badRequest)
            #expect(try await nmc.postJSON("\(base)/convene", json: #"{"date":"2001-01-01"}"#).status == .badRequest)
            let convened = try await nmc.postJSON("\(base)/convene", json: "{}")
            #expect(convened.status == .ok, "\(convened.body.string)")
            #expect(try Self.panel(convened)["status"] as? String == "convened")
            #expect(try await gmc.postJSON("\(base)/hold", json: #"{"attendees":[{"name":"Stranger","organisation":"HCPC"}],"information":["x"],"decisions":["y"]}"#).status == .badRequest)
            #expect(try await gmc.postJSON("\(base)/hold", json: #"{"attendees":[],"information":[],"decisions":[]}"#).status == .badRequest)
            let held = try await gmc.postJSON("\(base)/hold", json: #"{"attendees":[{"name":"Dr A Patel","organisation":"GMC"},{"name":"B Jones","organisation":"NMC"}],"information":["Four reports from foundation doctors"],"decisions":["Each regulator to follow up with the trust"]}"#)
            #expect(held.status == .ok, "\(held.body.string)")
            #expect(try await gmc.postJSON("\(base)/follow-up", json: "{}").status == .badRequest, "no actions to follow up")
            let closed = try await gmc.postJSON("\(base)/close", json: "{}")
            #expect(try Self.panel(closed)["status"] as? String == "closed", "a panel without actions closes once held")
            #expect(try await gmc.postJSON("\(base)/actions", json: #"{"organisation":"GMC","text":"Late","owner":"Lead","due":"\#(today)"}"#).status == .badRequest)
        }
    }

    @Test("actions per organisation are agreed, marked done and block closing while open; pages do the same with errors shown", arguments: TestDatabase.all)
    func actions(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let gmc = try await EmergingConcernsWebTests.liaison(app, "GMC"), nmc = try await EmergingConcernsWebTests.liaison(app, "NMC")
            let reference = try #require(try ReviewsWebTests.json(try await gmc.postJSON("/api/v1/emerging-concerns", json: EmergingConcernsWebTests.body))["reference"] as? String)
            let today = CalendarDay.today()
            #expect(try await gmc.postJSON("/api/v1/emerging-concerns/\(reference)/panels", json: #"{"date":"\#(today.iso)","invite":["NMC"]}"#).status == .created)
            let page = "/quality/emerging-concerns/\(reference)"
            let panel = "\(page)/panels/\(reference)-P1"
            try await gmc.get(page)
            #expect(try await gmc.post("\(panel)/convene", form: [:]).status == .seeOther)
            // The meeting through the page: an attendee of an organisation not invited is refused, with the field named.
            let refused = try await gmc.post("\(panel)/hold", form: ["panelAttendees": "Stranger, HCPC", "panelInformation": "Reports", "panelDecisions": "Act"])
            #expect(refused.status == .badRequest && refused.body.string.contains("href=\"#panelAttendees\""))
            #expect(try await gmc.post("\(panel)/hold", form: ["panelAttendees": "Dr A Patel, GMC\nB Jones, NMC", "panelInformation": "Four reports",
                                                            "panelDecisions": "Follow up with the trust"]).status == .seeOther)
            // Actions: bad ones refused, good ones agreed.
            #expect(try await gmc.post("\(panel)/actions", form: ["actionOrganisation": "HCPC", "actionText": "x", "actionOwner": "y",
                                                               "actionDue": today.iso]).status == .badRequest)
            #expect(try await gmc.post("\(panel)/actions", form: ["actionOrganisation": "NMC", "actionText": "", "actionOwner": "y",
                                                               "actionDue": today.iso]).status == .badRequest)
            for (org, text) in [("GMC", "Contact the responsible officer"), ("NMC", "Visit the midwifery unit")] {
                #expect(try await gmc.post("\(panel)/actions", form: ["actionOrganisation": org, "actionText": text, "actionOwner": "Liaison lead",
                                                                   "actionDue": today.adding(days: 14).iso]).status == .seeOther)
            }
            let api = "/api/v1/emerging-concerns/\(reference)/panels/\(reference)-P1"
            let third = try await nmc.postJSON("\(api)/actions", json: #"{"organisation":"NMC","text":"Write to the trust","owner":"NMC lead","due":"\#(today.iso)"}"#)
            #expect(third.status == .created, "\(third.body.string)")
            #expect(try await nmc.postJSON("\(api)/follow-up", json: "{}").status == .ok)
            let blocked = try await nmc.post("\(panel)/close", form: [:])
            #expect(blocked.status == .badRequest && blocked.body.string.contains("cannot close while actions 1, 2, 3 are open"))
            for n in 1...3 { #expect(try await nmc.postJSON("\(api)/actions/\(n)/done", json: "{}").status == .ok) }
            #expect(try await nmc.postJSON("\(api)/actions/3/done", json: "{}").status == .badRequest)
            let closed = try await nmc.post("\(panel)/close", form: [:])
            #expect(closed.status == .seeOther)
            let concern = try await gmc.get("/api/v1/emerging-concerns/\(reference)").body.string
            #expect(concern.contains("\"status\":\"closed\""))
            // Every step is logged and told to the other party, by reference only.
            let log = try await gmc.get("/api/v1/emerging-concerns/\(reference)/access-log").body.string
            #expect(log.contains("convened panel") && log.contains("recorded the meeting") && log.contains("closed panel"))
            let notices = try await OutboxMessage.query(on: app.db).filter(\.$kind == "regulatory-panel").all()
            #expect(Set(notices.map(\.recipient)).isSuperset(of: ["liaison-nmc@test.eduquality.test", "liaison-gmc@test.eduquality.test"]))
            #expect(!notices.contains { $0.body.contains("unsupervised") || $0.body.contains("Visit the midwifery unit") })
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "regulatory-panel.close").count() == 1)
        }
    }

    @Test("a quality team member links a register entry and opens one from the concern; regulators cannot", arguments: TestDatabase.all)
    func links(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let gmc = try await EmergingConcernsWebTests.liaison(app, "GMC")
            let quality = try #require(app.signatories.qualityBody?.code)
            let body = EmergingConcernsWebTests.body.replacingOccurrences(of: #"["NMC"]"#, with: #"["\#(quality)"]"#)
            let reference = try #require(try ReviewsWebTests.json(try await gmc.postJSON("/api/v1/emerging-concerns", json: body))["reference"] as? String)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let form = try await team.get("/register/new?emergingConcern=\(reference)").body.string
            #expect(form.contains("Opened from emerging concern") && !form.contains("unsupervised night shifts"),
                    "only the organisation is filled in")
            let standard = try await QualityFrameworkStore.current(on: app.db).standardCodes[0]
            let opened = try await team.post("/register/new", fields: [
                ("emergingConcern", reference), ("organisation", "T001"), ("title", "Night supervision"), ("description", "Shared intelligence"),
                ("standards", standard), ("likelihood", "3"), ("impact", "4"), ("reviewDue", CalendarDay.today().adding(days: 14).iso)])
            #expect(opened.status == .seeOther, "\(opened.body.string)")
            let entry = try #require(try await RegisterEntryRecord.query(on: app.db).sort(\.$number, .descending).first()).reference
            let concern = try await team.get("/api/v1/emerging-concerns/\(reference)").body.string
            #expect(concern.contains("\"registerEntries\":[\"\(entry)\"]"))
            #expect(try await team.postJSON("/api/v1/emerging-concerns/\(reference)/links", json: #"{"registerEntry":"\#(entry)"}"#).status == .badRequest,
                    "already linked")
            #expect(try await team.postJSON("/api/v1/emerging-concerns/\(reference)/links", json: #"{"registerEntry":"QR-99999"}"#).status == .badRequest)
            #expect(try await team.postJSON("/api/v1/emerging-concerns/\(reference)/links", json: "{}").status == .badRequest)
            #expect(try await gmc.postJSON("/api/v1/emerging-concerns/\(reference)/links", json: #"{"registerEntry":"\#(entry)"}"#).status == .badRequest,
                    "a regulator cannot read the register")
            #expect(try await team.get("/register/\(entry)").body.string.contains("/quality/emerging-concerns/\(reference)"))
            // The provider reads the entry, and nothing of the concern through it.
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            let entryPage = try await provider.get("/register/\(entry)")
            #expect(entryPage.status == .ok && !entryPage.body.string.contains(reference))
            let log = try await gmc.get("/api/v1/emerging-concerns/\(reference)/access-log").body.string
            #expect(log.contains("opened register entry \(entry) from the concern"))
        }
    }
}
