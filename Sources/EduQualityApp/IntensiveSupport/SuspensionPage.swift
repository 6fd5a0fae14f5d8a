import EduQualityDomain
import Vapor

/// A suspension of training: the steps recorded so far, and the form for the next one only.
struct SuspensionPage: Encodable {
    struct StepRow: Encodable { let number: Int; let title: String; let lines: [String]; let recorded: String? }

    let layout: Layout
    let errors: FormErrors
    let reference, subject, subjectHref, state: String
    let steps: [StepRow]
    let next: Int?
    let nextTitle: String?
    let mayRecord: Bool
    let mayConfirm: Bool
    let triggers: [SelectOption]
    let outOfScope: [SelectOption]
    let action: String
    let panelSlots = [1, 2, 3, 4]
    let learnerSlots = [1, 2, 3]

    static func build(_ req: Request, _ v: SuspensionStore.Visible, errors: [FieldError] = [], flash: String? = nil) -> SuspensionPage {
        let w = v.workflow
        let reasons = req.application.suspensionReasons
        func recorded(_ step: TrainingSuspension.Step) -> String? {
            w.log.first { $0.step == step }.map { "Recorded \($0.on.longDescription) by \($0.by)" }
        }
        var rows: [StepRow] = []
        for step in TrainingSuspension.Step.allCases {
            var lines: [String] = []
            switch step {
            case .localResolution:
                switch w.localResolution {
                case .offered(let outcome): lines = ["Local resolution offered. Outcome: \(outcome)"]
                case .skipped(let reason): lines = ["Local resolution not offered first, because of an urgent safety issue: \(reason)"]
                case nil: break
                }
            case .triggers: lines = w.triggers.map { reasons.trigger($0)?.name ?? $0 }
            case .decision:
                if let d = w.decision {
                    lines = ["Panel: " + d.panel.map { "\($0.name) (\($0.role))" }.joined(separator: "; "),
                             d.suspend ? "Decision: suspend training" : "Decision: do not suspend", "Rationale: \(d.rationale)",
                             "Confirmed by \(d.confirmedBy) on \(d.decidedOn.longDescription)"]
                }
            case .notifications:
                if let n = w.notifications {
                    lines = ["Provider told \(n.provider.longDescription)", "Learners told \(n.learners.longDescription)",
                             "Regulator told \(n.regulator.longDescription)"]
                }
            case .affectedLearners:
                lines = w.learners.map { "\($0.programme), \($0.level): \($0.count) learners, relocated to \($0.relocatedTo)" }
                if let basis = w.namedListLawfulBasis { lines.append("A named list is held as personal data (lawful basis: \(basis)).") }
            case .returnConditions: lines = w.returnConditions
            case .lift: if let l = w.lift { lines = ["Lifted after review on \(l.reviewedOn.longDescription): \(l.findings)"] }
            }
            rows.append(StepRow(number: step.rawValue, title: step.title, lines: lines, recorded: recorded(step)))
        }
        let mayRecord = Authorization.isAllowed(req.actor, .decideIntensiveSupport, .located(v.subject.location))
        return SuspensionPage(
            layout: req.layout(title: "Suspension \(w.reference): \(v.subject.name)", flash: flash), errors: FormErrors(errors),
            reference: w.reference, subject: v.subject.name, subjectHref: v.subject.href, state: SuspensionStore.stateText(w),
            steps: rows, next: w.nextStep?.rawValue, nextTitle: w.nextStep?.title, mayRecord: mayRecord,
            mayConfirm: Authorization.isAllowed(req.actor, .confirmTrainingSuspension, .located(v.subject.location)),
            triggers: reasons.triggers.map { SelectOption(code: $0.code, name: $0.name, selected: false) },
            outOfScope: reasons.outOfScope.map { SelectOption(code: $0.code, name: $0.name, selected: false) },
            action: "/isf/suspensions/\(w.reference)/step")
    }
}
