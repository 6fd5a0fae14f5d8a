import EduQualityDomain
import Fluent
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Quality Framework versions through the administration pages")
struct QualityFrameworkVersioningTests {
    static let base = "/admin/reference/quality-framework"

    @Test("an administrator drafts, edits and publishes version 2; version 1 stays readable as it was",
          arguments: TestDatabase.all)
    func newVersion(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get(Self.base)
            // MUT: one of each edit, then publish
            #expect(try await admin.post(Self.base + "/draft", form: [:]).status == .seeOther)
            #expect(try await admin.post(Self.base + "/draft/standards/1.2", form: ["text": "Learners are treated with dignity."]).status == .seeOther)
            #expect(try await admin.post(Self.base + "/draft/domains/1/standards", form: ["text": "Learners can reach a guardian."]).status == .seeOther)
            #expect(try await admin.post(Self.base + "/draft/standards/1.3/retire", form: [:]).status == .seeOther)
            #expect(try await admin.post(Self.base + "/draft/domains/2", form: ["name": "Commitment to quality"]).status == .seeOther)
            #expect(try await admin.post(Self.base + "/draft/domains", form: ["name": "Digital learning", "text": "Learners have the systems they need."]).status == .seeOther)
            let draft = try await admin.get(Self.base + "/draft")
            #expect(draft.body.string.contains("Retired in this draft: 1.3"))
            #expect(draft.body.string.contains("Standard 1.7 <strong class=\"nhsuk-tag nhsuk-tag--blue\">New</strong>"))
            // a draft is not public yet
            #expect(try await QualityFrameworkStore.current(on: app.db).version == 1)
            #expect(try await QualityFrameworkStore.version(2, on: app.db) == nil)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/quality-framework?version=2").status == .notFound)
            let published = try await admin.post(Self.base + "/draft/publish", form: [:])
            #expect(published.status == .seeOther)
            // validate
            let v2 = try await QualityFrameworkStore.current(on: app.db)
            let v1 = try #require(try await QualityFrameworkStore.version(1, on: app.db))
            #expect(v2.version == 2 && v1.version == 1)
            #expect(v2.standard("1.2")?.text == "Learners are treated with dignity.")
            #expect(v1.standard("1.2")?.text.hasPrefix("The learning environment is one in which") == true)
            #expect(v2.standard("1.3") == nil && v1.standard("1.3") != nil)
            #expect(v2.standard("1.7")?.text == "Learners can reach a guardian.")
            #expect(v2.domain("2")?.name == "Commitment to quality" && v1.domain("2")?.name == "Educational governance and leadership")
            #expect(v2.domain("7")?.standards.map(\.code) == ["7.1"])
            let info = try await QualityFrameworkStore.versions(on: app.db)
            #expect(info.map(\.number) == [1, 2] && info[1].createdBy == TestAccounts.email(.administrator)
                    && info[1].publishedBy == TestAccounts.email(.administrator) && info[1].effectiveOn == .today())
            let old = try await app.testing().sendRequest(.GET, "/api/v1/quality-framework?version=1")
            #expect(old.status == .ok && old.body.string.contains("\"1.3\""))
            let current = try await app.testing().sendRequest(.GET, "/api/v1/quality-framework")
            #expect(current.body.string.contains("\"version\":2") && !current.body.string.contains("\"1.3\""))
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == "quality-framework").all().map(\.action)
            #expect(Set(actions) == ["quality-framework.publish", "quality-framework.draft-start", "quality-framework.standard-edit",
                                     "quality-framework.standard-add", "quality-framework.standard-retire",
                                     "quality-framework.domain-rename", "quality-framework.domain-add"])
            // the new draft starts from version 2 and never reuses 1.3
            try await admin.post(Self.base + "/draft", form: [:])
            try await admin.post(Self.base + "/draft/domains/1/standards", form: ["text": "Another."])
            #expect(try await QualityFrameworkStore.draft(on: app.db)?.domain("1")?.standards.last?.code == "1.8")
        }
    }

    @Test("refused edits are shown again with the reason and change nothing; an unchanged draft is not published")
    func refusals() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            try await admin.get(Self.base)
            // no draft yet
            #expect(try await admin.post(Self.base + "/draft/standards/1.1", form: ["text": "X"]).status == .notFound)
            try await admin.post(Self.base + "/draft", form: [:])
            let before = try await QualityFrameworkStore.draft(on: app.db)
            let audit = try await AuditEntry.query(on: app.db).count()
            let empty = try await admin.post(Self.base + "/draft/standards/1.1", form: ["text": "   "])
            #expect(empty.status == .badRequest && empty.body.string.contains("Enter the text"))
            #expect(empty.body.string.contains("href=\"#text-1.1\""))
            let unknown = try await admin.post(Self.base + "/draft/standards/9.9/retire", form: [:])
            #expect(unknown.status == .badRequest && unknown.body.string.contains("There is no standard 9.9 in this version"))
            let unchanged = try await admin.post(Self.base + "/draft/standards/1.1", form: ["text": before!.standard("1.1")!.text])
            #expect(unchanged.status == .seeOther)
            let publish = try await admin.post(Self.base + "/draft/publish", form: [:])
            #expect(publish.status == .conflict && publish.body.string.contains("The draft is the same as version 1"))
            #expect(try await QualityFrameworkStore.draft(on: app.db) == before)
            #expect(try await AuditEntry.query(on: app.db).count() == audit)
            // discarding removes the draft; version 1 stays current
            #expect(try await admin.post(Self.base + "/draft/discard", form: [:]).status == .seeOther)
            #expect(try await QualityFrameworkStore.draft(on: app.db) == nil)
            #expect(try await QualityFrameworkStore.current(on: app.db).version == 1)
        }
    }

    @Test("the administration page lists versions and shows the crosswalk beside each standard")
    func overview() async throws {
        try await withTestApp(.sqlite) { app in
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let page = try await admin.get(Self.base)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Start a draft of version 2"))
            #expect(html.contains("<a href=\"/quality-framework?version=1\">Version 1</a> (current)"))
            #expect(html.contains("NMC Standards for student supervision and assessment 10"))
        }
    }
}
