import EduQualityDomain
import Fluent
import Vapor

/// Impact assessments, always within what the visitor may see: the domain rule places each at
/// its provider's and its commissioner's Location, so the provider's and the commissioner's
/// leads and the provider's regional team (and the national lead) read it, and nobody else.
enum ImpactAssessmentStore {
    struct Found: Sendable {
        let record: ImpactAssessmentRecord
        let assessment: ImpactAssessment
    }

    static func mayRead(_ actor: Actor, _ a: ImpactAssessment) -> Bool { either(actor, .viewImpactAssessments, a) }

    /// The submitter's side: the provider's or the commissioner's lead.
    static func maySubmit(_ actor: Actor, _ a: ImpactAssessment) -> Bool { either(actor, .submitImpactAssessment, a) }

    /// The quality team's side, at the provider (the team of its region decides it).
    static func may(_ actor: Actor, _ action: Action, _ a: ImpactAssessment) -> Bool {
        switch action {
        case .viewImpactAssessments: mayRead(actor, a)
        case .submitImpactAssessment: maySubmit(actor, a)
        default: Authorization.isAllowed(actor, action, .located(a.providerLocation))
        }
    }

    private static func either(_ actor: Actor, _ action: Action, _ a: ImpactAssessment) -> Bool {
        Authorization.isAllowed(actor, action, .located(a.providerLocation))
            || Authorization.isAllowed(actor, action, .located(a.commissionerLocation))
    }

    /// Every assessment as the domain holds it, oldest first (the early-warning view counts them
    /// per provider and quarter; whoever shows them narrows to what the visitor may see).
    static func all(on db: any Database) async throws -> [ImpactAssessment] {
        try await ImpactAssessmentRecord.query(on: db).sort(\.$number).all().compactMap(\.assessment)
    }

    /// Every assessment the visitor may read, newest first.
    static func visible(_ req: Request) async throws -> [Found] {
        try req.authorizeAnywhere(.viewImpactAssessments)
        let actor = req.actor
        return try await ImpactAssessmentRecord.query(on: req.db).sort(\.$number, .descending).all().compactMap { row in
            guard let a = row.assessment, mayRead(actor, a) else { return nil }
            return Found(record: row, assessment: a)
        }
    }

    /// The assessment with `reference`, once the visitor may read it and, with `action`, do that to
    /// it; one they may not read answers as one that does not exist.
    static func find(_ reference: String, allowing action: Action = .viewImpactAssessments, _ req: Request) async throws -> Found {
        guard let row = try await ImpactAssessmentRecord.query(on: req.db).filter(\.$reference == reference.uppercased()).first(),
              let a = row.assessment, mayRead(req.actor, a) else {
            throw req.notVisible(.viewImpactAssessments, "There is no impact assessment \(reference) you can see")
        }
        guard may(req.actor, action, a) else { throw AppError.forbidden }
        return Found(record: row, assessment: a)
    }

    static func history(of reference: String, on db: any Database) async throws -> [ImpactAssessmentHistoryRecord] {
        try await ImpactAssessmentHistoryRecord.query(on: db).filter(\.$assessmentReference == reference).sort(\.$at, .descending).all()
    }

    /// Stores a new assessment numbered next; `make` builds it from its reference (and may submit
    /// it at once), so that a refused one stores nothing.
    static func create(_ req: Request,
                       _ make: @escaping @Sendable (String) throws -> (ImpactAssessment, [ImpactAssessmentChange])) async throws -> ImpactAssessment {
        let actor = ReviewStore.actorName(req)
        let assessment: ImpactAssessment = try await req.db.audited(actor: req.auditActor) { db in
            let number = (try await ImpactAssessmentRecord.query(on: db).max(\.$number) ?? 0) + 1
            let (a, changes) = try make(ImpactAssessment.reference(number: number))
            let row = ImpactAssessmentRecord()
            row.number = number
            row.createdAt = Date()
            try row.apply(a)
            try await row.create(on: db)
            let created = AuditEvent(action: "impact-assessment.create", entityType: "impact-assessment", entityID: a.reference,
                                     after: ["provider": a.provider, "commissioner": a.commissioner, "service": a.service,
                                             "rated": String(a.ratings.count)])
            try await ImpactAssessmentHistoryRecord(assessment: a.reference, at: Date(), actor: actor,
                                                    change: (["Drafted for \(a.provider), commissioned by \(a.commissioner)"]
                                                             + changes.flatMap(\.lines)).joined(separator: "\n")).create(on: db)
            if a.status == .submitted { try await ImpactAssessmentNotices.submitted(a, req, on: db) }
            return (a, [created] + changes.map(\.audit))
        }
        return assessment
    }

    /// Saves changes with their history lines and audit events; `notify` writes its notices in the
    /// same transaction.
    static func save(_ found: Found, _ changed: ImpactAssessment, _ changes: [ImpactAssessmentChange], _ req: Request,
                     notify: (@Sendable (any Database) async throws -> Void)? = nil) async throws {
        let row = found.record
        let actor = ReviewStore.actorName(req)
        try await req.db.audited(actor: req.auditActor) { db in
            try row.apply(changed)
            try await row.update(on: db)
            try await ImpactAssessmentHistoryRecord(assessment: changed.reference, at: Date(), actor: actor,
                                                    change: changes.flatMap(\.lines).joined(separator: "\n")).create(on: db)
            try await notify?(db)
            return ((), changes.map(\.audit))
        }
    }
}
