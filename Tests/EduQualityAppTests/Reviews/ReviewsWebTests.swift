import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Reviews through the API and the public pages: a review from planning to a published report,
/// with the provider's evidence; who may post and download what; and that nothing unpublished is
/// ever public.
@Suite("Reviews, requirements and published reports")
struct ReviewsWebTests {
    static let pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

    static func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any], "\(res.body.string)")
    }

    /// Posts `text` and a file through the multipart API, the form token first.
    static func update(_ browser: TestBrowser, _ id: String, text: String, name: String, bytes: [UInt8],
                       path: String? = nil) async throws -> TestingHTTPResponse {
        try await browser.get("/account")
        let boundary = "eq-review-boundary"
        var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrfToken ?? "")\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\(text)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"\(name)\"\r\nContent-Type: application/pdf\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await browser.send(.POST, path ?? "/api/v1/requirements/\(id)/updates", headers: headers, body: body)
    }

    /// A provider education lead at another trust (T002).
    static func otherProvider(_ app: Application) async throws -> TestBrowser {
        let grant = try await Grant.resolve(.providerEducationLead, scopeCode: "T002", on: app.db)
        try await AccountProvisioning.upsert(email: "other-lead@test.eduquality.test", name: "Other Lead",
                                             passwordHash: try Bcrypt.hash(TestAccounts.password, cost: 4), grant: grant, on: app.db)
        let b = TestBrowser(app)
        try await b.signIn("other-lead@test.eduquality.test", password: TestAccounts.password)
        return b
    }

    @Test("a review walks from planning to a published report, with the provider's evidence accepted", arguments: TestDatabase.all)
    func walk(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let provider = try await TestAccounts.browser(app, as: .providerEducationLead)
            let visit = CalendarDay.today().adding(days: -2).iso
            let created = try await team.postJSON("/api/v1/reviews", json: """
                {"type":"risk-based","organisation":"T001","specialty":"acute-medicine","professions":["doctor-foundation"],"plannedOn":"\(visit)"}
                """)
            #expect(created.status == .created, "\(created.body.string)")
            let id = try #require(try Self.json(created)["id"] as? String)
            #expect(id == "RV-00001")
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/requirements", json: #"{"kind":"mandatory","text":"x","standards":["1.1"]}"#).status == .badRequest)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/status", json: #"{"to":"visited"}"#).status == .badRequest)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/status", json: #"{"to":"evidence-gathering"}"#).status == .ok)
            let visited = try await team.postJSON("/api/v1/reviews/\(id)/status", json: #"{"to":"visited"}"#)
            #expect(try Self.json(visited)["visitedOn"] as? String == visit)
            let standard = try await QualityFrameworkStore.current(on: app.db).standardCodes[0]
            let imr = try await team.postJSON("/api/v1/reviews/\(id)/requirements", json: """
                {"kind":"immediate-mandatory","text":"Named senior supervisor on every night shift","standards":["\(standard)"]}
                """)
            #expect(imr.status == .created, "\(imr.body.string)")
            let requirement = try Self.json(imr)
            let due = WorkingCalendar.englandAndWales.adding(workingDays: 5, to: CalendarDay(iso: visit)!)
            #expect(requirement["due"] as? String == due.iso)
            #expect(requirement["status"] as? String == "open")
            #expect(requirement["rag"] as? String != nil)
            let rid = try #require(requirement["id"] as? String)

            // The provider posts evidence; a disguised or oversized file is refused and changes nothing.
            let exe: [UInt8] = Array("MZ".utf8) + [UInt8](repeating: 0x90, count: 200)
            let disguised = try await Self.update(provider, rid, text: "Rota", name: "rota.pdf", bytes: exe)
            #expect(disguised.status == .badRequest)
            #expect(disguised.body.string.contains("not a pdf"), "\(disguised.body.string)")
            let big = try await Self.update(provider, rid, text: "Rota", name: "rota.pdf",
                                            bytes: Array(Self.pdf.utf8) + [UInt8](repeating: 0x20, count: EvidenceFileType.maxBytes))
            #expect(big.status == .badRequest && big.body.string.contains("10 MB"), "\(big.status) \(big.body.string)")
            #expect(try await EvidenceFileRecord.query(on: app.db).count() == 0)
            let posted = try await Self.update(provider, rid, text: "Supervisor named on the rota", name: "rota.pdf", bytes: Array(Self.pdf.utf8))
            #expect(posted.status == .created, "\(posted.body.string)")
            #expect(try Self.json(posted)["status"] as? String == "awaiting-decision")
            let file = try #require(try await EvidenceFileRecord.query(on: app.db).first())
            #expect(file.originalName == "rota.pdf" && file.fileType == "pdf")
            let stored = app.config.evidenceDirectory + "/" + file.storedName
            #expect(FileManager.default.fileExists(atPath: stored))
            #expect(!file.storedName.contains("rota"))

            // Downloads: the provider and the team, as an attachment; another provider and the public never.
            for browser in [provider, team] {
                let download = try await browser.get("/quality/evidence/\(file.id!.uuidString)")
                #expect(download.status == .ok)
                #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
                #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(download.body.string == Self.pdf)
            }
            let other = try await Self.otherProvider(app)
            #expect(try await other.get("/quality/evidence/\(file.id!.uuidString)").status == .notFound)
            #expect(try await TestBrowser(app).get("/quality/evidence/\(file.id!.uuidString)").status == .unauthorized)
            #expect(try await Self.update(other, rid, text: "Not mine", name: "a.pdf", bytes: Array(Self.pdf.utf8)).status == .notFound)
            #expect(try await other.get("/api/v1/requirements").body.string.contains("\"total\":0"))
            #expect(try await team.postJSON("/api/v1/requirements/\(rid)/decision", json: #"{"decision":"accept","reason":"  "}"#).status == .badRequest)
            #expect(try await provider.postJSON("/api/v1/requirements/\(rid)/decision", json: #"{"decision":"accept","reason":"Mine"}"#).status == .forbidden)
            let accepted = try await team.postJSON("/api/v1/requirements/\(rid)/decision", json: #"{"decision":"accept","reason":"Rota seen"}"#)
            #expect(try Self.json(accepted)["status"] as? String == "closed")

            // The report: nothing is public until it is published.
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/status", json: #"{"to":"report-drafting"}"#).status == .ok)
            let sections = ReportSection.allCases.map { "\"\($0.rawValue)\":\"Text of \($0.displayName)\"" }.joined(separator: ",")
            #expect(try await team.sendJSON(.PUT, "/api/v1/reviews/\(id)/report", json: "{\"sections\":{\(sections)}}").status == .ok)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/report/transition", json: #"{"to":"published"}"#).status == .badRequest)
            let public1 = TestBrowser(app)
            #expect(try await provider.get("/api/v1/reviews/\(id)/report").status == .notFound)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/report/transition", json: #"{"to":"factual-accuracy"}"#).status == .ok)
            let comment = try await provider.postJSON("/api/v1/reviews/\(id)/report/comments", json: #"{"section":"overview","text":"Wrong date"}"#)
            #expect(comment.status == .created, "\(comment.body.string)")
            #expect(try await other.postJSON("/api/v1/reviews/\(id)/report/comments", json: #"{"section":"overview","text":"x"}"#).status == .notFound)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/report/transition", json: #"{"to":"final"}"#).status == .badRequest)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/report/comments/1/outcome", json: #"{"outcome":"accepted","response":"Fixed"}"#).status == .ok)
            #expect(try await provider.postJSON("/api/v1/reviews/\(id)/report/done", json: "{}").status == .ok)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/report/transition", json: #"{"to":"final"}"#).status == .ok)
            for path in ["/reviews/\(id)", "/api/v1/review-reports/\(id)"] {
                #expect(try await public1.get(path).status == .notFound, "\(path) before publication")
            }
            #expect(!(try await public1.get("/reviews").body.string.contains(id)))
            #expect(!(try await public1.get("/reviews/feed.atom").body.string.contains(id)))
            #expect(try await public1.get("/api/v1/review-reports").body.string.contains("\"total\":0"))
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/report/transition", json: #"{"to":"published"}"#).status == .ok)

            let page = try await public1.get("/reviews/\(id)")
            #expect(page.status == .ok)
            for part in ["Text of What works well", "Named senior supervisor on every night shift", "Date of final report", "Version 1"] {
                #expect(page.body.string.contains(part), "\(part)")
            }
            let search = try await public1.get("/reviews?q=supervisor&organisation=T001")
            #expect(search.body.string.contains("/reviews/\(id)"))
            #expect(!(try await public1.get("/reviews?q=nothing-like-this").body.string.contains("/reviews/\(id)\"")))
            #expect(try await public1.get("/reviews/feed.atom").body.string.contains("/reviews/\(id)"))
            #expect(try await public1.get("/reviews/providers/T001").body.string.contains("/reviews/\(id)"))
            let api = try Self.json(try await public1.get("/api/v1/review-reports/\(id)"))
            #expect(api["version"] as? Int == 1)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/status", json: #"{"to":"closed"}"#).status == .ok)

            // A correction is a new version; the first stays readable.
            let corrected = try await team.postJSON("/api/v1/reviews/\(id)/report/corrections",
                                                    json: #"{"sections":{"overview":"Corrected overview"},"note":"Date corrected"}"#)
            #expect(corrected.status == .ok, "\(corrected.body.string)")
            #expect(try await public1.get("/reviews/\(id)").body.string.contains("Corrected overview"))
            #expect(try await public1.get("/reviews/\(id)?version=1").body.string.contains("Text of Review overview"))
            #expect(try await public1.get("/reviews/\(id)").body.string.contains("Date corrected"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID == id).count()
            #expect(audit >= 8)
        }
    }

    @Test("a panel member with a conflict is refused; bad input is a 400 naming the field; the public and other roles are kept out",
          arguments: TestDatabase.all)
    func refusals(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            for body in [#"{"type":"nonsense","organisation":"T001","plannedOn":"2026-12-01"}"#,
                         #"{"type":"risk-based","organisation":"NOPE","plannedOn":"2026-12-01"}"#,
                         #"{"type":"risk-based","organisation":"T001","plannedOn":"someday"}"#,
                         #"{"type":"risk-based","organisation":"T001","sites":["T002-01"],"plannedOn":"2026-12-01"}"#] {
                let res = try await team.postJSON("/api/v1/reviews", json: body)
                #expect(res.status == .badRequest, "\(body)")
                #expect(res.body.string.contains("\"errors\""))
            }
            #expect(try await ReviewRecord.query(on: app.db).count() == 0)
            let planned = try await team.postJSON("/api/v1/reviews", json: #"{"type":"programme","organisation":"T001","plannedOn":"2026-12-01"}"#)
            let id = try #require(try Self.json(planned)["id"] as? String)
            let conflicted = try await team.postJSON("/api/v1/reviews/\(id)/panel",
                                                     json: #"{"name":"Dr Conflicted","role":"specialty-expert","conflicts":["T001"]}"#)
            #expect(conflicted.status == .badRequest && conflicted.body.string.contains("conflict of interest"))
            let reviewer = try await team.postJSON("/api/v1/reviews/\(id)/panel",
                                                   json: "{\"name\":\"Robin\",\"role\":\"lead\",\"account\":\"\(TestAccounts.email(.reviewer))\"}")
            #expect(reviewer.status == .created, "\(reviewer.body.string)")
            #expect(reviewer.body.string.contains("\"hasAccount\":true"))
            let panelReviewer = try await TestAccounts.browser(app, as: .reviewer)
            #expect(try await panelReviewer.get("/api/v1/reviews/\(id)").status == .ok)
            #expect(try await panelReviewer.postJSON("/api/v1/reviews/\(id)/status", json: #"{"to":"evidence-gathering"}"#).status == .forbidden)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/evidence", json: #"{"kind":"register-entry","reference":"QR-00042"}"#).status == .badRequest)
            #expect(try await team.postJSON("/api/v1/reviews/\(id)/met", json: #"{"profession":"student-nurse","level":"student","count":4}"#).status == .badRequest)
            let secondReview = try await team.postJSON("/api/v1/reviews", json: #"{"type":"programme","organisation":"T002","plannedOn":"2026-12-01"}"#)
            let second = try #require(try Self.json(secondReview)["id"] as? String)
            #expect(try await panelReviewer.get("/api/v1/reviews/\(second)").status == .notFound)
            #expect(try await panelReviewer.get("/api/v1/reviews").body.string.contains("\"total\":1"))
            for role in [Role.learner, .educator, .providerEducationLead, .administrator, .regulatorLiaison] {
                let b = try await TestAccounts.browser(app, as: role)
                #expect(try await b.postJSON("/api/v1/reviews", json: #"{"type":"risk-based","organisation":"T001","plannedOn":"2026-12-01"}"#).status == .forbidden, "\(role)")
            }
            #expect(try await TestBrowser(app).get("/api/v1/reviews").status == .unauthorized)
            #expect(try await TestBrowser(app).get("/api/v1/review-types").body.string.contains("urgent-concern"))
            #expect(try await TestBrowser(app).get("/reviews?from=2026-13-01").status == .badRequest)
            #expect(try await TestBrowser(app).get("/reviews/RV-99999").status == .notFound)
        }
    }

    @Test("an overdue immediate requirement notifies the region's quality team once", arguments: TestDatabase.all)
    func overdueNotice(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let team = try await TestAccounts.browser(app, as: .regionalQualityTeam)
            let visit = CalendarDay.today().adding(days: -30).iso
            let id = try #require(try Self.json(try await team.postJSON("/api/v1/reviews",
                json: "{\"type\":\"urgent-concern\",\"organisation\":\"T001\",\"plannedOn\":\"\(visit)\"}"))["id"] as? String)
            _ = try await team.postJSON("/api/v1/reviews/\(id)/status", json: #"{"to":"evidence-gathering"}"#)
            _ = try await team.postJSON("/api/v1/reviews/\(id)/status", json: #"{"to":"visited"}"#)
            let standard = try await QualityFrameworkStore.current(on: app.db).standardCodes[0]
            let res = try await team.postJSON("/api/v1/reviews/\(id)/requirements",
                                              json: "{\"kind\":\"immediate-mandatory\",\"text\":\"Supervision\",\"standards\":[\"\(standard)\"]}")
            #expect(try Self.json(res)["overdue"] as? Bool == true)
            #expect(try Self.json(res)["rag"] as? String == "red")
            #expect(try await team.get("/api/v1/requirements?overdue=true").body.string.contains("\"total\":1"))
            #expect(try await team.get("/api/v1/requirements?overdue=maybe").status == .badRequest)
            try await ReviewNotices.run(app, today: .today())
            try await ReviewNotices.run(app, today: .today())
            let notices = try await OutboxMessage.query(on: app.db).filter(\.$kind == "requirement-overdue").all()
            #expect(notices.map(\.recipient) == [TestAccounts.email(.regionalQualityTeam)])
        }
    }
}
