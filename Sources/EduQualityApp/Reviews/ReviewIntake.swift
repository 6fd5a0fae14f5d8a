import EduQualityDomain
import Fluent
import Vapor

/// What the review pages and the API do, once: each change checked by the domain against what is
/// stored, saved with its history line and audit event; an `InvalidForm` when it is refused, with
/// nothing changed.
enum ReviewIntake {
    static func move(_ record: ReviewRecord, _ review: Review, to: String?, on day: String?, _ req: Request) async throws -> Review {
        var changed = review
        let change = try changed.move(to: to, on: day, today: .today())
        try await ReviewStore.save(changed, change, record: record, req)
        return changed
    }

    static func addPanelMember(_ record: ReviewRecord, _ review: Review, _ form: NewPanelMemberForm, _ req: Request) async throws {
        var member = try form.validated()
        if let email = member.userID {
            guard let user = try await User.query(on: req.db).filter(\.$email == email.lowercased()).with(\.$roles).first(),
                  user.isActive else {
                throw InvalidForm(field: "userID", "There is no active account \(email).")
            }
            member.userID = try user.requireID().uuidString
        }
        var changed = review
        let change = try changed.addPanelMember(member)
        try await ReviewStore.save(changed, change, record: record, req)
    }

    static func addEvidence(_ record: ReviewRecord, _ review: Review, kind: String?, reference: String?, _ req: Request) async throws {
        let item = try ReviewEvidence(kind: kind ?? "", reference: reference ?? "")
        guard try await exists(item, req) else {
            throw InvalidForm(field: "reference", "There is no \(item.kind.replacingOccurrences(of: "-", with: " ")) \(item.reference) you can link.")
        }
        var changed = review
        guard let change = try changed.addEvidence(item) else { return }
        try await ReviewStore.save(changed, change, record: record, req)
    }

    /// Whether an evidence item exists and the visitor may read it (unknown and unreadable read the
    /// same, so linking is no way to probe).
    static func exists(_ item: ReviewEvidence, _ req: Request) async throws -> Bool {
        switch item {
        case .registerEntry(let reference):
            guard let record = try await RegisterEntryRecord.query(on: req.db).filter(\.$reference == reference).first(),
                  let entry = record.entry else { return false }
            return Authorization.isAllowed(req.actor, .viewQualityRegister, .located(entry.location))
        case .isfHistory(let subject):
            guard let resolved = try await ISFSubjects.resolve(subject, on: req.db) else { return false }
            return Authorization.isAllowed(req.actor, .viewQualityRegister, .located(resolved.location))
        case .source(let source):
            return try await RegisterSources.exists(source, req)
        }
    }

    static func recordMet(_ record: ReviewRecord, _ review: Review, profession: String?, level: String?, count: String?,
                          _ req: Request) async throws {
        let vocabulary = try await RegisterVocabulary.load(req.db)
        let group = try MetGroup.validated(profession: profession, level: level, count: count, professions: vocabulary.professions)
        var changed = review
        let change = try changed.recordMet(group)
        try await ReviewStore.save(changed, change, record: record, req)
    }

    static func grade(_ record: ReviewRecord, _ review: Review, placement: String?, grade: String?, toMoveUp: String?,
                      action: String?, actionOwner: String?, actionDue: String?, _ req: Request) async throws {
        let typed = try PlacementGrade.validated(placement: placement, grade: grade, toMoveUp: toMoveUp, action: action,
                                                 actionOwner: actionOwner, actionDue: actionDue, today: .today())
        var changed = review
        let change = try changed.grade(typed)
        try await ReviewStore.save(changed, change, record: record, req)
    }

    static func addRequirement(_ record: ReviewRecord, _ review: Review, _ form: NewRequirementForm, _ req: Request) async throws -> Requirement {
        let existing = try await RequirementStore.forReview(record, on: req.db).map(\.1)
        let framework = try await QualityFrameworkStore.current(on: req.db)
        let requirement = try form.validated(for: review, existing: existing,
                                             standards: Set(framework.domains.flatMap { $0.standards.map(\.code) }),
                                             rules: req.reviewSettings.rules.due, calendar: .englandAndWales)
        try await RequirementStore.create(requirement, review: record, req)
        return requirement
    }

    /// The provider's update, with an optional evidence file checked from its bytes. The file is
    /// written before the row; if the row does not commit, the file is removed.
    static func postUpdate(_ found: RequirementStore.Found, text: String?, file: File?, _ req: Request) async throws -> Requirement {
        let upload = try EvidenceFiles.checked(file)
        var changed = found.requirement
        let fileRecord = try upload.map { try EvidenceFiles.store($0, for: found.record, found.requirement, by: req.auditActor, req.application) }
        do {
            let change = try changed.postUpdate(text: text, evidence: fileRecord.map { [$0.id!.uuidString] } ?? [],
                                                by: ReviewStore.actorName(req), on: .today())
            try await RequirementStore.save(changed, change, found: found, req) { db in
                try await fileRecord?.create(on: db)
            }
        } catch {
            if let fileRecord { EvidenceFiles.discard(fileRecord, req.application) }
            throw error
        }
        return changed
    }

    static func decide(_ found: RequirementStore.Found, decision: String?, reason: String?, _ req: Request) async throws -> Requirement {
        var changed = found.requirement
        let change = try changed.decide(decision, reason: reason, by: ReviewStore.actorName(req), on: .today())
        try await RequirementStore.save(changed, change, found: found, req)
        return changed
    }

    /// A report's next stage. Publishing freezes version 1; the provider is told when the report
    /// comes to it for factual accuracy and when it is published.
    static func moveReport(_ record: ReviewRecord, _ review: Review, to: String?, waiver: String?, _ req: Request) async throws -> Review {
        var changed = review
        let settings = req.reviewSettings
        let change = try changed.moveReport(to: to, waiver: waiver, by: ReviewStore.actorName(req), today: .today(),
                                            calendar: .englandAndWales, factualAccuracyWorkingDays: settings.factualAccuracyWorkingDays)
        let published = changed.report.stage == .published && review.report.stage != .published
        let snapshot = published
            ? try await ReviewPublication.snapshot(changed, of: record, version: 1, publishedOn: .today(), on: req.db, types: settings.types) : nil
        let notices = try await ReviewNotices.forReportStage(changed, req)
        try await ReviewStore.save(changed, change, record: record, req) { db in
            if let snapshot { try await ReviewPublication.store(snapshot, note: "First published", review: record, on: db) }
            for notice in notices { try await notice.create(on: db) }
        }
        return changed
    }

    /// A correction to a published report: a new version with its note.
    static func correct(_ record: ReviewRecord, _ review: Review, sections: [ReportSection: String?], note: String?,
                        _ req: Request) async throws {
        var changed = review
        let lines = try changed.report.correct(sections, note: note, today: .today())
        let version = changed.report.versions.last!
        let snapshot = try await ReviewPublication.snapshot(changed, of: record, version: version.number, publishedOn: .today(), on: req.db,
                                                            types: req.reviewSettings.types)
        let change = ReviewChange(lines: lines, audit: AuditEvent(
            action: "review-report.correct", entityType: "review", entityID: review.reference,
            before: ["version": String(version.number - 1)], after: ["version": String(version.number), "note": version.note]))
        try await ReviewStore.save(changed, change, record: record, req) { db in
            try await ReviewPublication.store(snapshot, note: version.note, review: record, on: db)
        }
    }

    /// Edits, comments, outcomes and the provider's "no more comments", each through the domain.
    static func changeReport(_ record: ReviewRecord, _ review: Review, action: String, _ req: Request,
                             _ body: (inout ReviewReport) throws -> [String]) async throws {
        var changed = review
        let lines = try body(&changed.report)
        let change = ReviewChange(lines: lines, audit: AuditEvent(action: "review-report.\(action)", entityType: "review",
                                                                  entityID: review.reference, after: ["stage": review.report.stage.rawValue]))
        try await ReviewStore.save(changed, change, record: record, req)
    }
}
