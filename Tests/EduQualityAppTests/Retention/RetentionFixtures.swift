import EduQualityDomain
import Fluent
import Foundation
@testable import EduQualityApp
import Vapor

/// Records of every retained kind, old and recent, written straight to the database with the
/// days a test needs (the service itself always writes today's).
enum RetentionFixtures {
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    /// A concern raised confidentially by `email` on `raisedOn`, answered and (when `closedOn` is
    /// given) closed that day, every text marked SECRET.
    @discardableResult
    static func concern(_ app: Application, email: String = "named.reporter@example.org",
                        raisedOn: String, closedOn: String?) async throws -> ConcernRecord {
        let submission = ConcernSubmission(
            reporter: .confidential(ReporterIdentity(name: "SECRET Named Reporter", email: email, accountID: nil)),
            placement: ConcernPlacement(region: "LDN", organisation: "T001", site: nil), category: .supervision,
            whatHappened: "SECRET what happened", desiredOutcome: "SECRET outcome wanted",
            pathway: .placementProvider, recipient: .pathwayHandler, educationProvider: nil)
        let raised = day(raisedOn)
        var (concern, _) = try Concern.receive(submission, reference: .generate(), on: raised)
        _ = try concern.acknowledge(by: "handler-1", on: raised)
        _ = try concern.addInternalNote("SECRET internal note", by: "handler-1", on: raised)
        _ = try concern.messageReporter("SECRET message to the reporter", by: "handler-1", on: raised)
        _ = try concern.receiveReporterMessage("SECRET message from the reporter", on: raised)
        _ = try concern.resolve(outcome: "SECRET resolution", by: "handler-1", on: raised)
        if let closedOn { _ = try concern.close(by: "handler-1", on: day(closedOn)) }
        let record = ConcernRecord(reference: concern.reference, submission: submission, submittedOn: raised)
        record.receiptDigest = "digest-\(concern.reference.value)"
        record.project(concern)
        try await record.create(on: app.db)
        for entry in concern.timeline {
            let json = String(decoding: try ConcernStore.encoder.encode(entry), as: UTF8.self)
            try await ConcernTimelineRecord(concernID: record.id!, sequence: entry.sequence, entryJSON: json).create(on: app.db)
        }
        return record
    }

    static func comment(_ app: Application, text: String, submittedOn: String) async throws {
        let c = SurveyCommentRecord()
        c.roundCode = "NETS-2020"; c.questionCode = "PS1"; c.kind = "patient-safety"; c.text = text; c.submittedOn = submittedOn
        c.profession = "student-nurse"; c.organisation = "T001"; c.region = "LDN"; c.site = nil
        c.placementType = "hospital-inpatient"; c.keywordScore = 5; c.keywords = "patient-safety"
        c.triageStatus = CommentTriageOutcome.untriaged.rawValue
        c.triageNote = "SECRET triage note"
        try await c.create(on: app.db)
    }

    static func draft(_ app: Application, hash: String, savedOn: String) async throws {
        let d = SurveyDraftRecord()
        d.id = hash; d.roundCode = "NETS-2020"; d.draftJSON = "{}"; d.savedOn = savedOn
        try await d.create(on: app.db)
    }

    static func notice(_ app: Application, to recipient: String, queuedOn: String, sentOn: String?) async throws {
        let m = OutboxMessage(recipient: recipient, subject: "Subject \(queuedOn)", body: "Body", kind: "test", dedupeKey: nil)
        m.createdOn = queuedOn
        m.sentOn = sentOn
        try await m.create(on: app.db)
    }

    /// Every period 365 days.
    static let yearPolicy = try! RetentionPolicy(days: Dictionary(uniqueKeysWithValues: RetainedRecords.allCases.map { ($0, 365) }))
}
