import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// The quality register through its pages and API: who sees which entries, what bad input gets,
/// and that every change lands in the entry's history and the audit log.
@Suite("The quality register")
struct QualityRegisterWebTests {
    static let reviewDue = CalendarDay.today().adding(days: 30).iso

    static func entryJSON(organisation: String = "T001", likelihood: String = "4", impact: String = "3",
                          standards: String = "[\"1.2\"]", extra: String = "") -> String {
        """
        {"organisation":"\(organisation)","title":"No senior cover at night","description":"Foundation doctors report it.",
         "standards":\(standards),"likelihood":\(likelihood),"impact":\(impact),"reviewDue":"\(reviewDue)",
         "professions":["doctor-foundation"]\(extra)}
        """
    }

    static func open(_ browser: TestBrowser, organisation: String = "T001") async throws -> String {
        let res = try await browser.postJSON("/api/v1/register", json: entryJSON(organisation: organisation))
        #expect(res.status == .created, "\(res.body.string)")
        let json = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
        return try #require(json?["reference"] as? String)
    }

    @Test("the API opens an entry with its score, band and status, and lists it with {items, total}", arguments: TestDatabase.all)
    func opensThroughAPI(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let res = try await team.postJSON("/api/v1/register", json: Self.entryJSON())
            #expect(res.status == .created)
            let body = res.body.string
            for part in ["\"reference\":\"QR-00001\"", "\"score\":12", "\"band\":\"high\"", "\"status\":\"open\"",
                         "\"organisation\":\"T001\"", "\"standards\":[\"1.2\"]", "\"likelihood\":4", "\"impact\":3"] {
                #expect(body.contains(part), "\(part) in \(body)")
            }
            let list = try await team.get("/api/v1/register?band=high").body.string
            #expect(list.contains("\"total\":1") && list.contains("QR-00001"))
            #expect(try await team.get("/api/v1/register?band=low").body.string.contains("\"total\":0"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "register-entry.open").count()
            #expect(audit == 1)
        }
    }

    @Test("bad input gets a 4xx naming the field and stores nothing", arguments: [
        ("organisation", entryJSON(organisation: "NOPE")),
        ("likelihood", entryJSON(likelihood: "0")),
        ("likelihood", entryJSON(likelihood: "6")),
        ("impact", entryJSON(impact: "\"x\"")),
        ("standards", entryJSON(standards: "[\"9.9\"]")),
        ("standards", entryJSON(standards: "[]")),
        ("sources", entryJSON(extra: ",\"sources\":[{\"kind\":\"concern\",\"reference\":\"CN-AAAAA-BBBBB\"}]")),
        ("sources", entryJSON(extra: ",\"sources\":[{\"kind\":\"survey-flag\",\"reference\":\"NETS/organisation\"}]")),
    ])
    func badInput(field: String, json: String) async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let res = try await team.postJSON("/api/v1/register", json: json)
            #expect(res.status == .badRequest)
            #expect(res.headers.contentType?.subType == "problem+json")
            #expect(res.body.string.contains("\"field\":\"\(field)\""), "\(res.body.string)")
            #expect(try await RegisterEntryRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("a provider lead reads only its own organisation's entries; a regional team only its region; regulators and the public none",
          arguments: TestDatabase.all)
    func scope(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let national = try await TestAccounts.browser(app, as: .nationalQualityLead)
            let own = try await Self.open(national, organisation: "T001")
            let sibling = try await Self.open(national, organisation: "T002")
            let elsewhere = try await Self.open(national, organisation: "T010")
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await provider.get("/register/\(own)").status == .ok)
            #expect(try await provider.get("/register/\(sibling)").status == .notFound)
            #expect(try await provider.get("/api/v1/register/\(elsewhere)").status == .notFound)
            let list = try await provider.get("/api/v1/register").body.string
            #expect(list.contains(own) && !list.contains(sibling) && !list.contains(elsewhere))
            let csv = try await provider.get("/register.csv").body.string
            #expect(csv.contains(own) && !csv.contains(sibling))
            // A reader cannot write.
            #expect(try await provider.postJSON("/api/v1/register", json: Self.entryJSON()).status == .forbidden)
            #expect(try await provider.sendJSON(.PATCH, "/api/v1/register/\(own)", json: "{\"status\":\"closed\",\"reason\":\"x\"}").status == .forbidden)
            let regional = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let regionalList = try await regional.get("/register").body.string
            #expect(regionalList.contains(own) && regionalList.contains(sibling) && !regionalList.contains(elsewhere))
            #expect(try await regional.get("/register/\(elsewhere)").status == .notFound)
            #expect(try await regional.postJSON("/api/v1/register", json: Self.entryJSON(organisation: "T010")).status == .badRequest)
            for role in [Role.regulatorLiaison, .learner, .ftsuGuardian, .administrator] {
                let other = try await TestAccounts.browser(app, as: role)
                #expect(try await other.get("/register").status == .forbidden, "\(role)")
                #expect(try await other.get("/api/v1/register/\(own)").status == .forbidden, "\(role)")
                #expect(try await other.get("/register.csv").status == .forbidden, "\(role)")
            }
            let visitor = TestBrowser(app)
            #expect(try await visitor.get("/register").status == .unauthorized)
            #expect(try await visitor.get("/api/v1/register").status == .unauthorized)
            #expect(try await visitor.get("/register/\(own)").status == .unauthorized)
        }
    }

    @Test("a change needs a reason for status and risk, refuses illegal moves, and every change is in the history", arguments: TestDatabase.all)
    func changes(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let reference = try await Self.open(team)
            let noReason = try await team.sendJSON(.PATCH, "/api/v1/register/\(reference)", json: "{\"status\":\"closed\"}")
            #expect(noReason.status == .badRequest && noReason.body.string.contains("\"field\":\"reason\""))
            let closed = try await team.sendJSON(.PATCH, "/api/v1/register/\(reference)",
                                                 json: "{\"status\":\"closed\",\"likelihood\":2,\"reason\":\"Rota fixed\"}")
            #expect(closed.status == .ok, "\(closed.body.string)")
            #expect(closed.body.string.contains("\"status\":\"closed\"") && closed.body.string.contains("\"score\":6"))
            let illegal = try await team.sendJSON(.PATCH, "/api/v1/register/\(reference)", json: "{\"status\":\"monitoring\",\"reason\":\"x\"}")
            #expect(illegal.status == .badRequest)
            let reopened = try await team.post("/register/\(reference)/change", form: ["status": "open", "reason": "New flag"])
            #expect(reopened.status == .seeOther)
            let detail = try await team.get("/api/v1/register/\(reference)").body.string
            for line in ["Opened with risk 4", "Status open → closed", "Reason: Rota fixed", "Status closed → open", "Reason: New flag"] {
                #expect(detail.contains(line), "\(line)")
            }
            #expect(detail.contains("\"actor\":\"Test Regional quality team\""))
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityID == reference).sort(\.$id).all().map(\.action)
            #expect(actions == ["register-entry.open", "register-entry.close", "register-entry.reopen"])
            let page = try await team.get("/register/\(reference)").body.string
            #expect(page.contains("Status closed → open"))
        }
    }

    @Test("the page opens an entry from a red or pink flag with the source filled in, and shows that cell's published figures")
    func fromFlag() async throws {
        try await withReportingApp(.sqlite, scale: 0.2) { app, round in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let grid = try await team.get("/reports?round=\(round)&groupBy=organisation").body.string
            let link = try #require(grid.range(of: "/register/new?sourceKind=survey-flag&amp;sourceReference=").map {
                String(grid[$0.lowerBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            })
            let form = try await team.get(link)
            #expect(form.status == .ok)
            let reference = try #require(link.components(separatedBy: "sourceReference=").last?.removingPercentEncoding)
            let organisation = reference.split(separator: "/")[2]
            #expect(form.body.string.contains("value=\"\(organisation)\" selected"))
            let created = try await team.post("/register/new", fields: [
                ("organisation", String(organisation)), ("title", "Flagged"), ("description", "From the flag grid"),
                ("standards", "1.1"), ("standards", "1.2"), ("likelihood", "3"), ("impact", "3"), ("reviewDue", Self.reviewDue),
                ("sourceKind", "survey-flag"), ("sourceReference", reference)])
            #expect(created.status == .seeOther, "\(created.body.string.prefix(2000))")
            let entry = try await team.get(created.headers.first(name: .location) ?? "").body.string
            #expect(entry.contains("mean ") && entry.contains("flag "))
            // The public never sees the link.
            let publicGrid = try await TestBrowser(app).get("/reports?round=\(round)&groupBy=organisation").body.string
            #expect(!publicGrid.contains("/register/new"))
        }
    }

    @Test("the list filters, draws the risk matrix with a link per cell, and pages")
    func listAndMatrix() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            for _ in 0..<27 { _ = try await Self.open(team) }
            let page = try await team.get("/register").body.string
            #expect(page.contains("Likelihood 4, impact 3, score 12 (high): 27 entries"))
            #expect(page.contains("href=\"/register?likelihood=4&amp;impact=3\""))
            #expect(page.contains("Page 1 of 2"))
            let cell = try await team.get("/register?likelihood=1&impact=1").body.string
            #expect(cell.contains("No entries match"))
            #expect(try await team.get("/register?status=shut").status == .badRequest)
            #expect(try await team.get("/register?likelihood=6").status == .badRequest)
            let csv = try await team.get("/register.csv?band=high").body.string
            #expect(csv.hasPrefix(RegisterExport.columns.joined(separator: ",")))
            #expect(csv.split(separator: "\r\n").count == 28)
        }
    }
}
