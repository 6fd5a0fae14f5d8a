import EduQualityDomain
import Fluent
import Vapor

/// What the pages and the API share when they draft or change an assessment: the domain's rules,
/// checked against the configured form and the reference data, each change saved with its history
/// line, audit event and notices. A refused change throws `InvalidForm` and changes nothing.
enum ImpactAssessmentIntake {
    /// The reference data an assessment is checked against.
    struct Reference: Sendable {
        let form: ImpactAssessmentForm
        let professions: Set<String>
        let regions: [String: String]

        static func load(_ db: any Database) async throws -> Reference {
            let professions = try await Term.query(on: db).filter(\.$vocabulary == Vocabulary.profession.rawValue).all().map(\.code)
            return Reference(form: try await ImpactAssessmentFormStore.current(on: db), professions: Set(professions),
                              regions: try await Organisation.regionsByCode(on: db))
        }
    }

    /// Drafts an assessment from `typed` (and submits it at once with `submit`). The visitor must
    /// be the lead of its provider or of its commissioner.
    static func create(_ typed: NewImpactAssessmentForm, submit: Bool, _ req: Request) async throws -> ImpactAssessment {
        try req.authorizeAnywhere(.submitImpactAssessment)
        let vocabulary = try await Reference.load(req.db)
        guard let user = req.signedIn?.user.id?.uuidString else { throw AppError.forbidden }
        let actor = req.actor
        let today = CalendarDay.today()
        return try await ImpactAssessmentStore.create(req) { reference in
            var a = try typed.validated(reference: reference, form: vocabulary.form, professions: vocabulary.professions,
                                        regionOf: { vocabulary.regions[$0] }, by: user, today: today)
            try ImpactAssessmentIntake.own(a, actor)
            var changes: [ImpactAssessmentChange] = []
            if submit { changes.append(try a.submit(form: vocabulary.form, on: today)) }
            return (a, changes)
        }
    }

    /// Whether the visitor drafts for the assessment's provider or commissioner; otherwise the
    /// provider field is refused (the same message whether the organisation exists or not is not
    /// needed: organisations are public reference data).
    static func own(_ a: ImpactAssessment, _ actor: Actor) throws(InvalidForm) {
        guard ImpactAssessmentStore.maySubmit(actor, a) else {
            throw InvalidForm(field: "provider", "You can only submit an impact assessment for your own organisation, as its provider or its commissioner.")
        }
    }

    /// Replaces a draft's contents (and submits it with `submit`).
    static func revise(_ found: ImpactAssessmentStore.Found, _ typed: NewImpactAssessmentForm, submit: Bool, _ req: Request) async throws {
        let vocabulary = try await Reference.load(req.db)
        var a = found.assessment
        let revised = try a.revise(typed, form: vocabulary.form, professions: vocabulary.professions, regionOf: { vocabulary.regions[$0] })
        try own(a, req.actor)
        var changes = [revised]
        if submit { changes.append(try a.submit(form: vocabulary.form, on: .today())) }
        let saved = a
        try await ImpactAssessmentStore.save(found, a, changes, req) { db in
            if submit { try await ImpactAssessmentNotices.submitted(saved, req, on: db) }
        }
    }

    static func submit(_ found: ImpactAssessmentStore.Found, _ req: Request) async throws {
        let form = try await ImpactAssessmentFormStore.current(on: req.db)
        var a = found.assessment
        let change = try a.submit(form: form, on: .today())
        let submitted = a
        try await ImpactAssessmentStore.save(found, a, [change], req) { db in try await ImpactAssessmentNotices.submitted(submitted, req, on: db) }
    }

    static func startReview(_ found: ImpactAssessmentStore.Found, _ req: Request) async throws {
        var a = found.assessment
        let change = try a.startReview()
        try await ImpactAssessmentStore.save(found, a, [change], req)
    }

    static func decide(_ found: ImpactAssessmentStore.Found, decision: String?, conditions: [String], reason: String?, _ req: Request) async throws {
        var a = found.assessment
        let change = try a.decide(decision, conditions: conditions, reason: reason, by: ReviewStore.actorName(req), on: .today())
        let decided = a
        try await ImpactAssessmentStore.save(found, a, [change], req) { db in try await ImpactAssessmentNotices.decided(decided, req, on: db) }
    }

    static func meetCondition(_ found: ImpactAssessmentStore.Found, number: Int, note: String?, _ req: Request) async throws {
        var a = found.assessment
        let change = try a.meetCondition(number, note: note, on: .today())
        try await ImpactAssessmentStore.save(found, a, [change], req)
    }

    static func withdraw(_ found: ImpactAssessmentStore.Found, reason: String?, _ req: Request) async throws {
        var a = found.assessment
        let change = try a.withdraw(reason: reason, on: .today())
        try await ImpactAssessmentStore.save(found, a, [change], req)
    }

    /// A comment from the visitor's side: the team's if they manage the assessment, otherwise
    /// the submitter's.
    static func comment(_ found: ImpactAssessmentStore.Found, text: String?, _ req: Request) async throws {
        var a = found.assessment
        let side: ImpactComment.Side = ImpactAssessmentStore.may(req.actor, .manageImpactAssessments, a) ? .team : .submitter
        let change = try a.comment(text, from: side, by: ReviewStore.actorName(req), on: .today())
        try await ImpactAssessmentStore.save(found, a, [change], req)
    }
}

/// A register entry opened with an impact assessment among its sources is recorded on the
/// assessment (once it is decided, as the domain requires), audited.
enum ImpactAssessmentRegisterLink {
    static func opened(_ entry: RegisterEntry, _ req: Request) async throws {
        for case .impactAssessment(let reference) in entry.sources {
            guard let found = try? await ImpactAssessmentStore.find(reference, req), found.assessment.status == .decided else { continue }
            var a = found.assessment
            guard let change = try a.link(registerEntry: entry.reference) else { continue }
            try await ImpactAssessmentStore.save(found, a, [change], req)
        }
    }
}
