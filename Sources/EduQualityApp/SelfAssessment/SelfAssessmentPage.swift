import EduQualityDomain
import Fluent
import Vapor

/// One organisation's self-assessment of a year: the provider's form while it is a draft (or
/// returned), otherwise its ratings read only, with the team's verdicts once there are any, the
/// return form for reviewers, and the history.
struct SelfAssessmentPage: Encodable {
    struct Standard: Encodable {
        let code, text: String
        let rating, ratingCode: String?
        let evidence, actions: String
        let fields: [FormField]
        let verdict, verdictCode, note, reviewedBy: String?
    }
    struct DomainSection: Encodable { let code, name: String; let standards: [Standard] }
    struct HistoryRow: Encodable { let at, actor: String; let lines: [String] }

    let layout: Layout
    let errors: FormErrors
    let organisation, code, year, windowText, status, statusCode: String
    let frameworkVersion: Int
    let submittedOn: String?
    let late, overdue: Bool
    let returnReason: String?
    let mayEdit, notOpenYet, showVerdicts: Bool
    let reviewHref: String?
    let mayReturn: Bool
    let reasonFields: [FormField]
    let domains: [DomainSection]
    let history: [HistoryRow]

    static func build(_ req: Request, _ found: SelfAssessmentStore.Found, errors: [FieldError] = [],
                      posted: [String: String]? = nil, flash: String? = nil) async throws -> SelfAssessmentPage {
        let errors = FormErrors(errors)
        let today = CalendarDay.today()
        let a = found.assessment
        let framework = try await displayedFramework(found, req)
        let progress = SelfAssessmentProgress(a?.status)
        let state = found.window.state(on: today)
        let mayComplete = Authorization.isAllowed(req.actor, .completeSelfAssessment, .located(found.location))
        let mayEdit = mayComplete && state != .upcoming && (a?.status.isEditableByProvider ?? true)
        let mayReview = Authorization.isAllowed(req.actor, .reviewSelfAssessment, .located(found.location))
        let showVerdicts = !(a?.reviews.isEmpty ?? true) && (mayReview || a?.status == .reviewed)
        let domains = framework.domains.map { d in
            DomainSection(code: d.code, name: d.name, standards: d.standards.map { s in
                let entry = a?.rating(s.code) ?? StandardSelfAssessment()
                let review = showVerdicts ? a?.reviews[s.code] : nil
                let value = { (part: String, stored: String) in posted?[SelfAssessment.field(part, s.code)] ?? stored }
                let rating = value("rating", entry.rating?.rawValue ?? "")
                let fields = mayEdit ? [
                    FormField(SelfAssessment.field("rating", s.code), "Rating of standard \(s.code)", kind: .radios, errors: errors,
                              options: SelfRating.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0.rawValue == rating) }),
                    FormField(SelfAssessment.field("evidence", s.code), "Evidence for standard \(s.code)", kind: .textarea,
                              value: value("evidence", entry.evidence), hint: "What shows how far you meet it: reports, audits, learners' feedback.",
                              errors: errors),
                    FormField(SelfAssessment.field("actions", s.code), "Actions for standard \(s.code)", kind: .textarea,
                              value: value("actions", entry.actions), hint: "Needed when the standard is partly met or not met: what you will do, who and by when.",
                              errors: errors),
                ] : []
                return Standard(code: s.code, text: s.text, rating: entry.rating?.displayName, ratingCode: entry.rating?.rawValue,
                                evidence: entry.evidence, actions: entry.actions, fields: fields,
                                verdict: review?.verdict.displayName, verdictCode: review?.verdict.rawValue,
                                note: review.flatMap { $0.note.isEmpty ? nil : $0.note }, reviewedBy: review.map { "\($0.by), \($0.on.longDescription)" })
            })
        }
        let history = try await SelfAssessmentStore.history(of: found.record, on: req.db).reversed().map {
            HistoryRow(at: RegisterEntryPage.time($0.at), actor: $0.actor, lines: $0.change.split(separator: "\n").map(String.init))
        }
        let href = "/quality/self-assessment/\(found.window.year.label)/\(found.organisation.code)"
        return SelfAssessmentPage(
            layout: req.layout(title: "\(found.organisation.name): self-assessment \(found.window.year.label)", flash: flash), errors: errors,
            organisation: found.organisation.name, code: found.organisation.code, year: found.window.year.label,
            windowText: SelfAssessmentOverviewPage.describe(found.window, today: today), status: progress.displayName,
            statusCode: progress.rawValue, frameworkVersion: framework.version, submittedOn: a?.submittedOn?.longDescription,
            late: a?.submittedLate == true, overdue: progress.isOverdue(found.window, on: today), returnReason: a?.status == .returned ? a?.returnReason : nil,
            mayEdit: mayEdit, notOpenYet: state == .upcoming, showVerdicts: showVerdicts,
            reviewHref: mayReview && a?.status == .submitted ? href + "/review" : nil,
            mayReturn: mayReview && a?.status == .submitted,
            reasonFields: [FormField("reason", "Why it is returned", kind: .textarea, value: posted?["reason"],
                                     hint: "What the provider should change before submitting again. The provider sees this.", errors: errors)],
            domains: domains, history: Array(history))
    }

    /// The standards shown: the assessment's own version, else the window's (fixed once it opened).
    static func displayedFramework(_ found: SelfAssessmentStore.Found, _ req: Request) async throws -> QualityFramework {
        if let version = found.assessment?.frameworkVersion, let framework = try await QualityFrameworkStore.version(version, on: req.db) {
            return framework
        }
        return try await SelfAssessmentStore.framework(of: found.windowRecord, on: req.db)
    }
}
