import EduQualityDomain
import Fluent
import Vapor

/// One register entry: what it is, its sources as they read now, actions, the change form and
/// its history.
struct RegisterEntryPage: Encodable {
    struct Standard: Encodable { let code, text: String; let regulators: [String] }
    struct ActionRow: Encodable {
        let number: Int
        let text, owner, due: String
        let completed: String?
        let overdue: Bool
    }
    struct HistoryRow: Encodable { let at, actor: String; let lines: [String] }
    struct Decision: Encodable { let subject, rating, decidedOn, href: String }

    let layout: Layout
    let errors: FormErrors
    let reference, title, description, organisation, place, professions, status, band, bandCode, risk: String
    let reviewDue, owner, openedOn: String
    let frameworkVersion: Int
    let reviewOverdue: Bool
    let standards: [Standard]
    let sources: [RegisterSources.View]
    let actions: [ActionRow]
    let history: [HistoryRow]
    let decisions: [Decision]
    /// Review requirements that opened or update this entry, overdue ones marked.
    let requirements: [RequirementRows.Row]
    /// Emerging concerns linked to this entry, only those shared with the visitor's signatory.
    let emergingConcerns: [String]
    let mayEdit: Bool
    let changeFields: [FormField]
    let actionFields: [FormField]
    let sourceKinds: [SelectOption]

    static func build(_ req: Request, record: RegisterEntryRecord, entry e: RegisterEntry,
                      errors: [FieldError] = [], posted: [String: String] = [:], flash: String? = nil) async throws -> RegisterEntryPage {
        let errors = FormErrors(errors)
        let bands = req.riskBands
        let today = CalendarDay.today()
        let names = try await ReportNames.load(req.db, engine: nil)
        let owners = try await RegisterOwners.names(on: req.db)
        let framework = try await QualityFrameworkStore.version(e.frameworkVersion, on: req.db)
        let crosswalk = try await CrosswalkStore.load(on: req.db)
        let band = bands.band(for: e.risk)
        let mayEdit = Authorization.isAllowed(req.actor, .editQualityRegister, .located(e.location))
        let eligible = mayEdit ? try await RegisterOwners.eligible(at: e.location, on: req.db) : []
        let scale = RiskScore.scale.map(String.init)
        let history = try await RegisterStore.history(of: record, on: req.db).reversed().map {
            HistoryRow(at: Self.time($0.at), actor: $0.actor, lines: $0.change.split(separator: "\n").map(String.init))
        }
        let decisions = try await ISFStore.decisions(citing: e.reference, visibleTo: req).map {
            Decision(subject: $0.subjectName, rating: $0.decision.rating, decidedOn: $0.decision.decidedOn.longDescription, href: $0.href)
        }
        return RegisterEntryPage(
            layout: req.layout(title: "\(e.reference): \(e.title)", flash: flash), errors: errors,
            reference: e.reference, title: e.title, description: e.description,
            organisation: names.name(e.organisation, .organisation),
            place: [e.site.map { names.name($0, .site) }, e.specialty.map { names.name($0, .specialty) }].compactMap { $0 }.joined(separator: ", "),
            professions: e.professions.map { names.name($0, .profession) }.joined(separator: "; "),
            status: e.status.displayName, band: band.name, bandCode: band.code,
            risk: "\(e.risk.likelihood) × \(e.risk.impact) = \(e.risk.score)",
            reviewDue: e.reviewDue.longDescription, owner: owners[e.owner] ?? "Unknown",
            openedOn: e.openedOn.longDescription, frameworkVersion: e.frameworkVersion,
            reviewOverdue: e.isReviewOverdue(on: today),
            standards: e.standards.map { code in
                Standard(code: code, text: framework?.standard(code)?.text ?? "",
                         regulators: crosswalk.entries(for: code).map { "\($0.schemeName) \($0.code): \($0.text)" })
            },
            sources: try await RegisterSources.views(e.sources, req),
            actions: e.actions.map {
                ActionRow(number: $0.number, text: $0.text, owner: $0.owner, due: $0.due.longDescription,
                          completed: $0.completedOn.map(\.longDescription), overdue: $0.isOverdue(on: today))
            },
            history: Array(history), decisions: decisions,
            requirements: RequirementRows.rows(try await RequirementStore.linked(toRegisterEntry: e.reference, req),
                                               rule: req.reviewSettings.rules.rag, today: today),
            emergingConcerns: try await EmergingConcernStore.visible(req).filter { $0.concern.registerEntries.contains(e.reference) }
                .map(\.concern.reference),
            mayEdit: mayEdit,
            changeFields: [
                FormField("status", "Status", kind: .select, value: posted["status"] ?? e.status.rawValue, errors: errors,
                          options: RegisterEntryStatus.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0.rawValue == (posted["status"] ?? e.status.rawValue)) }),
                FormField("likelihood", "Likelihood", kind: .select, errors: errors,
                          options: scale.enumerated().map { i, v in SelectOption(code: v, name: "\(v) \(RiskScore.likelihoodNames[i])", selected: v == (posted["likelihood"] ?? String(e.risk.likelihood))) }),
                FormField("impact", "Impact", kind: .select, errors: errors,
                          options: scale.enumerated().map { i, v in SelectOption(code: v, name: "\(v) \(RiskScore.impactNames[i])", selected: v == (posted["impact"] ?? String(e.risk.impact))) }),
                FormField("reviewDue", "Review date", kind: .date, value: posted["reviewDue"] ?? e.reviewDue.iso, errors: errors,
                          width: "nhsuk-input--width-10"),
                FormField("owner", "Owner", kind: .select, errors: errors,
                          options: eligible.compactMap { u in u.id.map { SelectOption(code: $0.uuidString, name: u.displayName, selected: $0.uuidString == (posted["owner"] ?? e.owner)) } }),
                FormField("reason", "Reason for the change", kind: .textarea, value: posted["reason"],
                          hint: "Needed when the status or the risk changes; it is kept in the history.", errors: errors),
            ],
            actionFields: [
                FormField("actionText", "Action", value: posted["actionText"], errors: errors),
                FormField("actionOwner", "Owner", value: posted["actionOwner"], hint: "A person or role, such as the director of medical education.", errors: errors),
                FormField("actionDue", "Due date", kind: .date, value: posted["actionDue"], errors: errors, width: "nhsuk-input--width-10"),
            ],
            sourceKinds: RegisterSourceKind.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: false, hint: $0.referenceFormat) })
    }

    static func time(_ date: Date) -> String {
        let day = CalendarDay(date)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.ukTimeZone
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return "\(day.longDescription) \(String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0))"
    }
}
