import EduQualityDomain
import Vapor

/// One organisation's early-warning page: its sources by quarter as a table and as small
/// multiples, each figure linked to its evidence where the visitor may open it, the breakdowns of
/// concerns by category and speak-up cases by theme (through disclosure control), the signal with
/// its reasons, and what quality leads did with it.
struct EarlyWarningPage: Encodable {
    struct Cell: Encodable { let display: String; let href: String?; let worse: Bool }
    struct Row: Encodable { let source, name: String; let cells: [Cell]; let chart: String; let worse: Bool }
    struct Period: Encodable { let label: String; let rounds: String }
    struct Breakdown: Encodable {
        struct Line: Encodable { let label: String; let cells: [String] }
        let caption: String
        let lines: [Line]
    }
    struct Decision: Encodable { let quarter, kind, reason, by, on: String; let registerEntry: String? }

    let layout: Layout
    let errors: FormErrors
    let code, name, region: String
    let periods: [Period]
    let rows: [Row]
    let breakdowns: [Breakdown]
    let signal: EarlyWarningDTO.Signal
    let decisions: [Decision]
    let mayDismiss, mayOpenEntry: Bool
    let reasonField: [FormField]
    let hidesEmergingConcerns: Bool

    static func build(_ req: Request, _ a: EarlyWarningStore.Assessed, errors: [FieldError] = [], flash: String? = nil) -> EarlyWarningPage {
        let errors = FormErrors(errors)
        let worsening = Dictionary(a.signal.worsening.map { ($0.source, $0) }) { x, _ in x }
        let rows = a.history.series.map { s in
            let worse = worsening[s.source]
            return Row(source: s.source.rawValue, name: s.source.displayName,
                       cells: a.periods.map { p in
                           let value = s.value(at: p)
                           return Cell(display: value?.display ?? "–",
                                       href: value == nil ? nil : EarlyWarningEvidence.link(s.source, a, period: p, req),
                                       worse: worse.map { p >= $0.fromQuarter && p <= $0.toQuarter } ?? false)
                       },
                       chart: EarlyWarningChart.draw(s, periods: a.periods, worsening: worse, organisation: a.name), worse: worse != nil)
        }
        let threshold = req.config.disclosureThreshold
        let breakdowns: [Breakdown] = [(EarlyWarningSource.learnerConcerns, "Learner concerns by category"),
                                       (.speakUpCases, "Speak-up cases by theme (a case may have several)")].compactMap { source, caption in
            guard let table = a.facts.breakdown(of: source, over: a.periods, threshold: threshold) else { return nil }
            return Breakdown(caption: caption, lines: table.rowLabels.enumerated().map { r, label in
                Breakdown.Line(label: ConcernCategory(rawValue: label)?.displayName ?? SpeakUpTheme(rawValue: label)?.displayName ?? label,
                               cells: table.cells[r].map(\.description))
            })
        }
        let mayDismiss = Authorization.isAllowed(req.actor, .dismissSignal, .located(a.location))
        return EarlyWarningPage(
            layout: req.layout(title: "Early warning: \(a.name)", flash: flash), errors: errors, code: a.code, name: a.name, region: a.region,
            periods: a.periods.map { Period(label: $0.description, rounds: (a.rounds[$0] ?? []).joined(separator: ", ")) },
            rows: rows, breakdowns: breakdowns, signal: EarlyWarningDTO.signal(a),
            decisions: a.decisions.map {
                Decision(quarter: $0.quarter, kind: $0.kind == SignalDecisionRecord.Kind.dismissed.rawValue ? "Dismissed" : "Register entry opened",
                         reason: $0.reason, by: $0.byName, on: CalendarDay(iso: $0.decidedOn)?.longDescription ?? $0.decidedOn,
                         registerEntry: $0.registerEntry)
            },
            mayDismiss: mayDismiss && a.signal.raised && a.dismissal == nil,
            mayOpenEntry: a.signal.raised && Authorization.isAllowed(req.actor, .editQualityRegister, .located(a.location)),
            reasonField: [FormField("reason", "Why is the signal dismissed?", kind: .textarea,
                                    hint: "Recorded in the audit log. A later quarter, or another source worsening, raises it again.",
                                    errors: errors)],
            hidesEmergingConcerns: a.history.series(for: .emergingConcerns) == nil)
    }
}

/// Where each figure's evidence is, for a visitor who may open it.
enum EarlyWarningEvidence {
    static func link(_ source: EarlyWarningSource, _ a: EarlyWarningStore.Assessed, period: CalendarQuarter, _ req: Request) -> String? {
        let at = Resource.located(a.location)
        func may(_ action: Action) -> Bool { Authorization.isAllowed(req.actor, action, at) }
        switch source {
        case .surveyRedFlags, .surveyPinkFlags, .surveyGreenFlags:
            guard let round = a.rounds.filter({ $0.key <= period }).max(by: { $0.key < $1.key })?.value.last else { return nil }
            return "/reports?round=\(round)&groupBy=organisation&organisation=\(a.code)"
        case .learnerConcerns:
            return may(.viewConcern) ? "/concerns/queue" : nil
        case .speakUpCases:
            return nil
        case .seriousComments:
            return may(.triageComments) ? "/triage?status=\(CommentTriageOutcome.immediateSeriousRisk.rawValue)&region=\(a.region)" : nil
        case .isfCategory:
            return may(.viewQualityRegister) ? "/isf/subject?kind=organisation&code=\(a.code)" : nil
        case .openRequirements:
            return may(.viewReviews) ? "/quality/requirements?organisation=\(a.code)" : nil
        case .overdueRequirements:
            return may(.viewReviews) ? "/quality/requirements?organisation=\(a.code)&overdue=1" : nil
        case .registerHighAndExtreme:
            return may(.viewQualityRegister) ? "/register?organisation=\(a.code)" : nil
        case .emergingConcerns:
            return "/quality/emerging-concerns"
        case .impactAssessments:
            return may(.viewImpactAssessments) ? "/quality/impact-assessments?provider=\(a.code)" : nil
        }
    }
}
