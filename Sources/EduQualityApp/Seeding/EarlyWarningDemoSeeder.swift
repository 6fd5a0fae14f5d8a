import EduQualityDomain
import Fluent
import Vapor

/// Demo histories for the early-warning view, dated from the current quarter's first day so they
/// hold whatever day the demo starts: at Eastgate London (T004) two sources worsen together (two
/// extreme register entries opened this quarter, and its ISF category raised from 2 to 3), which
/// raises a signal; at Kingsway (T005) only its register entries worsen, which does not.
struct EarlyWarningDemoSeeder {
    let app: Application

    func seed(today: CalendarDay = .today()) async throws {
        let organisations = try await Organisation.regionsByCode(on: app.db)
        guard organisations["T004"] != nil, organisations["T005"] != nil,
              try await RegisterEntryRecord.query(on: app.db).filter(\.$organisationCode == "T004").count() == 0 else { return }
        let start = CalendarQuarter(containing: today).firstDay
        let framework = try await QualityFrameworkStore.current(on: app.db)
        let bands = app.registerSettings.bands
        let owner = try await User.query(on: app.db).filter(\.$email == "regional-team@demo.eduquality.test").first()?.id?.uuidString ?? ""
        let plans: [(org: String, title: String, standard: Int)] = [
            ("T004", "Rota gaps leave learners unsupervised in the emergency department", 12),
            ("T004", "Learners report bullying on the surgical wards", 1),
            ("T005", "Midwifery learners without a practice assessor", 12),
            ("T005", "Placements cancelled at short notice in community nursing", 14),
        ]
        try await app.db.audited(actor: "system:demo") { db -> ((), [AuditEvent]) in
            var events: [AuditEvent] = []
            var number = (try await RegisterEntryRecord.query(on: db).max(\.$number) ?? 0)
            for plan in plans {
                number += 1
                let entry = RegisterEntry(
                    reference: RegisterEntry.reference(number: number), region: "LDN", organisation: plan.org,
                    professions: ["doctor-foundation"], title: plan.title,
                    description: "\(plan.title). Raised at the regional quality meeting this quarter.",
                    standards: [framework.standardCodes[min(plan.standard, framework.standardCodes.count - 1)]],
                    frameworkVersion: framework.version, risk: RiskScore(likelihood: 4, impact: 4)!, owner: owner,
                    reviewDue: today.adding(days: 28), status: .open, sources: [.selfReport("Regional quality meeting minutes")],
                    openedOn: start)
                let record = RegisterEntryRecord()
                record.number = number
                record.apply(entry)
                try await record.create(on: db)
                try await RegisterHistoryRecord(entryID: record.requireID(), at: Date(), actor: "Rowan Regional Team",
                                                change: "Opened with risk 4 × 4 = 16 (\(bands.band(for: entry.risk).name.lowercased()))").create(on: db)
                events.append(AuditEvent(action: "register-entry.open", entityType: "register-entry", entityID: entry.reference,
                                         after: entry.auditFields(bands: bands)))
            }
            let subject = ISFSubject(kind: .organisation, code: "T004")!
            var history = ISFHistory()
            var sequence = (try await ISFDecisionRecord.query(on: db).max(\.$sequence) ?? 0)
            for (category, day) in [(2, start.adding(days: -300)), (3, start)] {
                let previous = history.current?.category
                let decision = ISFDecision(
                    id: UUID().uuidString, subject: subject, category: category, previousCategory: previous,
                    rationale: "Register entries on supervision and behaviour, and the provider's own report.", evidence: [],
                    supportPlan: [ISFPlanAction(action: "Agree an improvement plan with the regional team", owner: "Medical director",
                                                due: day.adding(days: 56))],
                    nextReview: day.adding(days: 56), decidedBy: owner, decidedOn: day, conditionsMet: nil,
                    ratification: ISFRatification(by: "Regional quality meeting chair", on: day))
                _ = history.record(decision)
                sequence += 1
                try await ISFDecisionRecord(decision, sequence: sequence, location: Location(region: "LDN", organisation: "T004"))
                    .create(on: db)
                events.append(AuditEvent(action: "isf.categorise", entityType: "isf-decision", entityID: decision.id, after: decision.auditFields()))
            }
            return ((), events)
        }
    }
}
