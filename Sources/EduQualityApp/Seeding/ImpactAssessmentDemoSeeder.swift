import EduQualityDomain
import Fluent
import Vapor

/// Demo impact assessments at every stage, about London providers (commissioned by the Thamesbank
/// ICB) and one in the South East: a draft, submitted, under review, decided supported, supported
/// with conditions (one met, one open, with comments between the team and the provider, and a
/// register entry opened from the decision), not supported, and withdrawn.
struct ImpactAssessmentDemoSeeder {
    let app: Application

    struct Plan {
        let provider, commissioner, service, description: String
        let learners: [(String, Int)]
        let rating, overall: String
        let stage: Stage
        let daysAgo: Int
    }

    enum Stage { case draft, submitted, underReview, supported, withConditions, notSupported, withdrawn }

    static let plans: [Plan] = [
        Plan(provider: "T001", commissioner: "Q006", service: "Paediatric outpatients",
             description: "Moving paediatric outpatient clinics to the community children's centre.",
             learners: [("medical-student", 12), ("student-nurse", 6)], rating: "low", overall: "low", stage: .draft, daysAgo: 2),
        Plan(provider: "T001", commissioner: "Q006", service: "Stroke rehabilitation",
             description: "Closing the stroke rehabilitation ward and moving beds to the community hospital.",
             learners: [("physiotherapy", 8), ("occupational-therapy", 4), ("speech-language-therapy", 2)], rating: "medium",
             overall: "medium", stage: .submitted, daysAgo: 6),
        Plan(provider: "T002", commissioner: "Q006", service: "Emergency surgery",
             description: "Emergency general surgery consolidated on one site overnight.",
             learners: [("doctor-foundation", 10), ("doctor-core", 6)], rating: "medium", overall: "high", stage: .underReview, daysAgo: 14),
        Plan(provider: "T003", commissioner: "Q006", service: "Diagnostic imaging",
             description: "A new diagnostic centre opening with extended hours.",
             learners: [("radiography", 14)], rating: "low", overall: "low", stage: .supported, daysAgo: 40),
        Plan(provider: "T001", commissioner: "Q006", service: "Elective orthopaedics",
             description: "Elective orthopaedic surgery moving to the new surgical hub across the river.",
             learners: [("doctor-foundation", 6), ("doctor-core", 4), ("student-nurse", 12)], rating: "medium", overall: "medium",
             stage: .withConditions, daysAgo: 60),
        Plan(provider: "T004", commissioner: "Q006", service: "Midwife-led unit",
             description: "Suspending the midwife-led unit for twelve months.",
             learners: [("student-midwife", 18)], rating: "high", overall: "high", stage: .notSupported, daysAgo: 50),
        Plan(provider: "T001", commissioner: "Q006", service: "Day surgery",
             description: "Day surgery moving to weekend lists only.",
             learners: [("operating-department-practice", 5)], rating: "low", overall: "low", stage: .withdrawn, daysAgo: 30),
        Plan(provider: "T010", commissioner: "Q014", service: "Community physiotherapy",
             description: "Community physiotherapy teams merged across two localities.",
             learners: [("physiotherapy", 9)], rating: "medium", overall: "medium", stage: .submitted, daysAgo: 5),
    ]

    func seed(today: CalendarDay = .today()) async throws {
        guard try await ImpactAssessmentRecord.query(on: app.db).count() == 0 else { return }
        let regions = try await Organisation.regionsByCode(on: app.db)
        let users = try await User.query(on: app.db).all()
        func user(_ email: String) -> User? { users.first { $0.email == email } }
        let lead = user("provider-lead@demo.eduquality.test"), team = user("regional-team@demo.eduquality.test")
        let teamName = team?.displayName ?? "Regional quality team", leadName = lead?.displayName ?? "Provider education lead"
        let form = try await ImpactAssessmentFormStore.current(on: app.db)
        let professions = Set(try await Term.query(on: app.db).filter(\.$vocabulary == Vocabulary.profession.rawValue).all().map(\.code))
        for (n, plan) in Self.plans.enumerated() where regions[plan.provider] != nil && regions[plan.commissioner] != nil {
            let on = today.adding(days: -plan.daysAgo)
            let ratings = Dictionary(uniqueKeysWithValues: form.sections.enumerated().map { i, s in
                // The draft is half done; the others rate every section, the first ones highest.
                (s.code, NewImpactAssessmentForm.TypedRating(rating: i < 2 ? plan.rating : form.scale.first!.code,
                                                             evidence: "\(s.title): what the service change means for learners, from the project board's plan."))
            }).filter { plan.stage != .draft || form.sections.prefix(3).map(\.code).contains($0.key) }
            var a = try NewImpactAssessmentForm(
                commissioner: plan.commissioner, provider: plan.provider, service: plan.service, description: plan.description,
                proposedStart: on.adding(days: 120).iso, proposedEnd: n % 2 == 0 ? nil : on.adding(days: 485).iso,
                learners: plan.learners.map { .init(profession: $0.0, count: String($0.1)) }, ratings: ratings,
                mitigations: "Learners keep their named supervisors; travel between sites is paid and timetabled.",
                overallRating: plan.stage == .draft ? nil : plan.overall)
                .validated(reference: ImpactAssessment.reference(number: n + 1), form: form, professions: professions,
                           regionOf: { regions[$0] }, by: plan.provider == "T001" ? lead?.id?.uuidString ?? "" : "", today: on)
            var changes: [ImpactAssessmentChange] = []
            let submitted = on.adding(days: 2)
            if plan.stage != .draft && plan.stage != .withdrawn { changes.append(try a.submit(form: form, on: submitted)) }
            if ![.draft, .submitted, .withdrawn].contains(plan.stage) { changes.append(try a.startReview()) }
            switch plan.stage {
            case .supported:
                changes.append(try a.decide("supported", reason: "Capacity grows and supervision is planned.", by: teamName, on: on.adding(days: 20)))
            case .withConditions:
                changes.append(try a.comment("Who will supervise foundation doctors at the hub on weekends?", from: .team, by: teamName,
                                             on: submitted.adding(days: 3)))
                changes.append(try a.comment("A named consultant supervisor on each weekend list; the rota is attached to the board paper.",
                                             from: .submitter, by: leadName, on: submitted.adding(days: 5)))
                changes.append(try a.decide("supported-with-conditions",
                                            conditions: ["Named clinical supervisors at the hub before the first list",
                                                         "Travel time between sites counted in learners' rotas"],
                                            reason: "Learning continues if supervision and travel are secured.", by: teamName,
                                            on: submitted.adding(days: 10)))
                changes.append(try a.meetCondition(1, note: "Supervisor list checked at the regional quality meeting.", on: submitted.adding(days: 30)))
            case .notSupported:
                changes.append(try a.decide("not-supported", reason: "Student midwives would lose their only midwife-led placements in the area.",
                                            by: teamName, on: on.adding(days: 15)))
            case .withdrawn:
                changes.append(try a.withdraw(reason: "The trust board paused the change.", on: on.adding(days: 3)))
            default: break
            }
            let assessment = a
            let planned = changes
            let number = n + 1
            let daysAgo = plan.daysAgo
            try await app.db.audited(actor: "system:demo") { db in
                let row = ImpactAssessmentRecord()
                row.number = number
                row.createdAt = Date().addingTimeInterval(-86_400 * Double(daysAgo))
                try row.apply(assessment)
                try await row.create(on: db)
                try await ImpactAssessmentHistoryRecord(assessment: assessment.reference, at: row.createdAt,
                                                        actor: assessment.provider == "T001" ? leadName : "Provider education lead",
                                                        change: "Drafted for \(assessment.provider), commissioned by \(assessment.commissioner)").create(on: db)
                for (i, change) in planned.enumerated() {
                    try await ImpactAssessmentHistoryRecord(assessment: assessment.reference, at: row.createdAt.addingTimeInterval(3_600 * Double(i + 1)),
                                                            actor: change.audit.action.hasSuffix("submit") || change.audit.action.hasSuffix("withdraw") ? leadName : teamName,
                                                            change: change.lines.joined(separator: "\n")).create(on: db)
                }
                return ((), [AuditEvent(action: "impact-assessment.create", entityType: "impact-assessment", entityID: assessment.reference,
                                        after: ["provider": assessment.provider, "status": assessment.status.rawValue])] + planned.map(\.audit))
            }
            if plan.stage == .withConditions { try await openRegisterEntry(from: assessment, owner: team?.id?.uuidString ?? "", today: today) }
        }
    }

    /// The register entry the regional team opened from the conditional decision, linked both ways.
    private func openRegisterEntry(from found: ImpactAssessment, owner: String, today: CalendarDay) async throws {
        guard let row = try await ImpactAssessmentRecord.query(on: app.db).filter(\.$reference == found.reference).first() else { return }
        let framework = try await QualityFrameworkStore.current(on: app.db)
        let bands = app.registerSettings.bands
        try await app.db.audited(actor: "system:demo") { db in
            let number = (try await RegisterEntryRecord.query(on: db).max(\.$number) ?? 0) + 1
            let entry = RegisterEntry(
                reference: RegisterEntry.reference(number: number), region: found.region, organisation: found.provider,
                professions: found.learners.map(\.profession), title: "Conditions of support for \(found.service.lowercased()) at the hub",
                description: "Opened from impact assessment \(found.reference): supported with conditions; one condition still open.",
                standards: Array(framework.standardCodes.prefix(1)), frameworkVersion: framework.version,
                risk: RiskScore(likelihood: 2, impact: 3)!, owner: owner, reviewDue: today.adding(days: 28),
                sources: [.impactAssessment(found.reference)], openedOn: found.decision?.on ?? today)
            let record = RegisterEntryRecord()
            record.number = number
            record.apply(entry)
            try await record.create(on: db)
            try await RegisterHistoryRecord(entryID: record.requireID(), at: Date(), actor: "Rowan Regional Team",
                                            change: "Opened from impact assessment \(found.reference)").create(on: db)
            var linked = found
            let change = try linked.link(registerEntry: entry.reference)
            try row.apply(linked)
            try await row.update(on: db)
            if let change {
                try await ImpactAssessmentHistoryRecord(assessment: found.reference, at: Date(), actor: "Rowan Regional Team",
                                                        change: change.lines.joined(separator: "\n")).create(on: db)
            }
            return ((), [AuditEvent(action: "register-entry.open", entityType: "register-entry", entityID: entry.reference,
                                    after: entry.auditFields(bands: bands))] + (change.map { [$0.audit] } ?? []))
        }
    }
}
