import EduQualityDomain
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Handlers' pages name places and teams, and transfer from a list")
struct ConcernHandlerPagesTests {
    @Test("the case page and the queue show names, never codes, and dates like 31 December 2026")
    func namesNotCodes() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await ConcernAPI.raise(app, extra: ",\"educationProvider\":\"H008\"")
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            // MUT
            let page = try await lead.get("/concerns/cases/\(created.reference)").body.string
            let queue = try await lead.get("/concerns/queue").body.string
            // validate
            #expect(page.contains("id=\"placement\">Thamesbank General Hospital, Thamesbank University Hospitals NHS Foundation Trust<"))
            #expect(page.contains("id=\"team\">Thamesbank General Hospital, Thamesbank University Hospitals NHS Foundation Trust<"))
            #expect(page.contains(">University of Kingsway<"))
            // codes appear only as the transfer list's values, never as text
            for code in [">organisation:", "/site:T001-01<", ">T001<", ">H008<", "Placement T001", "by organisation:"] { #expect(!page.contains(code), "\(code)") }
            #expect(page.contains(CalendarDay.today().longDescription) && !page.contains(CalendarDay.today().iso))
            #expect(queue.contains(">Thamesbank General Hospital, Thamesbank University Hospitals NHS Foundation Trust<"))
            #expect(!queue.contains("organisation:T001"))
            // the API keeps its codes and ISO dates
            let api = try await lead.get("/api/v1/concerns/\(created.reference)").body.string
            #expect(api.contains("\"handlingBody\":\"organisation:T001\\/site:T001-01\"") || api.contains("\"handlingBody\":\"organisation:T001/site:T001-01\""))
            #expect(api.contains("\"respondBy\":\"20"))
        }
    }

    @Test("a case is transferred to a team chosen from a list of its pathway's teams; anything else is refused")
    func transferFromList() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let created = try await ConcernAPI.raise(app)
            let lead = try await TestAccounts.browser(app, as: .providerEducationLead)
            // MUT
            let page = try await lead.get("/concerns/cases/\(created.reference)").body.string
            // validate: named choices, grouped by organisation, not the current team, nothing to type
            #expect(page.contains("<optgroup label=\"Southwark Riverside NHS Trust\"><option value=\"organisation:T002\">Education team (the whole organisation)</option>"))
            #expect(page.contains("<option value=\"guardian:T001\">Freedom to Speak Up guardians</option>"))
            #expect(!page.contains("value=\"organisation:T001/site:T001-01\""), "the case's own team is not offered")
            #expect(!page.contains("value=\"region:LDN\""), "a region is not on pathway 1")
            #expect(!page.contains("id=\"bodyCode\""))
            let refused = try await lead.post("/concerns/cases/\(created.reference)/transfer", form: ["body": "region:LDN", "text": "Wrong team"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Choose the team to transfer the case to from the list"))
            let moved = try await lead.post("/concerns/cases/\(created.reference)/transfer", form: ["body": "guardian:T001", "text": "For the guardian"])
            #expect(moved.status == .seeOther)
            let (_, concern) = try await ConcernStore(db: app.db, clocks: .standard).load(created.reference)!
            #expect(concern.handlingBody == .guardian("T001"))
        }
    }

    @Test("the menu marks the section a page belongs to", arguments: [
        ("/concerns/cases/ANY", "/concerns/queue"), ("/concerns/statistics", "/concerns/queue"), ("/concerns/queue", "/concerns/queue"),
        ("/concerns/new", "/concerns"), ("/concerns/mine/X", "/concerns"), ("/speak-up/returns", "/speak-up/cases"),
        ("/speak-up/guardians", "/speak-up"), ("/admin/audit", "/admin"), ("/", "/"), ("/reports/regions/LDN", "/reports"),
    ])
    func menuSection(path: String, section: String) {
        let hrefs = ["/", "/survey", "/reports", "/concerns", "/speak-up", "/speak-up/cases", "/concerns/queue", "/admin", "/account"]
        #expect(MenuSection.current(path: path, among: hrefs) == section)
        #expect(MenuSection.current(path: "/concerns/cases/ANY", among: ["/", "/concerns"]) == "/concerns",
                "without the handlers' section, the nearest one")
    }

    @Test("the audit page shows each change as a short line, not raw JSON")
    func auditChanges() {
        let lines = AuditChangeLines.lines(before: #"{"status":"received","pathway":1,"labels":["a"]}"#,
                                           after: #"{"status":"acknowledged","pathway":1,"labels":["a","b"],"assignee":null}"#)
        #expect(lines == [
            AuditChangeLine(field: "assignee", before: nil, after: "none"),
            AuditChangeLine(field: "labels", before: #"["a"]"#, after: #"["a","b"]"#),
            AuditChangeLine(field: "status", before: "received", after: "acknowledged"),
        ])
        #expect(AuditChangeLines.lines(before: nil, after: "not json") == [AuditChangeLine(field: "value", before: nil, after: "not json")])
    }
}
