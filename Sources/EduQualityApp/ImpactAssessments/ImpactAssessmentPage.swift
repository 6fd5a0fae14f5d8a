import EduQualityDomain
import Fluent
import Vapor

/// One assessment's page: its details, learners, ratings, decision with its conditions, the
/// register entry its decision opened, the comments between the team and the submitter, its
/// history, and the forms of whatever the visitor may do next.
struct ImpactAssessmentPage: Encodable {
    struct LearnerRow: Encodable { let profession: String; let count: Int }
    struct RatingRow: Encodable { let section, rating: String; let evidence: String? }
    struct ConditionRow: Encodable {
        let number: Int
        let text: String
        let met, canMeet: Bool
        let metOn, note: String?
        let action: String
        let noteField: [FormField]
    }
    struct CommentRow: Encodable { let number: Int; let side, by, text, on: String }
    struct HistoryRow: Encodable { let at, actor: String; let lines: [String] }

    let layout: Layout
    let errors: FormErrors
    let a: ImpactAssessmentDTO.Assessment
    let status, provider, commissioner, overall: String
    let learners: [LearnerRow]
    let ratings: [RatingRow]
    let decisionName: String?
    let conditions: [ConditionRow]
    let comments: [CommentRow]
    let history: [HistoryRow]
    let registerHref: String?
    let openRegisterHref: String?
    let mayEdit, maySubmit, mayStartReview, mayDecide, mayComment, mayWithdraw: Bool
    let commentSide: String
    let decisionFields, commentFields, withdrawFields: [FormField]

    static func build(_ req: Request, _ found: ImpactAssessmentStore.Found, errors: [FieldError] = [], posted: [String: String] = [:],
                      flash: String? = nil) async throws -> ImpactAssessmentPage {
        let errors = FormErrors(errors)
        let a = found.assessment
        let actor = req.actor
        let names = try await ReportNames.load(req.db, engine: nil)
        let form = try await ImpactAssessmentFormStore.current(on: req.db)
        func level(_ code: String) -> String { form.level(code)?.name ?? code }
        var ratings = form.sections.map { s in
            RatingRow(section: s.title, rating: a.ratings[s.code].map { level($0.rating) } ?? "Not rated", evidence: a.ratings[s.code]?.evidence)
        }
        // A section rated before it left the form is still shown.
        for code in a.ratings.keys.sorted() where form.section(code) == nil {
            ratings.append(RatingRow(section: code, rating: level(a.ratings[code]!.rating), evidence: a.ratings[code]!.evidence))
        }
        let history = try await ImpactAssessmentStore.history(of: a.reference, on: req.db).map {
            HistoryRow(at: RegisterEntryPage.time($0.at), actor: $0.actor, lines: $0.change.split(separator: "\n").map(String.init))
        }
        let may = { (action: Action) in ImpactAssessmentStore.may(actor, action, a) }
        let open = a.status != .decided && a.status != .withdrawn
        let mayManage = may(.manageImpactAssessments)
        let mayMeet = a.status == .decided && mayManage
        let conditions = (a.decision?.conditions ?? []).map { c in
            ConditionRow(number: c.number, text: c.text, met: c.status == .met, canMeet: mayMeet && c.status == .open, metOn: c.metOn?.longDescription, note: c.note,
                         action: "/quality/impact-assessments/\(a.reference)/conditions/\(c.number)/met",
                         noteField: [FormField("note-\(c.number)", "How condition \(c.number) was met (optional)", kind: .textarea,
                                               value: posted["note-\(c.number)"], errors: errors)])
        }
        let mayOpenEntry = a.status == .decided && a.registerEntry == nil
            && Authorization.isAllowed(actor, .editQualityRegister, .located(a.providerLocation))
        return ImpactAssessmentPage(
            layout: req.layout(title: "Impact assessment \(a.reference)", flash: flash), errors: errors,
            a: ImpactAssessmentDTO.assessment(a), status: a.status.displayName,
            provider: names.name(a.provider, .organisation), commissioner: names.name(a.commissioner, .organisation),
            overall: a.overallRating.map(level) ?? "Not given",
            learners: a.learners.map { LearnerRow(profession: names.name($0.profession, .profession), count: $0.count) },
            ratings: ratings, decisionName: a.decision?.outcome.displayName, conditions: conditions,
            comments: a.comments.map { CommentRow(number: $0.number, side: $0.side == .team ? "Quality team" : "Submitter", by: $0.by,
                                                  text: $0.text, on: $0.on.longDescription) },
            history: history,
            registerHref: a.registerEntry.map { "/register/\($0)" },
            openRegisterHref: mayOpenEntry ? "/register/new?sourceKind=impact-assessment&sourceReference=\(a.reference)" : nil,
            mayEdit: a.status == .draft && may(.submitImpactAssessment), maySubmit: a.status == .draft && may(.submitImpactAssessment),
            mayStartReview: a.status == .submitted && mayManage, mayDecide: a.status == .underReview && may(.decideImpactAssessment),
            mayComment: a.status.takesComments && (mayManage || may(.submitImpactAssessment)),
            mayWithdraw: open && may(.submitImpactAssessment),
            commentSide: mayManage ? "the submitter" : "the regional quality team",
            decisionFields: [
                FormField("decision", "Decision", kind: .radios, errors: errors, options: ImpactDecisionOutcome.allCases.map {
                    SelectOption(code: $0.rawValue, name: $0.displayName, selected: posted["decision"] == $0.rawValue)
                }),
                FormField("conditions", "Conditions (only for supported with conditions)", kind: .textarea, value: posted["conditions"],
                          hint: "One condition a line.", errors: errors),
                FormField("reason", "Reason for the decision", kind: .textarea, value: posted["reason"], errors: errors),
            ],
            commentFields: [FormField("comment", "Comment to \(mayManage ? "the submitter" : "the regional quality team")", kind: .textarea,
                                      value: posted["comment"], errors: errors)],
            withdrawFields: [FormField("withdrawReason", "Why it is withdrawn (optional)", kind: .textarea, value: posted["withdrawReason"],
                                       errors: errors)])
    }
}
