import EduQualityDomain
import Fluent
import Vapor

/// Demo register entries and ISF decisions that show every state: entries across regions and
/// bands linked to real red and pink flags of the latest published round (and speak-up themes
/// and provider self-reports), open, monitoring, closed and reopened, one with an overdue review
/// and one with an overdue action; ISF decisions with history (escalated, de-escalated, one
/// overdue review, provisional and ratified) and a suspension of training in progress.
struct QualityDemoSeeder {
    let app: Application

    func seed(today: CalendarDay = .today()) async throws {
        guard try await RegisterEntryRecord.query(on: app.db).count() == 0 else { return }
        let users = try await User.query(on: app.db).with(\.$roles).all()
        func user(_ email: String) -> String { users.first { $0.email == email }?.id?.uuidString ?? "" }
        let regional = user("regional-team@demo.eduquality.test"), national = user("national-lead@demo.eduquality.test")
        let (flags, indicatorNames) = try await redAndPinkFlags()
        let organisations = try await Organisation.regionsByCode(on: app.db)
        let framework = try await QualityFrameworkStore.current(on: app.db)
        let standards = framework.standardCodes
        let bands = app.registerSettings.bands

        struct Plan { let org: String; let title: String; let l: Int; let i: Int; let status: RegisterEntryStatus; let standards: [Int] }
        var plans: [Plan] = [
            Plan(org: "T001", title: "Foundation doctors without senior cover at night", l: 4, i: 4, status: .open, standards: [0, 12]),
            Plan(org: "T001", title: "Student nurses report undermining on surgical wards", l: 3, i: 4, status: .open, standards: [1]),
            Plan(org: "T002", title: "Induction missing for rotating core trainees", l: 3, i: 2, status: .monitoring, standards: [14]),
            Plan(org: "T003", title: "Teaching lost to rota gaps", l: 2, i: 2, status: .closed, standards: [24]),
            Plan(org: "T010", title: "Supervision of physiotherapy learners in community teams", l: 4, i: 3, status: .open, standards: [12]),
            Plan(org: "T017", title: "Library and study space closed for refurbishment", l: 2, i: 1, status: .monitoring, standards: [4]),
            Plan(org: "T024", title: "Midwifery learners moved between units without notice", l: 5, i: 4, status: .open, standards: [12, 13]),
            Plan(org: "T033", title: "Educator time not job-planned", l: 3, i: 3, status: .open, standards: [18]),
        ]
        plans = plans.filter { organisations[$0.org] != nil }
        // Flagged organisations the plans above do not cover get an entry of their own.
        var covered = Set(plans.map(\.org))
        for flag in flags {
            guard case .surveyFlag(_, _, let org, let indicator) = flag, !covered.contains(org), organisations[org] != nil,
                  plans.count < 14 else { continue }
            covered.insert(org)
            plans.append(Plan(org: org, title: "Survey flag below the benchmark: \(indicatorNames[indicator] ?? indicator)", l: 3 + plans.count % 3,
                              i: 2 + plans.count % 3, status: .open, standards: [plans.count % 6 * 4]))
        }
        let planned = plans
        // The GMC survey's red results, so an entry shows one beside the national survey's flags.
        let gmcRed = try await GMCSurveyResultRecord.query(on: app.db).filter(\.$flag == "red").all()
            .compactMap { $0.result.map { RegisterSource.gmcSurvey($0.key) } }
        let references = try await app.db.audited(actor: "system:demo") { db -> ([String: [String]], [AuditEvent]) in
            var references: [String: [String]] = [:]
            var events: [AuditEvent] = []
            for (n, plan) in planned.enumerated() {
                let region = organisations[plan.org]!
                var sources: [RegisterSource] = []
                sources += flags.filter { $0.organisation == plan.org }.prefix(2)
                sources += gmcRed.filter { $0.organisation == plan.org }.prefix(n == 0 ? 1 : 0)
                if plan.org == "T001" {
                    sources.append(.speakUp(organisation: "T001", quarter: FinancialQuarter.lastCompleted(on: today),
                                            theme: SpeakUpTheme.bullyingHarassment.rawValue))
                }
                sources.append(.selfReport("Board quality report, \((today.adding(days: -30 - 7 * n)).longDescription)"))
                var entry = RegisterEntry(
                    reference: RegisterEntry.reference(number: n + 1), region: region, organisation: plan.org,
                    professions: n % 2 == 0 ? ["doctor-foundation"] : ["student-nurse"], title: plan.title,
                    description: "\(plan.title). Seen in the survey's flags and the provider's own report; discussed at the regional quality meeting.",
                    standards: plan.standards.map { standards[min($0, standards.count - 1)] }, frameworkVersion: framework.version,
                    risk: RiskScore(likelihood: plan.l, impact: plan.i)!, owner: region == "LDN" ? regional : national,
                    reviewDue: n == 1 ? today.adding(days: -5) : today.adding(days: 14 + 7 * n), status: plan.status,
                    sources: sources, openedOn: today.adding(days: -60 - 10 * n))
                entry.actions = [RegisterAction(number: 1, text: "Provider to share a rota redesign with the regional team", owner: "Director of medical education",
                                                due: n == 0 ? today.adding(days: -3) : today.adding(days: 21),
                                                completedOn: plan.status == .closed ? today.adding(days: -10) : nil)]
                let record = RegisterEntryRecord()
                record.number = n + 1
                record.apply(entry)
                try await record.create(on: db)
                var lines = ["Opened with risk \(plan.l) × \(plan.i) = \(plan.l * plan.i) (\(bands.band(for: entry.risk).name.lowercased()))"]
                if plan.status != .open { lines.append("Status open → \(plan.status.rawValue)") }
                let opened = Date().addingTimeInterval(-86_400 * Double(entry.openedOn.days(to: today)))
                try await RegisterHistoryRecord(entryID: record.requireID(), at: opened,
                                                actor: region == "LDN" ? "Rowan Regional Team" : "Nia National Lead",
                                                change: lines.joined(separator: "\n")).create(on: db)
                events.append(AuditEvent(action: "register-entry.open", entityType: "register-entry", entityID: entry.reference,
                                         after: entry.auditFields(bands: bands)))
                references[plan.org, default: []].append(entry.reference)
            }
            return (references, events)
        }
        try await seedDecisions(references: references, regional: regional, national: national, today: today)
    }

    /// Organisation cells flagged red or pink in the latest published round.
    private func redAndPinkFlags() async throws -> ([RegisterSource], [String: String]) {
        let engine = try await ReportEngine.build(db: app.db, catalog: app.surveyCatalog, logger: app.logger)
        let (store, rounds, histories) = engine.snapshot
        guard let round = rounds.last else { return ([], engine.themeNames) }
        let access = ReportAccess(store: store, rounds: rounds, histories: histories)
        let table = try access.indicatorTable(ReportQuery(round: round, groupBy: .organisation, threshold: app.config.disclosureThreshold))
        let flags: [RegisterSource] = table.rows.filter { $0.flag == .red || $0.flag == .pink }
            .map { .surveyFlag(round: round, dimension: .organisation, code: $0.group, indicator: $0.indicator) }
        return (flags, engine.themeNames)
    }

    private func seedDecisions(references: [String: [String]], regional: String, national: String, today: CalendarDay) async throws {
        func decide(_ subject: ISFSubject, _ steps: [(category: Int, daysAgo: Int, ratified: Bool)], evidence: [String],
                    reviewIn: Int, by: String) -> ISFHistory {
            var history = ISFHistory()
            for (n, step) in steps.enumerated() {
                let day = today.adding(days: -step.daysAgo)
                let isLast = n == steps.count - 1
                let previous = history.current?.category
                let decision = ISFDecision(
                    id: UUID().uuidString, subject: subject, category: step.category, previousCategory: previous,
                    rationale: "Triangulated evidence from the survey, learner concerns and the provider's self-report.",
                    evidence: evidence, supportPlan: step.category >= 2
                        ? [ISFPlanAction(action: "Agree and deliver an improvement plan with the regional team", owner: "Medical director",
                                         due: day.adding(days: 56))] : [],
                    nextReview: isLast ? today.adding(days: reviewIn) : day.adding(days: 28), decidedBy: by, decidedOn: day,
                    conditionsMet: previous.map { step.category < $0 } == true ? "Supervision rota in place for three months; survey flags cleared." : nil,
                    ratification: step.ratified ? ISFRatification(by: "Regional quality meeting chair", on: day.adding(days: 7)) : nil)
                _ = history.record(decision)
            }
            return history
        }
        var histories: [ISFHistory] = []
        if let t001 = references["T001"] {
            histories.append(decide(ISFSubject(kind: .organisation, code: "T001")!, [(2, 200, true), (3, 90, true)], evidence: t001, reviewIn: 20, by: regional))
            histories.append(decide(ISFSubject(kind: .programme, code: "T001/acute-medicine")!, [(3, 120, true), (4, 30, true)],
                                    evidence: [t001[0]], reviewIn: 10, by: regional))
        }
        if let t002 = references["T002"] {
            histories.append(decide(ISFSubject(kind: .organisation, code: "T002")!, [(3, 300, true), (2, 60, false)], evidence: t002, reviewIn: 40, by: regional))
        }
        if let t010 = references["T010"] {
            histories.append(decide(ISFSubject(kind: .site, code: "T010-01")!, [(2, 150, true)], evidence: t010, reviewIn: -12, by: national))
        }
        if let t024 = references["T024"] {
            histories.append(decide(ISFSubject(kind: .organisation, code: "T024")!, [(1, 250, true), (3, 20, false)], evidence: t024, reviewIn: 35, by: national))
        }
        let decided = histories
        try await app.db.audited(actor: "system:demo") { db -> ((), [AuditEvent]) in
            var sequence = 0
            var events: [AuditEvent] = []
            for history in decided {
                guard let resolved = try await ISFSubjects.resolve(history.decisions[0].subject, on: db) else { continue }
                for decision in history.decisions {
                    sequence += 1
                    try await ISFDecisionRecord(decision, sequence: sequence, location: resolved.location).create(on: db)
                    events.append(AuditEvent(action: "isf.categorise", entityType: "isf-decision", entityID: decision.id, after: decision.auditFields()))
                }
            }
            return ((), events)
        }
        try await seedSuspension(today: today)
    }

    /// A suspension of acute medicine training at T001 with its first three steps recorded.
    private func seedSuspension(today: CalendarDay) async throws {
        let subject = ISFSubject(kind: .programme, code: "T001/acute-medicine")!
        guard let resolved = try await ISFSubjects.resolve(subject, on: app.db) else { return }
        let history = try await ISFStore.history(of: subject, on: app.db)
        let scale = try await ISFStore.scale(on: app.db)
        let reasons = app.suspensionReasons
        let day = today.adding(days: -14)
        guard var (workflow, _) = try? TrainingSuspension.open(reference: "TS-0001", subject: subject, history: history, scale: scale,
                                                              professions: ["doctor-core"], reasons: reasons, by: "Rowan Regional Team", on: day)
        else { return }
        _ = try? workflow.recordLocalResolution(.offered(outcome: "The trust's action plan did not restore night supervision within eight weeks."),
                                                by: "Rowan Regional Team", on: day)
        _ = try? workflow.recordTriggers(["inadequate-supervision"], reasons: reasons, by: "Rowan Regional Team", on: day)
        _ = try? workflow.recordDecision(panel: [.init(name: "Dr Jo Bloggs", role: "Postgraduate dean (chair)"),
                                                 .init(name: "Kim Lay", role: "Lay member"), .init(name: "Dr Ali Shah", role: "Head of school")],
                                         suspend: true, rationale: "Learners unsupervised at night; local resolution failed.",
                                         confirmedBy: "Nia National Lead", confirmerIsNationalLead: true, on: today.adding(days: -7))
        let opened = workflow
        let record = TrainingSuspensionRecord()
        record.number = 1
        record.reference = workflow.reference
        record.subjectKind = subject.kind.rawValue
        record.subjectCode = subject.code
        record.regionCode = resolved.location.region
        record.organisationCode = resolved.location.organisation
        record.professions = "doctor-core"
        record.state = "step-\(workflow.nextStep?.rawValue ?? 0)"
        record.workflowJSON = String(decoding: try JSONEncoder().encode(workflow), as: UTF8.self)
        try await app.db.audited(actor: "system:demo") { db in
            try await record.create(on: db)
            return ((), [AuditEvent(action: "suspension.open", entityType: "training-suspension", entityID: opened.reference,
                                    after: ["subject": subject.description])])
        }
    }
}
