import EduQualityDomain
import Fluent
import Vapor

/// Demo reviews that show every state: reviews planned, gathering evidence, visited, drafting a
/// report with the provider checking its factual accuracy, and a dozen and more closed with
/// published reports across regions and types (one corrected, so it has two versions); their
/// requirements at every RAG status, including immediate mandatory requirements overdue, with
/// updates, evidence files, decisions returned and accepted.
struct ReviewDemoSeeder {
    let app: Application

    struct Plan {
        let org: String
        let type: String
        let specialty: String?
        let professions: [String]
        let daysAgo: Int
        let stage: Stage
    }

    enum Stage { case planned, gathering, visited, factualAccuracy, final, published, corrected }

    static let plans: [Plan] = [
        Plan(org: "T001", type: "urgent-concern", specialty: "acute-medicine", professions: ["doctor-foundation", "doctor-core"], daysAgo: 40, stage: .factualAccuracy),
        Plan(org: "T001", type: "risk-based", specialty: "general-surgery", professions: ["student-nurse"], daysAgo: 330, stage: .corrected),
        Plan(org: "T001", type: "monitoring", specialty: nil, professions: [], daysAgo: -20, stage: .planned),
        Plan(org: "T002", type: "programme", specialty: "paediatrics", professions: ["doctor-specialty"], daysAgo: 5, stage: .gathering),
        Plan(org: "T003", type: "learner-educator", specialty: "maternity", professions: ["student-midwife"], daysAgo: 12, stage: .visited),
        Plan(org: "T004", type: "senior-leader-engagement", specialty: nil, professions: [], daysAgo: 60, stage: .final),
        Plan(org: "T010", type: "risk-based", specialty: "rehabilitation", professions: ["physiotherapy"], daysAgo: 200, stage: .published),
        Plan(org: "T011", type: "programme", specialty: "anaesthetics", professions: ["doctor-core"], daysAgo: 260, stage: .published),
        Plan(org: "T017", type: "monitoring", specialty: "emergency-medicine", professions: ["doctor-foundation"], daysAgo: 150, stage: .published),
        Plan(org: "T018", type: "learner-educator", specialty: "mental-health", professions: ["student-nurse"], daysAgo: 90, stage: .published),
        Plan(org: "T024", type: "urgent-concern", specialty: "maternity", professions: ["student-midwife"], daysAgo: 45, stage: .published),
        Plan(org: "T025", type: "programme", specialty: "general-practice", professions: ["doctor-specialty"], daysAgo: 300, stage: .published),
        Plan(org: "T026", type: "senior-leader-engagement", specialty: nil, professions: [], daysAgo: 120, stage: .published),
        Plan(org: "T033", type: "risk-based", specialty: "oncology", professions: ["student-nurse", "doctor-core"], daysAgo: 75, stage: .published),
        Plan(org: "T034", type: "monitoring", specialty: "orthopaedics", professions: ["physiotherapy"], daysAgo: 180, stage: .published),
        Plan(org: "T040", type: "learner-educator", specialty: "critical-care", professions: ["doctor-foundation"], daysAgo: 30, stage: .published),
        Plan(org: "T041", type: "urgent-concern", specialty: "emergency-medicine", professions: ["doctor-core"], daysAgo: 25, stage: .published),
        Plan(org: "T049", type: "programme", specialty: "paediatrics", professions: ["doctor-specialty"], daysAgo: 210, stage: .published),
    ]

    static let sections: [ReportSection: String?] = [
        .whatWorksWell: "Learners described a welcoming team, a clear induction and supervisors who make time for them. Teaching is protected on most weeks.",
        .areasForImprovement: "Rota gaps still cancel teaching in some weeks, and learners are not always told who their named supervisor is at night.",
        .overview: "The panel met learners and educators on site, reviewed the survey results, the quality register and the provider's own report, and toured the clinical areas.",
        .background: "The review followed outlier results in the national education and training survey and concerns raised by learners through the escalation pathway.",
        .followUp: "A monitoring visit will follow in six months; the requirements are followed on the quality management system until closed.",
    ]

    func seed(today: CalendarDay = .today()) async throws {
        guard try await ReviewRecord.query(on: app.db).count() == 0 else { return }
        let organisations = try await Organisation.regionsByCode(on: app.db)
        let framework = try await QualityFrameworkStore.current(on: app.db)
        let standards = framework.standardCodes
        let users = try await User.query(on: app.db).all()
        let reviewerID = users.first { $0.email == "reviewer@demo.eduquality.test" }?.id?.uuidString
        let settings = app.reviewSettings
        for (n, plan) in Self.plans.enumerated() where organisations[plan.org] != nil {
            let visit = today.adding(days: -plan.daysAgo)
            var review = Review(reference: Review.reference(number: n + 1), type: plan.type, organisation: plan.org,
                                region: organisations[plan.org]!, specialty: plan.specialty,
                                programmeGroup: plan.specialty == nil ? nil : "Programme review group \(n % 3 + 1)",
                                professions: plan.professions, plannedOn: visit)
            var lines = ["Planned on \(visit.iso)"]
            func step(_ to: ReviewStatus) throws { lines += try review.move(to: to.rawValue, on: nil, today: max(today, visit)).lines }
            lines += try review.addPanelMember(PanelMember(name: "Dr Morgan Lead \(n + 1)", role: .lead)).lines
            lines += try review.addPanelMember(PanelMember(name: "Robin Reviewer", role: .specialtyExpert, userID: n < 2 ? reviewerID : nil)).lines
            lines += try review.addPanelMember(PanelMember(name: "Lee Lay", role: .layMember)).lines
            lines += try review.addPanelMember(PanelMember(name: "Jo Student", role: .learnerRepresentative)).lines
            if plan.stage == .planned { try await store(review, lines: lines, requirements: [], number: n + 1); continue }
            try step(.evidenceGathering)
            if let subject = review.programmes.first { _ = try review.addEvidence(.isfHistory(subject)) }
            if plan.stage == .gathering { try await store(review, lines: lines, requirements: [], number: n + 1); continue }
            try step(.visited)
            if let profession = plan.professions.first {
                _ = try review.recordMet(MetGroup(profession: profession, level: .foundation, count: 6 + n))
                _ = try review.recordMet(MetGroup(profession: profession, level: .supervisor, count: 3))
            }
            if n % 4 == 1 {
                _ = try review.grade(PlacementGrade(placement: "Ward \(n + 2)", grade: .requiresImprovement, toMoveUp: "Named supervisors on every shift",
                                                    actions: [ISFPlanAction(action: "Publish the supervisor rota weekly", owner: "Director of medical education", due: today.adding(days: 60))]))
                _ = try review.grade(PlacementGrade(placement: "Outpatients", grade: .good, toMoveUp: "Protected teaching every week", actions: []))
            }
            var requirements: [Requirement] = []
            func find(_ kind: String, due: CalendarDay? = nil, _ text: String, _ standard: Int) throws {
                let form = NewRequirementForm(kind: kind, text: text, standards: [standards[standard % standards.count]],
                                              owner: kind == "good-practice" ? nil : "Director of medical education", due: due?.iso)
                requirements.append(try form.validated(for: review, existing: requirements, standards: Set(standards),
                                                       rules: settings.rules.due, calendar: .englandAndWales))
            }
            try find("immediate-mandatory", "Learners must have a named senior supervisor on every night shift, made known at handover.", 12)
            try find("mandatory", "Protected teaching time must be in the rota and not cancelled for service reasons.", 24)
            try find("mandatory", due: max(today, visit).adding(days: 10), "Every learner must have an induction before their first shift.", 14)
            try find("recommendation", "Make the learners' study space available out of hours.", 4)
            try find("good-practice", "The welcome pack for new learners, written with learner representatives.", 13)
            // Progress: the older the review, the further its requirements have come.
            if plan.daysAgo >= 60 || plan.stage == .corrected {
                _ = try requirements[0].postUpdate(text: "Supervisor named on the night rota from week 1.", evidence: [], by: "Priya Provider Lead", on: visit.adding(days: 3))
                _ = try requirements[0].decide("accept", reason: "Rota seen at the monitoring visit.", by: "Rowan Regional Team", on: visit.adding(days: 6))
            }
            if n % 3 == 0 {
                _ = try requirements[1].postUpdate(text: "Teaching is now in the rota.", evidence: [], by: "Priya Provider Lead", on: today)
                _ = try requirements[1].decide("return", reason: "Show three months of attendance.", by: "Rowan Regional Team", on: today)
            } else if n % 3 == 1 {
                _ = try requirements[1].postUpdate(text: "Teaching rota attached.", evidence: [], by: "Priya Provider Lead", on: today)
            }
            try step(.reportDrafting)
            _ = try review.report.edit(Self.sections)
            let actor = "Rowan Regional Team"
            switch plan.stage {
            case .factualAccuracy:
                lines += try review.moveReport(to: "factual-accuracy", waiver: nil, by: actor, today: today, calendar: .englandAndWales,
                                               factualAccuracyWorkingDays: settings.factualAccuracyWorkingDays).lines
                lines += try review.report.comment(on: "overview", "The panel met 14 learners, not 12.", by: "Priya Provider Lead", today: today)
            case .final:
                lines += try review.moveReport(to: "final", waiver: "Senior leader visit: the provider agreed the notes on the day.",
                                               by: actor, today: today, calendar: .englandAndWales, factualAccuracyWorkingDays: 10).lines
            default:
                let sent = visit.adding(days: 20)
                lines += try review.moveReport(to: "factual-accuracy", waiver: nil, by: actor, today: sent, calendar: .englandAndWales,
                                               factualAccuracyWorkingDays: settings.factualAccuracyWorkingDays).lines
                lines += try review.report.comment(on: "background", "The survey round was 2026, not 2025.", by: "Priya Provider Lead", today: sent)
                lines += try review.report.recordOutcome(of: 1, "accepted", response: "Corrected in the final report.")
                lines += try review.report.providerDone(today: sent)
                lines += try review.moveReport(to: "published", waiver: nil, by: actor, today: min(today, sent.adding(days: 5)),
                                               calendar: .englandAndWales, factualAccuracyWorkingDays: 10).lines
                try step(.closed)
            }
            try await store(review, lines: lines, requirements: requirements, number: n + 1)
            if plan.stage == .corrected {
                guard let record = try await ReviewRecord.query(on: app.db).filter(\.$reference == review.reference).first() else { continue }
                _ = try review.report.correct([.overview: "The panel met 14 learners and 6 educators on site, reviewed the survey results, the quality register and the provider's own report."],
                                              note: "Number of learners met corrected.", today: today)
                record.apply(review)
                try await record.update(on: app.db)
                try await ReviewPublication.store(try await ReviewPublication.snapshot(review, of: record, version: 2, publishedOn: today, on: app.db, types: settings.types),
                                                  note: "Number of learners met corrected.", review: record, on: app.db)
            }
        }
    }

    private func store(_ review: Review, lines: [String], requirements: [Requirement], number: Int) async throws {
        let record = ReviewRecord()
        record.number = number
        record.apply(review)
        try await app.db.audited(actor: "system:demo") { db in
            try await record.create(on: db)
            try await ReviewStore.write(lines, of: record, actor: "Demo data", on: db)
            for requirement in requirements {
                let row = RequirementRecord()
                row.overdueNotified = false
                row.apply(requirement, reviewID: try record.requireID())
                try await row.create(on: db)
                if requirement.kind == .mandatory, !requirement.updates.isEmpty {
                    try await Self.evidence(for: row, requirement, app: app, on: db)
                }
            }
            return ((), [AuditEvent(action: "review.demo", entityType: "review", entityID: review.reference,
                                    after: ["requirements": String(requirements.count)])])
        }
        if review.report.stage == .published {
            try await ReviewPublication.store(try await ReviewPublication.snapshot(review, of: record, version: 1, publishedOn: review.report.versions[0].publishedOn,
                                                                                on: app.db, types: app.reviewSettings.types),
                                              note: "First published", review: record, on: app.db)
        }
    }

    /// A small real PDF as the evidence of the latest update.
    private static func evidence(for row: RequirementRecord, _ requirement: Requirement, app: Application, on db: any Database) async throws {
        let pdf = Array("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
        let file = try EvidenceFiles.store(EvidenceFiles.Upload(type: .pdf, name: "teaching-rota.pdf", bytes: pdf), for: row, requirement,
                                           by: "provider-lead@demo.eduquality.test", app)
        try await file.create(on: db)
        var updated = requirement
        updated.updates[updated.updates.count - 1].evidence = [file.id!.uuidString]
        row.apply(updated, reviewID: row.reviewID)
        try await row.update(on: db)
    }
}
