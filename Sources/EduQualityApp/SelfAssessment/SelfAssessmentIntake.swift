import EduQualityDomain
import Fluent
import Vapor

/// The writes the pages and the API share. Each throws `InvalidForm` (nothing stored) or saves
/// the change with its history line and audit event.
enum SelfAssessmentIntake {
    /// Saves the provider's ratings as a draft (starting the assessment if needed) and, with
    /// `submit`, submits it. Nothing is stored when either step is refused.
    static func save(_ typed: [String: TypedSelfRating], submit: Bool, _ found: SelfAssessmentStore.Found,
                     _ req: Request) async throws -> SelfAssessment {
        let today = CalendarDay.today()
        var changes: [SelfAssessmentChange] = []
        var assessment: SelfAssessment
        if let existing = found.assessment {
            assessment = existing
        } else {
            let framework = try await SelfAssessmentStore.framework(of: found.windowRecord, on: req.db)
            let (started, change) = try SelfAssessment.start(window: found.window, organisation: found.organisation.code,
                                                             region: found.organisation.regionCode, framework: framework, today: today)
            assessment = started
            changes.append(change)
        }
        if let change = try assessment.save(typed) { changes.append(change) } else if found.assessment == nil, !submit {
            throw InvalidForm(field: assessment.standards.first.map { SelfAssessment.field("rating", $0) } ?? "standards",
                              "Rate at least one standard, or write its evidence, before saving a draft.")
        }
        if submit { changes.append(try assessment.submit(window: found.window, today: today)) }
        try await SelfAssessmentStore.save(assessment, changes, record: found.record, req)
        return assessment
    }

    static func review(_ typed: [String: TypedReview], complete: Bool, _ found: SelfAssessmentStore.Found,
                       _ req: Request) async throws -> SelfAssessment {
        guard var assessment = found.assessment else {
            throw InvalidForm(field: "standards", "\(found.organisation.name) has not submitted its \(found.window.year.label) self-assessment.")
        }
        let change = try assessment.review(typed, complete: complete, by: req.signedIn?.user.displayName ?? req.auditActor, today: .today())
        try await SelfAssessmentStore.save(assessment, [change], record: found.record, req)
        return assessment
    }

    static func returnToProvider(reason: String?, _ found: SelfAssessmentStore.Found, _ req: Request) async throws -> SelfAssessment {
        guard var assessment = found.assessment else {
            throw InvalidForm(field: "reason", "\(found.organisation.name) has not submitted its \(found.window.year.label) self-assessment.")
        }
        let change = try assessment.returnToProvider(reason: reason, today: .today())
        try await SelfAssessmentStore.save(assessment, [change], record: found.record, req)
        return assessment
    }

    static func schedule(year: String?, opensOn: String?, closesOn: String?, _ req: Request) async throws -> SelfAssessmentWindow {
        try req.authorize(.manageSelfAssessmentWindows)
        let existing = Set(try await SelfAssessmentStore.windows(on: req.db).map(\.1.year))
        var window = try SelfAssessmentWindow.schedule(year: year, opensOn: opensOn, closesOn: closesOn, existing: existing, today: .today())
        if window.state(on: .today()) != .upcoming { window.frameworkVersion = try await QualityFrameworkStore.current(on: req.db).version }
        let scheduled = window
        let createdBy = req.auditActor
        try await req.db.audited(actor: req.auditActor) { db in
            let record = SelfAssessmentWindowRecord()
            record.apply(scheduled)
            record.createdBy = createdBy
            try await record.create(on: db)
            return ((), [scheduled.scheduleEvent])
        }
        return scheduled
    }

    static func reschedule(_ label: String, opensOn: String?, closesOn: String?, _ req: Request) async throws -> SelfAssessmentWindow {
        try req.authorize(.manageSelfAssessmentWindows)
        let (record, found) = try await SelfAssessmentStore.window(label, on: req.db)
        var window = found
        let change = try window.reschedule(opensOn: opensOn, closesOn: closesOn, today: .today())
        let changed = window
        try await req.db.audited(actor: req.auditActor) { db in
            record.apply(changed)
            try await record.update(on: db)
            return ((), [change.audit])
        }
        return changed
    }

    /// The ratings in a posted form: `rating-CODE` (absent when no radio is chosen, which clears
    /// the rating), `evidence-CODE` and `actions-CODE` (absent: kept) for each standard.
    static func typedRatings(_ fields: [String: String], standards: [String]) -> [String: TypedSelfRating] {
        Dictionary(uniqueKeysWithValues: standards.map { code in
            (code, TypedSelfRating(rating: fields[SelfAssessment.field("rating", code)] ?? "",
                                   evidence: fields[SelfAssessment.field("evidence", code)],
                                   actions: fields[SelfAssessment.field("actions", code)]))
        })
    }

    static func typedReviews(_ fields: [String: String], standards: [String]) -> [String: TypedReview] {
        var typed: [String: TypedReview] = [:]
        for code in standards {
            let verdict = fields[SelfAssessment.field("verdict", code)], note = fields[SelfAssessment.field("note", code)]
            if verdict != nil || note != nil { typed[code] = TypedReview(verdict: verdict, note: note) }
        }
        return typed
    }
}
