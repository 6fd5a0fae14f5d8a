import EduQualityDomain
import Fluent
import Vapor

/// One subject's ISF page: its current category, the history as a timeline and a table, the
/// form for a new decision (escalation, de-escalation or a review that keeps the category), the
/// ratification of a provisional decision, and any suspension of training.
struct ISFSubjectPage: Encodable {
    struct DecisionRow: Encodable {
        let id, decidedOn, rating, categoryName, rationale, decidedBy, nextReview: String
        let evidence: [Link]
        let plan: [String]
        let conditionsMet: String?
        let ratified: String?
    }
    struct Link: Encodable { let label, href: String }

    let layout: Layout
    let errors: FormErrors
    let subject, kind, decideHref, ratifyHref, suspendHref: String
    let current: DecisionRow?
    let currentDescription: String?
    let timeline: ChartMarkup
    let history: [DecisionRow]
    let mayDecide, mayRatify, maySuspend: Bool
    let fields: [FormField]
    let plan: [PlanRow]
    let planError: String?
    let suspensions: [Link]
    let professions: [SelectOption]
    struct PlanRow: Encodable { let index: Int; let action, owner, due: String }

    struct Posted: Content {
        var category, rationale, nextReview, conditionsMet: String?
        var evidence: [String]?
        var planAction, planOwner, planDue: [String]?

        var form: ISFDecisionForm {
            let rows = (0..<max(planAction?.count ?? 0, planOwner?.count ?? 0, planDue?.count ?? 0)).map { i in
                TypedPlanAction(action: planAction?[safe: i], owner: planOwner?[safe: i], due: planDue?[safe: i])
            }
            return ISFDecisionForm(category: category, rationale: rationale, evidence: evidence ?? [], supportPlan: rows,
                                   nextReview: nextReview, conditionsMet: conditionsMet)
        }
    }

    static func build(_ req: Request, _ subject: ResolvedSubject, posted: Posted = Posted(), errors: [FieldError] = [],
                      flash: String? = nil) async throws -> ISFSubjectPage {
        let errors = FormErrors(errors)
        let scale = try await ISFStore.scale(on: req.db)
        let history = try await ISFStore.history(of: subject.subject, on: req.db)
        let names = try await RegisterOwners.names(on: req.db)
        let today = CalendarDay.today()
        func row(_ d: ISFDecision) -> DecisionRow {
            DecisionRow(id: d.id, decidedOn: d.decidedOn.longDescription, rating: d.rating,
                        categoryName: scale.category(d.category)?.name ?? "", rationale: d.rationale,
                        decidedBy: names[d.decidedBy] ?? "", nextReview: d.nextReview.longDescription,
                        evidence: d.evidence.map { Link(label: $0, href: "/register/\($0)") },
                        plan: d.supportPlan.map { "\($0.action) (\($0.owner), by \($0.due.longDescription))" },
                        conditionsMet: d.conditionsMet,
                        ratified: d.ratification.map { "Ratified by \($0.by) at the meeting of \($0.on.longDescription)" })
        }
        let mayDecide = Authorization.isAllowed(req.actor, .decideIntensiveSupport, .located(subject.location))
        let entries = try await RegisterStore.visible(to: req.actor, on: req.db).map(\.1).filter { e in
            subject.subject.kind == .region ? e.region == subject.location.region : e.organisation == subject.location.organisation
        }
        let suggested = ISFDecisionForm.suggestedReview(for: history.current?.category ?? 1, scale: scale, today: today)
        let fields = [
            FormField("category", "Category", kind: .radios, errors: errors, options: scale.categories.map {
                SelectOption(code: String($0.level), name: "ISF \($0.level): \($0.name)", selected: String($0.level) == posted.category, hint: $0.description)
            }),
            FormField("rationale", "Rationale", kind: .textarea, value: posted.rationale,
                      hint: "How the triangulated evidence supports this category.", errors: errors),
            FormField("evidence", "Evidence from the quality register", kind: .checkboxes,
                      hint: entries.isEmpty ? "There are no register entries here yet: open one first." : "Select at least one entry.",
                      errors: errors, options: entries.map {
                          SelectOption(code: $0.reference, name: "\($0.reference) \($0.title)", selected: (posted.evidence ?? []).contains($0.reference))
                      }),
            FormField("nextReview", "Next review", kind: .date, value: posted.nextReview ?? suggested?.iso,
                      hint: "Suggested from the category's review interval.", errors: errors, width: "nhsuk-input--width-10"),
            FormField("conditionsMet", "Conditions met (for a de-escalation)", kind: .textarea, value: posted.conditionsMet,
                      hint: "Needed when the category comes down.", errors: errors),
        ]
        let plan = (0..<4).map { i in
            PlanRow(index: i + 1, action: posted.planAction?[safe: i] ?? "", owner: posted.planOwner?[safe: i] ?? "", due: posted.planDue?[safe: i] ?? "")
        }
        let workflows = try await SuspensionStore.of(subject.subject, on: req.db)
        let suspensions = workflows.map {
            Link(label: "\($0.reference): \(SuspensionStore.stateText($0))", href: "/isf/suspensions/\($0.reference)")
        }
        let suspensionOpen = workflows.contains { !$0.isFinished }
        let reasons = req.application.suspensionReasons
        let professions = try await Term.query(on: req.db).filter(\.$vocabulary == Vocabulary.profession.rawValue).sort(\.$position).all()
            .filter { reasons.professions.contains($0.code) }.map { SelectOption(code: $0.code, name: $0.name, selected: false) }
        return ISFSubjectPage(
            layout: req.layout(title: "ISF: \(subject.name)", flash: flash), errors: errors, subject: subject.name,
            kind: subject.subject.kind.displayName, decideHref: ResolvedSubject.href(subject.subject, action: "decide"),
            ratifyHref: ResolvedSubject.href(subject.subject, action: "ratify"),
            suspendHref: ResolvedSubject.href(subject.subject, action: "suspend"),
            current: history.current.map(row), currentDescription: history.current.flatMap { scale.category($0.category)?.description },
            timeline: ChartMarkup(svg: ISFTimelineChart.draw(history, scale: scale, subject: subject.name, today: today)),
            history: history.decisions.reversed().map(row), mayDecide: mayDecide,
            mayRatify: mayDecide && history.current?.isProvisional == true,
            maySuspend: mayDecide && history.isAtTop(of: scale) && subject.subject.kind != .region && !suspensionOpen,
            fields: fields, plan: plan, planError: errors.by["supportPlan"], suspensions: suspensions, professions: professions)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
