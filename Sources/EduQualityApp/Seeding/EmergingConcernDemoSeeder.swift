import EduQualityDomain
import Fluent
import Vapor

/// Demo emerging concerns that show who sees what: one raised by the GMC, shared with the NMC, the
/// CQC and the national quality body, with a held panel and its actions (one overdue); one raised
/// by the NMC and shared with the CQC only, so the GMC's liaison never sees it; one raised by the
/// quality body and shared with the GMC.
struct EmergingConcernDemoSeeder {
    let app: Application

    struct Plan {
        let raisedBy, organisation, group, type, summary, risk: String
        let shareWith: [String]
        let daysAgo: Int
    }

    static let plans: [Plan] = [
        Plan(raisedBy: "GMC", organisation: "T001", group: "Foundation doctors in acute medicine", type: "professionals",
             summary: "Three doctors in training report night shifts without senior cover; two raised it with the trust without answer.",
             risk: "Patients on the acute wards at night; foundation doctors working beyond competence.",
             shareWith: ["NMC", "CQC", "NEQB"], daysAgo: 40),
        Plan(raisedBy: "NMC", organisation: "T002", group: "Student midwives", type: "systems-and-environment",
             summary: "Midwifery staffing at the birth centre has fallen; students are rostered as part of the numbers.",
             risk: "Women and babies; students without supervision.", shareWith: ["CQC"], daysAgo: 20),
        Plan(raisedBy: "NEQB", organisation: "T003", group: "Surgical trainees", type: "trust-and-confidence",
             summary: "Repeated reports of undermining by a consultant group in theatres; learners are afraid to speak up.",
             risk: "Learners' wellbeing and patient safety in theatres.", shareWith: ["GMC"], daysAgo: 10),
    ]

    func seed(today: CalendarDay = .today()) async throws {
        guard try await EmergingConcernRecord.query(on: app.db).count() == 0 else { return }
        let regions = try await Organisation.regionsByCode(on: app.db)
        let users = try await User.query(on: app.db).with(\.$roles).all()
        let signatories = app.signatories
        func user(for code: String) -> User? {
            users.first { EmergingConcernVisibility.viewer(for: $0.actor, signatories: signatories) == code }
        }
        for (n, plan) in Self.plans.enumerated() where regions[plan.organisation] != nil {
            let raiser = user(for: plan.raisedBy)
            let concern = try NewEmergingConcernForm(organisation: plan.organisation, group: plan.group, type: plan.type,
                                                     summary: plan.summary, risk: plan.risk, shareWith: plan.shareWith)
                .validated(raisedBy: plan.raisedBy, user: raiser?.id?.uuidString ?? "", signatories: signatories,
                           regionOf: { regions[$0] }, number: n + 1, today: today.adding(days: -plan.daysAgo))
            var panels: [RegulatoryReviewPanel] = []
            if n == 0 {
                panels.append(RegulatoryReviewPanel(
                    reference: "\(concern.reference)-P1", concern: concern.reference, requestedBy: "GMC", requestedByUser: raiser?.id?.uuidString ?? "",
                    requestedOn: today.adding(days: -30), date: today.adding(days: -21), invited: ["CQC", "NEQB", "NMC"], status: .followedUp,
                    heldOn: today.adding(days: -21),
                    attendees: [RegulatoryPanelAttendee(name: "Reg Liaison", organisation: "GMC"),
                                RegulatoryPanelAttendee(name: "Rowan Regional Team", organisation: "NEQB"),
                                RegulatoryPanelAttendee(name: "CQC inspector", organisation: "CQC")],
                    informationConsidered: ["Learners' reports to the GMC", "Survey red flags for supervision at T001", "CQC's last inspection"],
                    decisions: ["The quality body to carry out an urgent concern review", "The CQC to consider a focused inspection"],
                    actions: [RegulatoryPanelAction(number: 1, organisation: "NEQB", text: "Urgent concern review of acute medicine",
                                                    owner: "Regional quality lead", due: today.adding(days: -7), status: .done, doneOn: today.adding(days: -10)),
                              RegulatoryPanelAction(number: 2, organisation: "CQC", text: "Decide on a focused inspection",
                                                    owner: "Inspection manager", due: today.adding(days: -3)),
                              RegulatoryPanelAction(number: 3, organisation: "GMC", text: "Write to the responsible officer",
                                                    owner: "Employer liaison adviser", due: today.adding(days: 14))]))
            }
            let row = EmergingConcernRecord()
            row.number = n + 1
            row.raisedAt = Date()
            try row.apply(concern, panels: panels)
            try await app.db.audited(actor: "demo") { db in
                try await row.create(on: db)
                try await EmergingConcernHistoryRecord(concern: concern.reference, at: Date(), actor: raiser?.displayName ?? "demo",
                                                       change: "Raised by \(plan.raisedBy), shared with \(concern.sharedWithSorted.joined(separator: ", "))").create(on: db)
                if let raiser {
                    try await EmergingConcernAccessRecord(AccessLogEntry(
                        concern: concern.reference, userID: raiser.id?.uuidString ?? "", userName: raiser.displayName,
                        organisation: plan.raisedBy, kind: .changed, what: "raised the concern", at: Date())).create(on: db)
                }
                return ((), [concern.creationAudit])
            }
        }
    }
}
