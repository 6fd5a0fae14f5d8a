import EduQualityDomain
import Fluent
import Vapor

/// ISF decisions as stored: each subject's history, the current category of every subject a
/// visitor may see, and recording and ratifying decisions (audited).
enum ISFStore {
    /// The configured categories (the defaults until an administrator's are stored).
    static func scale(on db: any Database) async throws -> ISFCategoryScale {
        let stored = try await ISFCategoryRecord.query(on: db).sort(\.$level).all().map(\.category)
        return (try? ISFCategoryScale(stored)) ?? .standard
    }

    static func history(of subject: ISFSubject, on db: any Database) async throws -> ISFHistory {
        ISFHistory(try await records(of: subject, on: db).compactMap(\.decision))
    }

    static func records(of subject: ISFSubject, on db: any Database) async throws -> [ISFDecisionRecord] {
        try await ISFDecisionRecord.query(on: db).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectCode == subject.code).sort(\.$sequence).all()
    }

    struct Current: Sendable {
        let subject: ResolvedSubject
        let decision: ISFDecision
        let history: ISFHistory
        var subjectName: String { subject.name }
        var href: String { subject.href }
    }

    /// Every subject's latest decision that `actor` may see, optionally in one region.
    static func current(visibleTo req: Request, region: String? = nil) async throws -> [Current] {
        let query = ISFDecisionRecord.query(on: req.db).sort(\.$sequence)
        if let region { query.filter(\.$regionCode == region) }
        let visible = try await query.all()
            .filter { Authorization.isAllowed(req.actor, .viewQualityRegister, .located($0.location)) }
        let bySubject = Dictionary(grouping: visible) { "\($0.subjectKind):\($0.subjectCode)" }
        var out: [Current] = []
        for records in bySubject.values {
            let history = ISFHistory(records.compactMap(\.decision))
            guard let latest = history.current, let resolved = try await ISFSubjects.resolve(latest.subject, on: req.db) else { continue }
            out.append(Current(subject: resolved, decision: latest, history: history))
        }
        return out.sorted { ($0.decision.category, $1.subject.name) > ($1.decision.category, $0.subject.name) }
    }

    /// The visitor's decisions that cite register entry `reference` as evidence.
    static func decisions(citing reference: String, visibleTo req: Request) async throws -> [Current] {
        var out: [Current] = []
        for record in try await ISFDecisionRecord.query(on: req.db).filter(\.$evidence ~~ reference).sort(\.$sequence).all()
        where RegisterEntryRecord.codes(record.evidence).contains(reference)
            && Authorization.isAllowed(req.actor, .viewQualityRegister, .located(record.location)) {
            guard let decision = record.decision, let resolved = try await ISFSubjects.resolve(decision.subject, on: req.db) else { continue }
            out.append(Current(subject: resolved, decision: decision, history: ISFHistory([decision])))
        }
        return out
    }

    /// Validates `form` against the subject's history and records the decision.
    static func decide(_ form: ISFDecisionForm, about subject: ResolvedSubject, _ req: Request) async throws -> ISFDecision {
        guard let user = req.signedIn?.user, let userID = user.id?.uuidString else { throw AppError.unauthorised }
        let scale = try await scale(on: req.db)
        let known = Set(try await RegisterStore.visible(to: req.actor, on: req.db).map(\.1.reference))
        return try await req.db.audited(actor: req.auditActor) { db in
            var history = try await history(of: subject.subject, on: db)
            let decision: ISFDecision
            do {
                decision = try form.validated(subject: subject.subject, history: history, scale: scale, knownEntries: known,
                                              id: UUID().uuidString, decidedBy: userID, today: .today())
            } catch let invalid as InvalidForm {
                throw AppError.invalid(invalid.fieldErrors)
            }
            let event = history.record(decision)
            let sequence = (try await ISFDecisionRecord.query(on: db).max(\.$sequence) ?? 0) + 1
            try await ISFDecisionRecord(decision, sequence: sequence, location: subject.location).create(on: db)
            return (decision, [event])
        }
    }

    /// Ratifies the subject's current decision, recording who chaired and when the meeting was.
    static func ratify(_ id: String, of subject: ResolvedSubject, meetingDay: String?, _ req: Request) async throws {
        guard let user = req.signedIn?.user else { throw AppError.unauthorised }
        guard let day = FormProblems.clean(meetingDay).flatMap(CalendarDay.init(iso:)) else {
            throw AppError.invalid([FieldError("meetingDay", "Enter the date of the regional quality meeting, as YYYY-MM-DD.")])
        }
        try await req.db.audited(actor: req.auditActor) { db -> ((), [AuditEvent]) in
            var history = try await history(of: subject.subject, on: db)
            let event: AuditEvent
            do { event = try history.ratify(id, by: user.displayName, meetingDay: day, today: .today()) } catch let invalid as InvalidForm {
                throw AppError.invalid(invalid.fieldErrors)
            }
            guard let uuid = UUID(uuidString: id), let record = try await ISFDecisionRecord.find(uuid, on: db) else {
                throw AppError.notFound("No such decision")
            }
            record.ratifiedBy = user.displayName
            record.ratifiedOn = day.iso
            try await record.update(on: db)
            return ((), [event])
        }
    }
}
