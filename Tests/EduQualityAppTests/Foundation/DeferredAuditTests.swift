import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

@Suite("Anonymous audit events join the chain in shuffled batches")
struct DeferredAuditAppTests {
    static func named(_ app: Application, _ id: String) async throws -> Int {
        try await app.db.audited(actor: "admin@example.org") { _ in
            ((), [AuditEvent(action: "test.named", entityType: "test", entityID: id)])
        }
        return try #require(try await AuditEntry.query(on: app.db).filter(\.$entityID == id).first()?.id)
    }

    static func concernEntries(_ app: Application) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).filter(\.$entityType == "concern").sort(\.$id).all()
    }

    @Test("every audit name for people without an account, and a signed-out visitor, is deferred")
    func actorsDeferred() {
        for actor in [AuditActor.anonymousReporter, AuditActor.reporter, AuditActor.surveyRespondent, "public"] {
            #expect(AuditActor.keepsDayOnly(actor) && DeferredAudit.isDeferred(actor: actor), "\(actor)")
        }
        #expect(!AuditActor.keepsDayOnly(SurveyResponseDailyAudit.actor))
    }

    @Test("an anonymous concern raised between two named events waits for the batch, then follows the later one, day only",
          arguments: TestDatabase.all)
    func betweenNamed(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            let first = try await Self.named(app, "before")
            let raised = [try await ConcernAPI.raise(app, description: "One."),
                          try await ConcernAPI.raise(app, description: "Two."),
                          try await ConcernAPI.raise(app, description: "Three.")]
            let second = try await Self.named(app, "after")
            #expect(second == first + 1, "nothing of the concerns sits between the named entries")
            #expect(try await Self.concernEntries(app).isEmpty, "not in the chain before the batch")
            #expect(try await PendingAuditEvent.query(on: app.db).count() >= 3)
            #expect(try await AuditLog.verify(on: app.db).0 == nil)

            // MUT
            let appended = try await AuditLog.appendPendingBatch(on: app.db)

            // validate
            let entries = try await Self.concernEntries(app)
            #expect(appended >= 3 && entries.count >= 3)
            #expect(Set(entries.map(\.entityID)) == Set(raised.map(\.reference)))
            #expect(entries.allSatisfy { ($0.id ?? 0) > second }, "after the later named event")
            #expect(entries.allSatisfy { $0.actor == AuditActor.anonymousReporter })
            let midnight = DeferredAudit.dayStart(of: Date())
            #expect(entries.allSatisfy { $0.occurredAt == midnight }, "stamped with the day only")
            #expect(try await PendingAuditEvent.query(on: app.db).count() == 0, "the waiting events are gone")
            let (broken, count) = try await AuditLog.verify(on: app.db)
            #expect(broken == nil)
            #expect(count == (try await AuditEntry.query(on: app.db).count()))
            #expect(try await AuditLog.appendPendingBatch(on: app.db) == 0)
        }
    }

    @Test("the audit page shows an anonymous concern's entries only once the batch has run, and the command runs it",
          arguments: TestDatabase.all)
    func auditPage(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            try await TestAccounts.createAll(on: app)
            let admin = try await TestAccounts.browser(app, as: .administrator)
            let raised = try await ConcernAPI.raise(app)
            let page = "/admin/audit?q=\(raised.reference)"
            let status = try await admin.get(page).status
            #expect(status == .ok)
            #expect(!admin.lastBody.contains("concern \(raised.reference)"), "not listed while waiting")
            // MUT
            app.environment.arguments = ["eduquality", "audit", "batch"]
            try await app.execute()
            // validate
            let after = try await admin.get(page).status
            #expect(after == .ok)
            #expect(admin.lastBody.contains("concern \(raised.reference)"))
            #expect(admin.lastBody.contains(AuditActor.anonymousReporter))
            #expect(try await PendingAuditEvent.query(on: app.db).count() == 0)
        }
    }

    @Test("a failed anonymous change leaves no waiting event: the change and its event commit together",
          arguments: TestDatabase.all)
    func rollback(db: TestDatabase) async throws {
        struct Refused: Error {}
        try await withTestApp(db) { app async throws in
            await #expect(throws: Refused.self) {
                try await app.db.audited(actor: AuditActor.anonymousReporter) { db -> ((), [AuditEvent]) in
                    try await AuditLog.append([AuditEvent(action: "test.anonymous", entityType: "test", entityID: "x")],
                                              actor: AuditActor.anonymousReporter, on: db)
                    throw Refused()
                }
            }
            #expect(try await PendingAuditEvent.query(on: app.db).count() == 0)
        }
    }

    @Test("a batch of 20 anonymous events is a shuffled permutation of them and the chain verifies",
          arguments: TestDatabase.all)
    func shuffledBatch(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup: twenty events queued one after the other
            let ids = (0..<20).map { String(format: "%02d", $0) }
            for id in ids {
                try await app.db.audited(actor: AuditActor.reporter) { _ in
                    ((), [AuditEvent(action: "test.anonymous", entityType: "test", entityID: id)])
                }
            }
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "test.anonymous").count() == 0)
            // MUT
            #expect(try await AuditLog.appendPendingBatch(on: app.db) == 20)
            // validate: every event once; in queue order with probability 1/20! (about 4e-19)
            let order = try await AuditEntry.query(on: app.db).filter(\.$action == "test.anonymous").sort(\.$id).all()
                .map(\.entityID)
            #expect(order.sorted() == ids)
            #expect(order != ids, "not in the order they were queued")
            #expect(try await AuditLog.verify(on: app.db).0 == nil)
        }
    }

    @Test("the scheduled batch runs once per batch time", arguments: TestDatabase.all)
    func schedule(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            func queue(_ id: String) async throws {
                try await app.db.audited(actor: AuditActor.anonymousReporter) { _ in
                    ((), [AuditEvent(action: "test.anonymous", entityType: "test", entityID: id)])
                }
            }
            let day = DeferredAudit.dayStart(of: Date())
            func at(_ hour: Double) -> Date { day.addingTimeInterval(hour * 3600) }
            try await queue("a")
            #expect(try await AuditLog.appendPendingBatchIfDue(on: app.db, now: at(7)) == 1, "the first batch is due at once")
            try await queue("b")
            #expect(try await AuditLog.appendPendingBatchIfDue(on: app.db, now: at(11.99)) == nil, "06:00 is served")
            #expect(try await PendingAuditEvent.query(on: app.db).count() == 1)
            #expect(try await AuditLog.appendPendingBatchIfDue(on: app.db, now: at(12)) == 1, "12:00 has passed")
            #expect(try await AuditLog.appendPendingBatchIfDue(on: app.db, now: at(13)) == nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "test.anonymous").count() == 2)
            #expect(try await AuditLog.verify(on: app.db).0 == nil)
        }
    }

    @Test("a survey submission is not audited by itself; its round and day get one count once the day is over",
          arguments: TestDatabase.all)
    func surveyDailyCount(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // setup
            try await SurveyTestRounds.open(app)
            let before = try await AuditEntry.query(on: app.db).count()
            for _ in 0..<2 {
                let b = SurveyBrowser(app)
                #expect(try await b.post("/survey/NETS-OPEN/submit", SurveyAnswersFixture.wholeSurvey()) == .created)
            }
            #expect(try await AuditEntry.query(on: app.db).count() == before, "no entry per response")
            #expect(try await PendingAuditEvent.query(on: app.db).count() == 0, "and none waiting")
            let today = CalendarDay.today()
            // MUT: the job during the day, then after it
            #expect(try await SurveyResponseDailyAudit.appendCounts(before: today, on: app.db) == 0, "the day is not over")
            #expect(try await SurveyResponseDailyAudit.appendCounts(before: today.adding(days: 1), on: app.db) == 1)
            #expect(try await SurveyResponseDailyAudit.appendCounts(before: today.adding(days: 2), on: app.db) == 0,
                    "each day counted once")
            // validate
            let daily = try await AuditEntry.query(on: app.db).filter(\.$action == "survey-response.daily").all()
            #expect(daily.count == 1)
            #expect(daily.first?.entityID == "NETS-OPEN")
            #expect(AuditLog.decode(daily.first?.afterJSON) == ["day": today.iso, "responses": "2"])
            #expect(daily.first?.actor == SurveyResponseDailyAudit.actor)
            #expect(try await AuditEntry.query(on: app.db).count() == before + 1)
            #expect(try await AuditLog.verify(on: app.db).0 == nil)
        }
    }
}
