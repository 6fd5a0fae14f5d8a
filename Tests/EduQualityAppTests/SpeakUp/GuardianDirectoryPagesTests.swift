import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Guardian directory pages")
struct GuardianDirectoryPagesTests {
    typealias F = SpeakUpWebFixtures

    @Test("anyone searches the directory by guardian, organisation name or code", arguments: TestDatabase.all)
    func search(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            try await F.guardian(app, name: "Zoë Adams", organisation: "T001")
            try await F.guardian(app, name: "Sam O'Brien", organisation: "T002", email: "sam@example.org", phone: nil, availability: nil)
            try await F.guardian(app, name: "Chris Lee", organisation: "T003", email: "chris@example.org")
            let visitor = TestBrowser(app)
            // MUT + validate
            let all = try await visitor.get("/speak-up/guardians")
            #expect(all.status == .ok)
            #expect(all.body.string.contains("3 in all"))
            let byName = try await visitor.get("/speak-up/guardians?q=zoe").body.string
            #expect(byName.contains("Zoë Adams") && byName.contains("Thamesbank University Hospitals"))
            #expect(byName.contains("mailto:zoe.adams@example.org") && byName.contains("tel:01632960001"))
            #expect(!byName.contains("Chris Lee"))
            let byOrganisation = try await visitor.get("/speak-up/guardians?q=southwark%20riverside").body.string
            #expect(byOrganisation.contains("Sam O&#39;Brien"))
            #expect(!byOrganisation.contains("Zoë Adams"))
            let byCode = try await visitor.get("/speak-up/guardians?q=T003").body.string
            #expect(byCode.contains("Chris Lee") && !byCode.contains("Zoë Adams"))
            let filtered = try await visitor.get("/speak-up/guardians?organisation=T002").body.string
            #expect(filtered.contains("1 in all") && filtered.contains("Southwark Riverside"))
            let none = try await visitor.get("/speak-up/guardians?q=nobody%20here").body.string
            #expect(none.contains("No guardians match"))
        }
    }

    @Test("the directory paginates, refuses a nonsense page number, and escapes what guardians typed")
    func paginationAndEscaping() async throws {
        try await withTestApp(.sqlite) { app in
            for i in 1...30 { try await F.guardian(app, name: "Guardian \(i)", email: "g\(i)@example.org") }
            try await F.guardian(app, name: "<script>alert(1)</script>", organisation: "T002", email: "x@example.org")
            let visitor = TestBrowser(app)
            #expect(try await visitor.get("/speak-up/guardians").body.string.contains("Page 1 of 2, 31 in all"))
            #expect(try await visitor.get("/speak-up/guardians?page=2").body.string.contains("Page 2 of 2"))
            #expect(try await visitor.get("/speak-up/guardians?page=0").status == .badRequest)
            let escaped = try await visitor.get("/speak-up/guardians?q=alert").body.string
            #expect(!escaped.contains("<script>alert") && escaped.contains("&lt;script&gt;"))
        }
    }

    @Test("the introduction explains the three ways and links to the directory and to raising a concern")
    func intro() async throws {
        try await withTestApp(.sqlite) { app in
            let body = try await TestBrowser(app).get("/speak-up").body.string
            for text in ["Openly", "Confidentially", "Anonymously", "href=\"/speak-up/guardians\"", "href=\"/concerns/new\""] {
                #expect(body.contains(text))
            }
            #expect(!body.contains("/speak-up/cases"))
            try await TestAccounts.createAll(on: app)
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            #expect(try await guardian.get("/speak-up").body.string.contains("href=\"/speak-up/cases\""))
        }
    }

    @Test("an administrator adds, edits and removes an entry for any organisation; each change is audited", arguments: TestDatabase.all)
    func administratorManages(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/speak-up/guardians/manage/new")
            // MUT: add
            let added = try await admin.post("/speak-up/guardians/manage/new", form: [
                "name": "Priya Shah", "organisation": "T005", "email": "priya.shah@example.org",
                "phone": "01632 960555", "availability": "Mondays"])
            #expect(added.status == .seeOther)
            let record = try #require(try await GuardianDirectoryRecord.query(on: app.db).first())
            #expect(record.organisationCode == "T005" && record.phone == "01632 960555")
            #expect(try await TestBrowser(app).get("/speak-up/guardians?q=priya").body.string.contains("priya.shah@example.org"))
            // MUT: edit
            let id = record.id!.uuidString
            try await admin.get("/speak-up/guardians/manage/\(id)")
            let edited = try await admin.post("/speak-up/guardians/manage/\(id)", form: [
                "name": "Priya Shah", "organisation": "T005", "email": "speakup@example.org", "phone": "", "availability": ""])
            #expect(edited.status == .seeOther)
            // MUT: remove
            try await admin.get("/speak-up/guardians/manage/\(id)/remove")
            #expect(try await admin.post("/speak-up/guardians/manage/\(id)/remove", form: [:]).status == .seeOther)
            #expect(try await GuardianDirectoryRecord.query(on: app.db).count() == 0)
            // validate: three audit entries by the administrator, in order, and an intact chain
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == "guardian-directory-entry").sort(\.$id).all()
            #expect(entries.map(\.action) == ["guardian-directory.add", "guardian-directory.update", "guardian-directory.remove"])
            #expect(entries.allSatisfy { $0.actor == TestAccounts.email(.administrator) && $0.entityID == id })
            #expect(entries[1].beforeJSON?.contains("priya.shah@example.org") == true)
            #expect(entries[1].afterJSON?.contains("speakup@example.org") == true)
            #expect(try await AuditLog.verify(on: app.db).0 == nil)
        }
    }

    @Test("a guardian manages their own organisation's entries only")
    func guardianManagesOwn() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let own = try await F.guardian(app, name: "Own Guardian", organisation: "T001")
            try await F.guardian(app, name: "Neighbour Guardian", organisation: "T002", email: "n@example.org")
            let guardian = try await TestAccounts.browser(app, as: .ftsuGuardian)
            let list = try await guardian.get("/speak-up/guardians/manage").body.string
            #expect(list.contains("Own Guardian") && !list.contains("Neighbour Guardian"))
            let form = try await guardian.get("/speak-up/guardians/manage/new").body.string
            #expect(form.contains("value=\"T001\" selected") && !form.contains("value=\"T002\""))
            let edit = try await guardian.post("/speak-up/guardians/manage/\(own.uuidString)", form: [
                "name": "Own Guardian", "organisation": "T001", "email": "own@example.org", "availability": "Fridays"])
            #expect(edit.status == .seeOther)
            // moving the entry to another organisation is refused, and nothing changes
            let move = try await guardian.post("/speak-up/guardians/manage/\(own.uuidString)", form: [
                "name": "Own Guardian", "organisation": "T002", "email": "own@example.org"])
            #expect(move.status == .forbidden)
            #expect(try await GuardianDirectoryRecord.find(own, on: app.db)?.organisationCode == "T001")
            let update = try await AuditEntry.query(on: app.db).filter(\.$action == "guardian-directory.update").first()
            #expect(update?.actor == TestAccounts.email(.ftsuGuardian))
        }
    }

    @Test("a bad entry is shown again with a message per field, and nothing is saved")
    func validation() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get("/speak-up/guardians/manage/new")
            let empty = try await admin.post("/speak-up/guardians/manage/new", form: [:])
            #expect(empty.status == .badRequest)
            for message in ["Enter the guardian&#39;s name", "Choose the organisation.", "Enter an email address"] {
                #expect(empty.body.string.contains(message), "missing \(message)")
            }
            let wrong = try await admin.post("/speak-up/guardians/manage/new", form: [
                "name": "A Guardian", "organisation": "NOPE", "email": "not-an-email", "phone": "call me"])
            #expect(wrong.status == .badRequest)
            let body = wrong.body.string
            #expect(body.contains("Choose the organisation from the list."))
            #expect(body.contains("Enter a phone number using digits"))
            #expect(body.contains("nhsuk-form-group--error") && body.contains("value=\"A Guardian\""))
            #expect(try await GuardianDirectoryRecord.query(on: app.db).count() == 0)
            #expect(try await admin.get("/speak-up/guardians/manage/not-a-uuid").status == .notFound)
        }
    }
}
