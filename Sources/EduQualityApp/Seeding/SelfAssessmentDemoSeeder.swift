import EduQualityDomain
import Fluent
import Vapor

/// Demo self-assessments showing every state: this year's window open, with London's providers
/// not started (T005), in draft (T001), submitted (T002), reviewed with agreement and challenges
/// (T003) and returned (T004), and a spread elsewhere for the national view; last year's window
/// closed, mostly reviewed, one submitted late and two overdue.
struct SelfAssessmentDemoSeeder {
    let app: Application

    enum Stage { case draft, submitted, returned, reviewed, late }

    func seed(today: CalendarDay = .today()) async throws {
        guard try await SelfAssessmentWindowRecord.query(on: app.db).count() == 0 else { return }
        let framework = try await QualityFrameworkStore.current(on: app.db)
        let current = AssessmentYear(containing: today), previous = AssessmentYear(firstYear: current.firstYear - 1)!
        let thisYear = SelfAssessmentWindow(year: current, opensOn: max(current.firstDay, today.adding(days: -60)),
                                            closesOn: min(current.lastDay, today.adding(days: 44)), frameworkVersion: framework.version)
        let lastYear = SelfAssessmentWindow(year: previous, opensOn: previous.firstDay.adding(days: 183),
                                            closesOn: previous.firstDay.adding(days: 289), frameworkVersion: framework.version)
        let organisations = try await Organisation.inUse(on: app.db).sort(\.$code).all()
            .filter { OrganisationType(rawValue: $0.type)?.hostsPlacements == true }
        let london: [String: Stage] = ["T001": .draft, "T002": .submitted, "T003": .reviewed, "T004": .returned]
        var plans: [(SelfAssessmentWindow, Organisation, Stage)] = []
        for (n, o) in organisations.enumerated() {
            if let stage = london[o.code] { plans.append((thisYear, o, stage)) }
            else if o.regionCode != "LDN", n % 5 != 0 { plans.append((thisYear, o, [Stage.draft, .submitted, .reviewed, .reviewed][n % 4])) }
            // Last year: everyone reviewed but a late submission and two overdue (one draft, one never started).
            switch o.code {
            case "T004": plans.append((lastYear, o, .draft))
            case "P007": break
            case "T005": plans.append((lastYear, o, .late))
            default: plans.append((lastYear, o, .reviewed))
            }
        }
        try await app.db.audited(actor: "system:demo") { db in
            var events: [AuditEvent] = []
            for w in [lastYear, thisYear] {
                let record = SelfAssessmentWindowRecord()
                record.apply(w)
                record.createdBy = "national-lead@demo.eduquality.test"
                try await record.create(on: db)
                events.append(w.scheduleEvent)
            }
            return ((), events)
        }
        for (n, (window, organisation, stage)) in plans.enumerated() {
            try await seed(window, organisation, stage, framework: framework, variant: n)
        }
    }

    private func seed(_ window: SelfAssessmentWindow, _ organisation: Organisation, _ stage: Stage, framework: QualityFramework,
                      variant: Int) async throws {
        let today = CalendarDay.today()
        let startDay = min(today, window.opensOn.adding(days: 3 + variant % 10))
        let (started, start) = try SelfAssessment.start(window: window, organisation: organisation.code, region: organisation.regionCode,
                                                           framework: framework, today: startDay)
        var assessment = started
        var changes = [start]
        var typed: [String: TypedSelfRating] = [:]
        for (i, code) in assessment.standards.enumerated() where stage != .draft || i < 5 {
            let rating: SelfRating = (i + variant) % 7 == 0 ? .doesNotMeet : (i + variant) % 3 == 0 ? .partlyMeets : .meets
            typed[code] = TypedSelfRating(
                rating: rating.rawValue, evidence: "Board quality report and learner forum minutes; survey results for the standard.",
                actions: rating.needsActions ? "Director of education to agree an improvement plan with the regional team by the next quarter." : "")
        }
        if let change = try assessment.save(typed) { changes.append(change) }
        if stage != .draft {
            let submitDay = min(today, stage == .late ? window.closesOn.adding(days: 12) : min(window.closesOn, startDay.adding(days: 20)))
            changes.append(try assessment.submit(window: window, today: submitDay))
            let reviewer = organisation.regionCode == "LDN" ? "Rowan Regional Team" : "Nia National Lead"
            switch stage {
            case .returned:
                changes.append(try assessment.returnToProvider(reason: "The evidence for domain 2 names no governance meeting: add the minutes that show it.",
                                                               today: min(today, submitDay.adding(days: 5))))
            case .reviewed, .late:
                var reviews: [String: TypedReview] = [:]
                for (i, code) in assessment.standards.enumerated() {
                    reviews[code] = (i + variant) % 9 == 4
                        ? TypedReview(verdict: "challenge", note: "Open register entries and red survey flags suggest the standard is only partly met.")
                        : TypedReview(verdict: "agree")
                }
                changes.append(try assessment.review(reviews, complete: true, by: reviewer, today: min(today, submitDay.adding(days: 10))))
            default: break
            }
        }
        let daysAgo = Double(max(0, startDay.days(to: today)))
        try await SelfAssessmentStore.write(assessment, changes, record: nil, historyActor: organisation.code == "T001" ? "Priya Provider Lead" : "Demo data",
                                            auditActor: "system:demo", at: Date().addingTimeInterval(-86_400 * daysAgo), on: app.db)
    }
}
