import EduQualityDomain
import Fluent
import Foundation

/// Deletes or anonymises every record past its retention period (`RetentionPolicy`,
/// `RetainedRecords`), all kinds in one audited transaction whose audit entry is the run's record
/// with its counts. Running it again the same day finds nothing more to do.
struct RetentionPurge: Sendable {
    static let systemActor = "system:retention"

    let db: any Database

    func run(policy: RetentionPolicy, today: CalendarDay, actor: String) async throws -> RetentionRun {
        try await db.audited(actor: actor) { db in
            var counts: [RetainedRecords: Int] = [:]
            for kind in RetainedRecords.allCases {
                let cutoff = policy.cutoff(for: kind, today: today)
                counts[kind] = switch kind {
                case .closedConcerns: try await Self.anonymiseConcerns(closedBefore: cutoff, on: db)
                case .speakUpCases: try await Self.deleteSpeakUpCases(raisedBefore: cutoff, on: db)
                case .surveyFreeText: try await Self.anonymiseComments(submittedBefore: cutoff, on: db)
                case .surveyDrafts: try await Self.deleteDrafts(savedBefore: cutoff, on: db)
                case .outbox: try await Self.deleteNotices(before: cutoff, on: db)
                }
            }
            let run = RetentionRun(day: today, policy: policy, counts: counts)
            return (run, [run.auditEvent])
        }
    }

    /// The daily run of the background jobs: once a day, whichever instance holds the
    /// housekeeping lease first; a run already recorded today (by the system) is not repeated.
    func runIfDue(policy: RetentionPolicy, today: CalendarDay) async throws -> RetentionRun? {
        let ranToday = try await AuditEntry.query(on: db)
            .filter(\.$action == RetentionRun.auditAction).filter(\.$entityID == today.iso)
            .filter(\.$actor == Self.systemActor).count() > 0
        return ranToday ? nil : try await run(policy: policy, today: today, actor: Self.systemActor)
    }

    /// The latest runs, newest first, from the audit log.
    static func recentRuns(limit: Int, on db: any Database) async throws -> [(entry: AuditEntry, counts: [RetainedRecords: Int])] {
        try await AuditEntry.query(on: db).filter(\.$action == RetentionRun.auditAction)
            .sort(\.$id, .descending).limit(limit).all()
            .map { ($0, RetentionRun.counts(fromAudit: AuditLog.decode($0.afterJSON) ?? [:])) }
    }

    /// Removes the reporter's identity and every text from closed concerns closed before
    /// `cutoff`; the receipt code stops working, since nothing is left to follow up.
    private static func anonymiseConcerns(closedBefore cutoff: CalendarDay, on db: any Database) async throws -> Int {
        let removed = RetentionText.removed
        let records = try await ConcernRecord.query(on: db)
            .filter(\.$status == ConcernStatus.closed.rawValue).filter(\.$whatHappened != removed).all()
        let concerns = try await ConcernStore(db: db, clocks: .standard).restoreAll(records)
        var count = 0
        for (record, concern) in zip(records, concerns) {
            guard let closedOn = concern.closedOn, closedOn < cutoff else { continue }
            // The timeline was read and decoded with the concern: rewrite only the entries with text.
            for entry in concern.timeline where entry.withoutFreeText != entry {
                let json = String(decoding: try ConcernStore.encoder.encode(entry.withoutFreeText), as: UTF8.self)
                try await ConcernTimelineRecord.query(on: db).filter(\.$concernID == record.id!)
                    .filter(\.$sequence == entry.sequence).set(\.$entryJSON, to: json).update()
            }
            if record.reporterName != nil { record.reporterName = removed }
            record.reporterEmail = nil
            record.accountID = nil
            record.whatHappened = removed
            if record.desiredOutcome != nil { record.desiredOutcome = removed }
            record.receiptDigest = nil
            record.receiptLocator = nil
            record.receiptHash = nil
            try await record.update(on: db)
            count += 1
        }
        return count
    }

    private static func deleteSpeakUpCases(raisedBefore cutoff: CalendarDay, on db: any Database) async throws -> Int {
        let ids = try await SpeakUpCaseRecord.query(on: db).filter(\.$raisedOn < cutoff.iso).all(\.$id)
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            try await SpeakUpCaseThemeRecord.query(on: db).filter(\.$speakUpCase.$id ~~ chunk).delete()
            try await SpeakUpCaseRecord.query(on: db).filter(\.$id ~~ chunk).delete()
        }
        return ids.count
    }

    private static func anonymiseComments(submittedBefore cutoff: CalendarDay, on db: any Database) async throws -> Int {
        let removed = RetentionText.removed
        let due = { SurveyCommentRecord.query(on: db).filter(\.$submittedOn < cutoff.iso).filter(\.$text != removed) }
        let count = try await due().count()
        if count > 0 { try await due().set(\.$text, to: removed).set(\.$triageNote, to: nil).update() }
        return count
    }

    private static func deleteDrafts(savedBefore cutoff: CalendarDay, on db: any Database) async throws -> Int {
        let due = { SurveyDraftRecord.query(on: db).filter(\.$savedOn < cutoff.iso) }
        let count = try await due().count()
        if count > 0 { try await due().delete() }
        return count
    }

    /// Sent notices by the day they were sent; notices never sent by the day they were queued.
    private static func deleteNotices(before cutoff: CalendarDay, on db: any Database) async throws -> Int {
        let due = {
            OutboxMessage.query(on: db).group(.or) { either in
                either.group(.and) { $0.filter(\.$sentOn != nil).filter(\.$sentOn < cutoff.iso) }
                either.group(.and) { $0.filter(\.$sentOn == nil).filter(\.$createdOn < cutoff.iso) }
            }
        }
        let count = try await due().count()
        if count > 0 { try await due().delete() }
        return count
    }
}
