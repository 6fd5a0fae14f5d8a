import EduQualityDomain
import Fluent
import Vapor

/// Reading and writing windows and assessments, always within what the visitor may see: the rule
/// is the domain's (`Authorization` on the organisation's location).
enum SelfAssessmentStore {
    /// Every window, newest year first.
    static func windows(on db: any Database) async throws -> [(SelfAssessmentWindowRecord, SelfAssessmentWindow)] {
        try await SelfAssessmentWindowRecord.query(on: db).sort(\.$year, .descending).all().compactMap { r in r.window.map { (r, $0) } }
    }

    static func window(_ label: String, on db: any Database) async throws -> (SelfAssessmentWindowRecord, SelfAssessmentWindow) {
        guard let record = try await SelfAssessmentWindowRecord.query(on: db).filter(\.$year == label).first(),
              let window = record.window else {
            throw AppError.notFound("There is no self-assessment window for \(label)")
        }
        return (record, window)
    }

    /// The window to show when none is asked for: the latest that has opened, else the next one.
    static func window(requested: String?, on db: any Database) async throws -> (SelfAssessmentWindowRecord, SelfAssessmentWindow)? {
        if let requested = FormProblems.clean(requested) {
            guard AssessmentYear(label: requested) != nil else { throw AppError.badRequest("year must be written as in 2026-27") }
            return try await window(requested, on: db)
        }
        let all = try await windows(on: db)
        let today = CalendarDay.today()
        return all.first { $0.1.state(on: today) != .upcoming } ?? all.last
    }

    /// The framework version a window assesses against: fixed, audited, the first time it is
    /// asked for once the window has opened (when it is scheduled already open, or when the first
    /// provider starts, or by the reminder job on the opening day).
    static func framework(of record: SelfAssessmentWindowRecord, on db: any Database) async throws -> QualityFramework {
        if let number = record.frameworkVersion, let framework = try await QualityFrameworkStore.version(number, on: db) {
            return framework
        }
        let framework = try await QualityFrameworkStore.current(on: db)
        guard var window = record.window, window.state(on: .today()) != .upcoming else { return framework }
        window.frameworkVersion = framework.version
        let fixed = window
        try await db.audited(actor: "system:calendar") { db in
            record.apply(fixed)
            try await record.update(on: db)
            return ((), [AuditEvent(action: "self-assessment-window.fix-framework", entityType: "self-assessment-window",
                                    entityID: fixed.year.label, after: fixed.auditFields)])
        }
        return framework
    }

    /// The organisations that assess themselves (in use and hosting placements) where the visitor
    /// may do `action`, by name.
    static func participants(allowing action: Action, _ req: Request) async throws -> [Organisation] {
        try await Organisation.inUse(on: req.db).sort(\.$name).all().filter { o in
            OrganisationType(rawValue: o.type)?.hostsPlacements == true
                && Authorization.isAllowed(req.actor, action, .located(Location(region: o.regionCode, organisation: o.code)))
        }
    }

    static func assessments(year: AssessmentYear, on db: any Database) async throws -> [String: (SelfAssessmentRecord, SelfAssessment)] {
        let pairs = try await SelfAssessmentRecord.query(on: db).filter(\.$year == year.label).all()
            .compactMap { r in r.assessment.map { (r.organisationCode, (r, $0)) } }
        return Dictionary(pairs) { a, _ in a }
    }

    /// One organisation's assessment of a year, once the visitor may do `action` there. An
    /// organisation outside the visitor's scope answers exactly as one that does not exist.
    struct Found {
        let organisation: Organisation
        let windowRecord: SelfAssessmentWindowRecord
        let window: SelfAssessmentWindow
        let record: SelfAssessmentRecord?
        let assessment: SelfAssessment?
        var location: Location { Location(region: organisation.regionCode, organisation: organisation.code) }
    }

    static func find(_ req: Request, allowing action: Action) async throws -> Found {
        try req.authorizeAnywhere(.viewSelfAssessments)
        let label = req.parameters.get("year") ?? ""
        let code = req.parameters.get("organisation") ?? ""
        let missing = req.notVisible(.viewSelfAssessments, "There is no self-assessment of \(code) for \(label) you can see")
        guard AssessmentYear(label: label) != nil,
              let organisation = try await Organisation.query(on: req.db).filter(\.$code == code).first() else { throw missing }
        let location = Location(region: organisation.regionCode, organisation: organisation.code)
        guard Authorization.isAllowed(req.actor, .viewSelfAssessments, .located(location)) else { throw missing }
        let (windowRecord, window) = try await window(label, on: req.db)
        let record = try await SelfAssessmentRecord.query(on: req.db).filter(\.$year == label).filter(\.$organisationCode == code).first()
        guard record != nil || (OrganisationType(rawValue: organisation.type)?.hostsPlacements == true && organisation.retiredOn == nil) else {
            throw AppError.notFound("\(organisation.name) does not host placements and has no self-assessment")
        }
        try req.authorize(action, .located(location))
        return Found(organisation: organisation, windowRecord: windowRecord, window: window, record: record, assessment: record?.assessment)
    }

    static func history(of record: SelfAssessmentRecord?, on db: any Database) async throws -> [SelfAssessmentHistoryRecord] {
        guard let id = record?.id else { return [] }
        return try await SelfAssessmentHistoryRecord.query(on: db).filter(\.$assessmentID == id).sort(\.$at).all()
    }

    /// Saves an assessment (new or changed) with its history lines and audit events, in one write.
    static func save(_ assessment: SelfAssessment, _ changes: [SelfAssessmentChange], record: SelfAssessmentRecord?,
                     _ req: Request) async throws {
        guard !changes.isEmpty else { return }
        let actor = req.signedIn?.user.displayName ?? req.auditActor
        try await write(assessment, changes, record: record, historyActor: actor, auditActor: req.auditActor, on: req.db)
    }

    static func write(_ assessment: SelfAssessment, _ changes: [SelfAssessmentChange], record: SelfAssessmentRecord?,
                      historyActor: String, auditActor: String, at: Date = Date(), on db: any Database) async throws {
        try await db.audited(actor: auditActor) { db in
            let row = record ?? SelfAssessmentRecord()
            row.apply(assessment)
            if record == nil { try await row.create(on: db) } else { try await row.update(on: db) }
            for (n, change) in changes.enumerated() where !change.lines.isEmpty {
                try await SelfAssessmentHistoryRecord(assessmentID: row.requireID(), at: at.addingTimeInterval(Double(n) / 1000),
                                                      actor: historyActor, change: change.lines.joined(separator: "\n")).create(on: db)
            }
            return ((), changes.map(\.audit))
        }
    }
}
