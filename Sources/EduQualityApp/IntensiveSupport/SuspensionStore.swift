import EduQualityDomain
import Fluent
import Vapor

/// Suspensions of postgraduate medical training as stored: the domain's workflow as JSON, each
/// step written with its audit event.
enum SuspensionStore {
    struct Visible: Sendable {
        let record: TrainingSuspensionRecord
        let workflow: TrainingSuspension
        let subject: ResolvedSubject
    }

    static func workflow(of record: TrainingSuspensionRecord) -> TrainingSuspension? {
        try? JSONDecoder().decode(TrainingSuspension.self, from: Data(record.workflowJSON.utf8))
    }

    static func of(_ subject: ISFSubject, on db: any Database) async throws -> [TrainingSuspension] {
        try await TrainingSuspensionRecord.query(on: db).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectCode == subject.code).sort(\.$number).all().compactMap(workflow)
    }

    static func visible(to req: Request, region: String? = nil) async throws -> [Visible] {
        let query = TrainingSuspensionRecord.query(on: req.db).sort(\.$number, .descending)
        if let region { query.filter(\.$regionCode == region) }
        var out: [Visible] = []
        for record in try await query.all() {
            let location = Location(region: record.regionCode, organisation: record.organisationCode, site: record.siteCode)
            guard Authorization.isAllowed(req.actor, .viewQualityRegister, .located(location)),
                  let workflow = workflow(of: record),
                  let subject = try await ISFSubjects.resolve(workflow.subject, on: req.db) else { continue }
            out.append(Visible(record: record, workflow: workflow, subject: subject))
        }
        return out
    }

    static func find(_ reference: String, allowing action: Action, _ req: Request) async throws -> Visible {
        guard let record = try await TrainingSuspensionRecord.query(on: req.db).filter(\.$reference == reference.uppercased()).first(),
              let workflow = workflow(of: record),
              let subject = try await ISFSubjects.resolve(workflow.subject, on: req.db),
              Authorization.isAllowed(req.actor, .viewQualityRegister, .located(subject.location)) else {
            throw req.notVisible(.viewQualityRegister, "There is no suspension \(reference) you can see")
        }
        try req.authorize(action, .located(subject.location))
        return Visible(record: record, workflow: workflow, subject: subject)
    }

    static func open(_ subject: ResolvedSubject, professions: [String], _ req: Request) async throws -> TrainingSuspension {
        let scale = try await ISFStore.scale(on: req.db)
        let reasons = req.application.suspensionReasons
        return try await req.db.audited(actor: req.auditActor) { db -> (TrainingSuspension, [AuditEvent]) in
            let number = (try await TrainingSuspensionRecord.query(on: db).max(\.$number) ?? 0) + 1
            let reference = "TS-" + String(format: "%04d", number)
            let history = try await ISFStore.history(of: subject.subject, on: db)
            let (workflow, event): (TrainingSuspension, AuditEvent)
            do {
                (workflow, event) = try TrainingSuspension.open(
                    reference: reference, subject: subject.subject, history: history, scale: scale, professions: professions,
                    reasons: reasons, by: req.auditActor, on: .today())
            } catch let refusal as SuspensionRefusal {
                throw AppError.invalid([FieldError(refusal.field, refusal.description)])
            }
            let record = TrainingSuspensionRecord()
            record.number = number
            record.reference = reference
            record.subjectKind = subject.subject.kind.rawValue
            record.subjectCode = subject.subject.code
            record.regionCode = subject.location.region
            record.organisationCode = subject.location.organisation
            record.siteCode = subject.location.site
            record.professions = professions.joined(separator: ",")
            write(workflow, to: record)
            try await record.create(on: db)
            return (workflow, [event])
        }
    }

    /// Records one step on the stored workflow; a refused step changes nothing.
    static func record(_ visible: Visible, _ req: Request,
                       _ step: @escaping @Sendable (inout TrainingSuspension) throws(SuspensionRefusal) -> AuditEvent) async throws {
        try await req.db.audited(actor: req.auditActor) { db -> ((), [AuditEvent]) in
            guard let record = try await TrainingSuspensionRecord.find(visible.record.id, on: db),
                  var workflow = workflow(of: record) else { throw AppError.notFound("No such suspension") }
            let event: AuditEvent
            do { event = try step(&workflow) } catch let refusal as SuspensionRefusal {
                throw AppError.invalid([FieldError(refusal.field, refusal.description)])
            }
            write(workflow, to: record)
            try await record.update(on: db)
            return ((), [event])
        }
    }

    private static func write(_ workflow: TrainingSuspension, to record: TrainingSuspensionRecord) {
        record.state = workflow.nextStep.map { "step-\($0.rawValue)" } ?? (workflow.lift != nil ? "lifted" : "not-suspended")
        record.workflowJSON = String(decoding: (try? JSONEncoder().encode(workflow)) ?? Data(), as: UTF8.self)
    }

    static func stateText(_ w: TrainingSuspension) -> String {
        if w.lift != nil { return "suspension lifted" }
        if let d = w.decision, !d.suspend { return "panel decided not to suspend" }
        if w.isSuspended { return "training suspended; next: \(w.nextStep?.title.lowercased() ?? "")" }
        return "under consideration; next: \(w.nextStep?.title.lowercased() ?? "")"
    }
}

/// The suspension policy's triggers and out-of-scope reasons, read from
/// `Seed/reference/suspension-reasons.json` at start (the domain's defaults without it).
enum SuspensionReasonsKey: StorageKey { typealias Value = SuspensionReasons }

extension Application {
    var suspensionReasons: SuspensionReasons { storage[SuspensionReasonsKey.self] ?? .standard }

    func loadQualitySettings(seedDirectory: String) throws {
        storage[RegisterSettingsKey.self] = try RegisterSettings.load(seedDirectory: seedDirectory)
        storage[ReviewSettingsKey.self] = try ReviewSettings.load(seedDirectory: seedDirectory)
        if let data = FileManager.default.contents(atPath: seedDirectory + "/reference/suspension-reasons.json") {
            storage[SuspensionReasonsKey.self] = try JSONDecoder().decode(SuspensionReasons.self, from: data)
        }
    }
}
