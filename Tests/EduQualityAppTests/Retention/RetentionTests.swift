import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Record retention: the purge, its settings page and its audit")
struct RetentionTests {
    typealias F = RetentionFixtures
    static let today = CalendarDay(iso: "2026-12-03")!

    @Test("the purge deletes or anonymises exactly the records past their time, audits the run with counts, and finds nothing more the second time",
          arguments: TestDatabase.all)
    func purge(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // Old and recent of each kind (periods of 365 days: the cut-off is 2025-12-03).
            let oldClosed = try await F.concern(app, raisedOn: "2024-01-10", closedOn: "2025-12-02")
            let recentlyClosed = try await F.concern(app, raisedOn: "2024-01-10", closedOn: "2025-12-03")
            let oldOpen = try await F.concern(app, raisedOn: "2020-01-10", closedOn: nil)
            let oldCase = try await SpeakUpWebFixtures.speakUpCase(app, on: "2025-12-02")
            let recentCase = try await SpeakUpWebFixtures.speakUpCase(app, on: "2025-12-03")
            try await F.comment(app, text: "SECRET old comment", submittedOn: "2025-11-30")
            try await F.comment(app, text: "recent comment", submittedOn: "2025-12-03")
            try await F.draft(app, hash: "old", savedOn: "2025-01-01")
            try await F.draft(app, hash: "recent", savedOn: "2026-12-01")
            try await F.notice(app, to: "a@example.org", queuedOn: "2025-01-01", sentOn: "2025-01-02")
            try await F.notice(app, to: "b@example.org", queuedOn: "2025-01-01", sentOn: nil)
            try await F.notice(app, to: "c@example.org", queuedOn: "2025-01-01", sentOn: "2026-01-01")

            // MUT
            let run = try await RetentionPurge(db: app.db).run(policy: F.yearPolicy, today: Self.today, actor: "system:retention")

            // validate: the counts
            #expect(run.counts == [.closedConcerns: 1, .speakUpCases: 1, .surveyFreeText: 1, .surveyDrafts: 1, .outbox: 2])
            // the old closed concern keeps its facts and loses its people and words
            let anonymised = try await ConcernRecord.find(oldClosed.id, on: app.db)!
            #expect(anonymised.reporterName == RetentionText.removed && anonymised.reporterEmail == nil)
            #expect(anonymised.whatHappened == RetentionText.removed && anonymised.desiredOutcome == RetentionText.removed)
            #expect(anonymised.receiptDigest == nil)
            #expect(anonymised.status == "closed" && anonymised.category == "supervision" && anonymised.organisation == "T001")
            let rows = try await ConcernTimelineRecord.query(on: app.db).filter(\.$concernID == oldClosed.id!).all()
            #expect(rows.count == 7 && rows.allSatisfy { !$0.entryJSON.contains("SECRET") })
            let (_, restored) = try await ConcernStore(db: app.db, clocks: .standard).load(oldClosed.reference)!
            #expect(restored.status == .closed && restored.timeline.count == 7)
            // the others are untouched
            for kept in [recentlyClosed, oldOpen] {
                let record = try await ConcernRecord.find(kept.id, on: app.db)!
                #expect(record.whatHappened == "SECRET what happened" && record.reporterEmail == "named.reporter@example.org")
                let timeline = try await ConcernTimelineRecord.query(on: app.db).filter(\.$concernID == kept.id!).all()
                #expect(timeline.contains { $0.entryJSON.contains("SECRET internal note") })
            }
            #expect(try await SpeakUpCaseRecord.find(oldCase.id, on: app.db) == nil)
            #expect(try await SpeakUpCaseThemeRecord.query(on: app.db).filter(\.$speakUpCase.$id == oldCase.id!).count() == 0)
            #expect(try await SpeakUpCaseRecord.find(recentCase.id, on: app.db) != nil)
            let comments = try await SurveyCommentRecord.query(on: app.db).sort(\.$submittedOn).all()
            #expect(comments.map(\.text) == [RetentionText.removed, "recent comment"])
            #expect(comments[0].triageNote == nil && comments[0].keywordScore == 5 && comments[0].organisation == "T001")
            #expect(try await SurveyDraftRecord.query(on: app.db).all().map(\.id) == ["recent"])
            #expect(try await OutboxMessage.query(on: app.db).all().map(\.recipient) == ["c@example.org"])
            // the run's audit entry, and a chain that still verifies
            let entry = try await AuditEntry.query(on: app.db).filter(\.$action == "retention.purge").first()!
            #expect(entry.actor == "system:retention" && entry.entityID == "2026-12-03")
            let after = AuditLog.decode(entry.afterJSON)!
            #expect(after["outbox"] == "2" && after["closed-concerns"] == "1" && after["outbox-days"] == "365")
            let (broken, _) = try await AuditLog.verify(on: app.db)
            #expect(broken == nil)

            // a second run finds nothing more, and the daily run does not repeat a day
            let again = try await RetentionPurge(db: app.db).run(policy: F.yearPolicy, today: Self.today, actor: "system:retention")
            #expect(again.total == 0)
            #expect(try await RetentionPurge(db: app.db).runIfDue(policy: F.yearPolicy, today: Self.today) == nil)
            #expect(try await RetentionPurge(db: app.db).runIfDue(policy: F.yearPolicy, today: Self.today.adding(days: 1)) != nil)
        }
    }

    @Test("the housekeeping job runs the purge with the saved periods, once a day", arguments: TestDatabase.all)
    func dailyJob(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await F.notice(app, to: "old@example.org", queuedOn: "2020-01-01", sentOn: "2020-01-01")
            try await BackgroundJobs.housekeeping(app)
            try await BackgroundJobs.housekeeping(app)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "old@example.org").count() == 0)
            let runs = try await AuditEntry.query(on: app.db).filter(\.$action == "retention.purge").all()
            #expect(runs.count == 1 && runs[0].actor == "system:retention")
        }
    }

    @Test("only an administrator opens the page; a bad period is a 400 naming its field and saves nothing; a good one is audited and used",
          arguments: TestDatabase.all)
    func settingsPage(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await TestAccounts.createAll(on: app)
            #expect(try await TestBrowser(app).get("/admin/retention").status == .unauthorized)
            for role in Role.allCases where role != .administrator {
                let b = try await TestAccounts.browser(app, as: role)
                #expect(try await b.get("/admin/retention").status == .forbidden, "\(role)")
                #expect(try await b.post("/admin/retention/purge", form: [:]).status == .forbidden, "\(role)")
            }
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let page = try await admin.get("/admin/retention")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"value="2190""#), "the default from Seed/reference/retention.json")
            #expect(page.body.string.contains("The purge has not run yet."))

            var form = Dictionary(uniqueKeysWithValues: RetainedRecords.allCases.map { ($0.rawValue, "400") })
            form["survey-drafts"] = "0"
            form["outbox"] = "<script>"
            let refused = try await admin.post("/admin/retention", form: form)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains(##"href="#survey-drafts""##) && refused.body.string.contains(##"href="#outbox""##))
            #expect(!refused.body.string.contains("<script>"))
            #expect(try await AccountSettingRecord.find(RetentionSettings.key, on: app.db) == nil)

            form["survey-drafts"] = "7"
            form["outbox"] = "30"
            let saved = try await admin.post("/admin/retention", form: form)
            #expect(saved.status == .seeOther)
            let policy = try await RetentionSettings.policy(defaults: app.retentionDefaults, on: app.db)
            #expect(policy.days(for: .surveyDrafts) == 7 && policy.days(for: .closedConcerns) == 400)
            let change = try await AuditEntry.query(on: app.db).filter(\.$action == "settings.retention").first()!
            #expect(AuditLog.decode(change.beforeJSON)?["survey-drafts"] == "60" && AuditLog.decode(change.afterJSON)?["survey-drafts"] == "7")

            try await F.draft(app, hash: "stale", savedOn: CalendarDay.today().adding(days: -8).iso)
            let purged = try await admin.post("/admin/retention/purge", form: [:])
            #expect(purged.status == .seeOther)
            #expect(try await SurveyDraftRecord.find("stale", on: app.db) == nil)
            let after = try await admin.get("/admin/retention?done=purged").body.string
            #expect(after.contains(TestAccounts.email(.administrator)), "the run is listed with who ran it")
        }
    }
}
