import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// The early-warning view through the API and the pages, on the demo histories: Eastgate (T004)
/// raises a signal from two sources worsening together, Kingsway (T005), with one, does not until a
/// second source worsens by more than the disclosure threshold; emerging concerns count only for
/// those they are shared with; a signal is dismissed with a reason, or opens a register entry.
@Suite("Early warning")
struct EarlyWarningWebTests {
    struct Point: Decodable { let period: String; let value: Int?; let suppressed: Bool }
    struct Series: Decodable { let source: String; let series: [Point] }
    struct Signal: Decodable { let raised: Bool; let quarter: String?; let reasons: [String]; let sources: [String]; let registerEntries: [String] }
    struct View: Decodable { let organisation: String; let periods: [String]; let sources: [Series]; let signal: Signal }
    struct Listed: Decodable { let organisation: String; let sources: [String] }
    struct RegionList: Decodable { let items: [Listed]; let total: Int; let dismissed: [Listed] }

    static func view(_ b: TestBrowser, _ code: String) async throws -> View {
        let res = try await b.get("/api/v1/early-warning/\(code)")
        #expect(res.status == .ok, "\(res.body.string)")
        return try JSONDecoder().decode(View.self, from: Data(res.body.string.utf8))
    }

    static func latest(_ v: View, _ source: EarlyWarningSource) -> Point? {
        v.sources.first { $0.source == source.rawValue }?.series.last
    }

    @Test("two sources worsening together raise a signal; one alone, or a suppressed count, does not", arguments: TestDatabase.all)
    func signals(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            try await EarlyWarningDemoSeeder(app: app).seed()
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)

            let t004 = try await Self.view(team, "T004")
            #expect(t004.periods.count == 8 && t004.periods.last == CalendarQuarter(containing: .today()).description)
            #expect(t004.signal.raised)
            #expect(Set(t004.signal.sources) == ["register-high-extreme", "isf-category"])
            #expect(t004.signal.reasons.contains { $0.hasPrefix("ISF category rose from 2 to 3") })

            let t005 = try await Self.view(team, "T005")
            #expect(!t005.signal.raised && t005.signal.sources == ["register-high-extreme"])

            // Two learner concerns are below the threshold: suppressed, never compared.
            for _ in 0..<2 { _ = try await ConcernStandInTests.raise(app, organisation: "T005", site: nil) }
            let suppressed = try await Self.view(team, "T005")
            #expect(Self.latest(suppressed, .learnerConcerns).map { $0.suppressed && $0.value == nil } == true)
            #expect(!suppressed.signal.raised)
            // Two more make four, shown and worse by more than the margin: now two sources worsen.
            for _ in 0..<2 { _ = try await ConcernStandInTests.raise(app, organisation: "T005", site: nil) }
            let raised = try await Self.view(team, "T005")
            #expect(Self.latest(raised, .learnerConcerns)?.value == 4)
            #expect(raised.signal.raised && Set(raised.signal.sources) == ["register-high-extreme", "learner-concerns"])

            let list = try JSONDecoder().decode(RegionList.self, from: Data(try await team.get("/api/v1/early-warning?region=LDN").body.string.utf8))
            #expect(list.items.map(\.organisation).prefix(2).sorted() == ["T004", "T005"])
            #expect(list.total == list.items.count && list.dismissed.isEmpty)
            #expect(!list.items.contains { $0.organisation == "GMC" }, "regulators are not learning environments")

            let page = try await team.get("/quality/early-warning?region=LDN").body.string
            #expect(page.contains("Eastgate London NHS Trust") && page.contains("ISF category rose from 2 to 3"))
            let organisation = try await team.get("/quality/early-warning/T004").body.string
            #expect(organisation.contains("Early-warning signal") && organisation.contains("<svg") && organisation.contains("Dismiss the signal"))
            let csv = try await team.get("/quality/early-warning/T004/export.csv")
            #expect(csv.headers.contentType?.subType == "csv" && csv.body.string.hasPrefix("organisation,source,period,value"))
            #expect(csv.body.string.contains("T004,isf-category,\(t004.periods.last!),3"))
        }
    }

    @Test("only quality teams in scope see it: the public, providers, regulators and other regions do not")
    func access() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            try await EarlyWarningDemoSeeder(app: app).seed()
            #expect(try await TestBrowser(app).get("/api/v1/early-warning/T004").status == .unauthorized)
            #expect(try await TestBrowser(app).get("/quality/early-warning").status == .unauthorized)
            for role in [Role.providerEducationLead, .regulatorLiaison, .learner, .administrator, .ftsuGuardian] {
                let b = try await TestAccounts.browser(app, as: role)
                #expect(try await b.get("/api/v1/early-warning/T004").status == .forbidden, "\(role)")
                #expect(try await b.get("/api/v1/early-warning?region=LDN").status == .forbidden, "\(role)")
                #expect(try await b.get("/quality/early-warning/T004").status == .forbidden, "\(role)")
            }
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let elsewhere = try await Organisation.query(on: app.db).filter(\.$regionCode != "LDN").first()!
            #expect(try await team.get("/api/v1/early-warning/\(elsewhere.code)").status == .notFound)
            #expect(try await team.get("/api/v1/early-warning?region=\(elsewhere.regionCode)").status == .forbidden)
            #expect(try await team.get("/api/v1/early-warning?region=NOWHERE").status == .notFound)
            #expect(try await team.get("/api/v1/early-warning").status == .badRequest)
            #expect(try await team.get("/api/v1/early-warning/NOPE").status == .notFound)
            let national = try await TestAccounts.browser(app, as: .nationalQualityLead)
            #expect(try await national.get("/api/v1/early-warning/\(elsewhere.code)").status == .ok)
        }
    }

    @Test("emerging concerns count only for a viewer they are shared with", arguments: TestDatabase.all)
    func emergingConcerns(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let gmc = try await EmergingConcernsWebTests.liaison(app, "GMC")
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let quality = try #require(app.signatories.qualityBody?.code)
            let hidden = EmergingConcernsWebTests.body.replacingOccurrences(of: "T001", with: "T004")
            #expect(try await gmc.postJSON("/api/v1/emerging-concerns", json: hidden).status == .created)
            let quarter = CalendarQuarter(containing: .today())
            #expect(Self.latest(try await Self.view(team, "T004"), .emergingConcerns)?.value == 0)
            #expect(try await team.get("/quality/early-warning/T004/export.csv").body.string.contains("T004,emerging-concerns,\(quarter),0\r\n"))
            let shared = hidden.replacingOccurrences(of: #"["NMC"]"#, with: #"["\#(quality)"]"#)
            #expect(try await gmc.postJSON("/api/v1/emerging-concerns", json: shared).status == .created)
            #expect(Self.latest(try await Self.view(team, "T004"), .emergingConcerns)?.value == 1)
            #expect(try await team.get("/quality/early-warning/T004/export.csv").body.string.contains("T004,emerging-concerns,\(quarter),1\r\n"))
        }
    }

    @Test("a signal is dismissed with a reason (audited), or opens a register entry that it then shows", arguments: TestDatabase.all)
    func actOnSignal(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            try await EarlyWarningDemoSeeder(app: app).seed()
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)

            let form = try await team.get("/register/new?signal=T004").body.string
            #expect(form.contains("Opened from the early-warning signal of") && form.contains("ISF category rose from 2 to 3"))
            #expect(try await team.get("/register/new?signal=T001").status == .notFound, "T001 has no signal")
            let entries = try await RegisterEntryRecord.query(on: app.db).count()
            let quarter = CalendarQuarter(containing: .today())
            let standard = try await QualityFrameworkStore.current(on: app.db).standardCodes[0]
            func fields(_ organisation: String) -> [(String, String)] {
                [("signal", "T004"), ("organisation", organisation), ("title", "Early-warning signal for \(quarter)"),
                 ("description", "Register and ISF worsening together"), ("standards", standard), ("likelihood", "3"), ("impact", "4"),
                 ("reviewDue", CalendarDay.today().adding(days: 14).iso)]
            }
            #expect(try await team.post("/register/new", fields: fields("T005")).status == .badRequest,
                    "the entry must be about the signal's organisation")
            #expect(try await RegisterEntryRecord.query(on: app.db).count() == entries)
            let created = try await team.post("/register/new", fields: fields("T004"))
            #expect(created.status == .seeOther, "\(created.body.string)")
            let opened = try #require(try await RegisterEntryRecord.query(on: app.db).sort(\.$number, .descending).first())
            #expect(try await Self.view(team, "T004").signal.registerEntries == [opened.reference])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "early-warning.open-register").count() == 1)

            #expect(try await team.post("/quality/early-warning/T004/dismiss", form: ["reason": " "]).status == .badRequest)
            #expect(try await SignalDecisionRecord.query(on: app.db).filter(\.$kind == "dismissed").count() == 0)
            #expect(try await team.post("/quality/early-warning/T005/dismiss", form: ["reason": "No signal"]).status == .badRequest)
            #expect(try await team.post("/quality/early-warning/T004/dismiss", form: ["reason": "Known and in hand: improvement plan agreed"]).status == .seeOther)
            #expect(try await team.post("/quality/early-warning/T004/dismiss", form: ["reason": "Twice"]).status == .badRequest)
            let list = try JSONDecoder().decode(RegionList.self, from: Data(try await team.get("/api/v1/early-warning?region=LDN").body.string.utf8))
            #expect(!list.items.contains { $0.organisation == "T004" } && list.dismissed.map(\.organisation) == ["T004"])
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "early-warning.dismiss").first())
            #expect(audit.entityID == "T004/\(quarter)")
            #expect(try await team.get("/quality/early-warning/T004").body.string.contains("Known and in hand"))
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            #expect(try await provider.post("/quality/early-warning/T004/dismiss", form: ["reason": "Not mine"]).status == .forbidden)
        }
    }

    @Test("every early-warning route, walked for the public and every role against the domain rule")
    func walk() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            try await EarlyWarningDemoSeeder(app: app).seed()
            let t004 = Resource.located(Location(region: "LDN", organisation: "T004"))
            let london = Resource.located(Location(region: "LDN"))
            let routes: [RouteAuthorizationTests.Route] = [
                .init(method: .GET, path: "/api/v1/early-warning/T004", action: .viewEarlyWarning, resource: t004),
                .init(method: .GET, path: "/api/v1/early-warning?region=LDN", action: .viewEarlyWarning, resource: london),
                .init(method: .GET, path: "/quality/early-warning?region=LDN", action: .viewEarlyWarning, resource: london),
                .init(method: .GET, path: "/quality/early-warning/T004", action: .viewEarlyWarning, resource: t004),
                .init(method: .GET, path: "/quality/early-warning/T004/export.csv", action: .viewEarlyWarning, resource: t004),
                .init(method: .POST, path: "/quality/early-warning/T004/dismiss", action: .dismissSignal, resource: t004),
            ]
            for route in routes { try await RouteWalk.expectEveryRole(app, route) }
        }
    }
}
