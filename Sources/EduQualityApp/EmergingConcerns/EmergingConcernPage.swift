import EduQualityDomain
import Fluent
import Vapor

/// One concern's page: what it says, its sharing, its panels with the step forms of each open
/// panel the visitor's signatory takes part in, its links to register entries and ISF decisions,
/// the access log and the history.
struct EmergingConcernPage: Encodable {
    struct HistoryRow: Encodable { let at, actor: String; let lines: [String] }
    struct Link: Encodable { let label: String; let href: String? }
    struct OpenAction: Encodable { let number: Int; let text: String; let overdue: Bool }
    /// The forms of the earliest open panel, for one of its parties. Fields carry the `panel` prefix so
    /// they stay apart from the request form's.
    struct PanelForms: Encodable {
        let reference, status: String
        let mayConvene, mayHold, mayAct, mayFollowUp, mayClose: Bool
        let conveneFields, holdFields, actionFields: [FormField]
        let openActions: [OpenAction]
    }

    let layout: Layout
    let errors: FormErrors
    let concern: EmergingConcernDTO.Concern
    let organisation, type: String
    let panels: [EmergingConcernDTO.Panel]
    let panelForms: [PanelForms]
    let log: [EmergingConcernDTO.LogLine]
    let history: [HistoryRow]
    let mayWork: Bool
    let shareOptions, inviteOptions: [SelectOption]
    let dateField: [FormField]
    let registerEntries, isfDecisions: [Link]
    let mayLink, mayOpenEntry: Bool
    let linkFields: [FormField]
    let isfOptions: [SelectOption]

    /// Panel field names as the domain reports them, and as the page names them.
    static func panelField(_ field: String) -> String {
        field.hasPrefix("action") && field != "action" ? field : "panel" + field.prefix(1).uppercased() + field.dropFirst()
    }

    static func build(_ req: Request, _ found: EmergingConcernStore.Found, errors: [FieldError] = [], posted: [String: String] = [:],
                      flash: String? = nil) async throws -> EmergingConcernPage {
        let errors = FormErrors(errors)
        let names = try await ReportNames.load(req.db, engine: nil)
        let c = found.concern
        let history = try await EmergingConcernStore.history(of: c.reference, on: req.db).map {
            HistoryRow(at: RegisterEntryPage.time($0.at), actor: $0.actor, lines: $0.change.split(separator: "\n").map(String.init))
        }
        let own = req.signatory
        let mayWork = EmergingConcernVisibility.mayWorkOn(req.actor, c, signatories: req.signatories)
        let today = CalendarDay.today()
        let readsRegister = Authorization.isAllowed(req.actor, .viewQualityRegister, .located(c.location))
        let isfRecords = readsRegister
            ? try await ISFDecisionRecord.query(on: req.db).filter(\.$organisationCode == c.about.organisation).sort(\.$sequence).all()
            : []
        let isfByID = Dictionary(isfRecords.compactMap { r in r.id.map { ($0.uuidString, r) } }) { a, _ in a }
        func isfLabel(_ r: ISFDecisionRecord) -> String {
            "ISF \(r.category) for \(r.subjectCode), decided \(CalendarDay(iso: r.decidedOn)?.longDescription ?? r.decidedOn)"
        }
        return EmergingConcernPage(
            layout: req.layout(title: "Emerging concern \(c.reference)", flash: flash), errors: errors,
            concern: EmergingConcernDTO.concern(found), organisation: names.name(c.about.organisation, .organisation),
            type: c.type.displayName, panels: found.panels.map { EmergingConcernDTO.panel($0) },
            // One panel's forms at a time (the earliest still open), so the page's field ids stay unique.
            panelForms: mayWork ? found.panels.filter { p in p.status != .closed && own.map { p.parties.contains($0) } == true }.prefix(1).map {
                forms($0, errors: errors, posted: posted, signatories: req.signatories, today: today)
            } : [],
            log: try await EmergingConcernStore.accessLog(of: found, req).map(EmergingConcernDTO.line), history: history,
            mayWork: mayWork,
            shareOptions: req.signatories.all.filter { !c.parties.contains($0.code) }.map {
                SelectOption(code: $0.code, name: "\($0.name) (\($0.code))", selected: false)
            },
            inviteOptions: c.parties.sorted().filter { $0 != own }.map {
                SelectOption(code: $0, name: req.signatories.named($0).map { "\($0.name) (\($0.code))" } ?? $0, selected: false)
            },
            dateField: [FormField("date", "Date of the panel", kind: .date, hint: "As YYYY-MM-DD.", errors: errors, width: "nhsuk-input--width-10")],
            registerEntries: c.registerEntries.map { Link(label: $0, href: readsRegister ? "/register/\($0)" : nil) },
            isfDecisions: c.isfDecisions.map { id in
                Link(label: isfByID[id].map(isfLabel) ?? "ISF decision \(id.prefix(8))",
                     href: isfByID[id].map { "/isf/subject?kind=\($0.subjectKind)&code=\($0.subjectCode)" })
            },
            mayLink: mayWork && readsRegister,
            mayOpenEntry: mayWork && Authorization.isAllowed(req.actor, .editQualityRegister, .located(c.location)),
            linkFields: [FormField("registerEntry", "Register entry reference", value: posted["registerEntry"],
                                   hint: "Such as QR-00012: an entry about the same organisation.", errors: errors,
                                   width: "nhsuk-input--width-10")],
            isfOptions: isfRecords.filter { r in !c.isfDecisions.contains(r.id?.uuidString ?? "") }.compactMap { r in
                r.id.map { SelectOption(code: $0.uuidString, name: isfLabel(r), selected: false) }
            })
    }

    private static func forms(_ p: RegulatoryReviewPanel, errors: FormErrors, posted: [String: String], signatories: SignatoryList,
                              today: CalendarDay) -> PanelForms {
        func value(_ name: String) -> String? { posted[name] }
        return PanelForms(
            reference: p.reference, status: p.status.displayName,
            mayConvene: p.status.after(.convene) != nil, mayHold: p.status.after(.hold) != nil, mayAct: p.status.isHeld,
            mayFollowUp: p.status.after(.followUp) != nil && !p.actions.isEmpty, mayClose: p.status.after(.close) != nil,
            conveneFields: [FormField("panelDate", "New date (optional)", kind: .date, value: value("panelDate"),
                                      hint: "Leave empty to keep \(p.date.longDescription).", errors: errors, width: "nhsuk-input--width-10")],
            holdFields: [
                FormField("panelAttendees", "Who attended", kind: .textarea, value: value("panelAttendees"),
                          hint: "One a line, as name, organisation code: such as Dr A Patel, GMC.", errors: errors),
                FormField("panelInformation", "Information considered", kind: .textarea, value: value("panelInformation"),
                          hint: "One item a line.", errors: errors),
                FormField("panelDecisions", "Decisions", kind: .textarea, value: value("panelDecisions"), hint: "One a line.", errors: errors),
            ],
            actionFields: [
                FormField("actionOrganisation", "Organisation to act", kind: .select, value: value("actionOrganisation"), errors: errors,
                          options: p.parties.sorted().map { code in
                              SelectOption(code: code, name: signatories.named(code).map { "\($0.name) (\($0.code))" } ?? code,
                                           selected: code == value("actionOrganisation"))
                          }),
                FormField("actionText", "What will be done", kind: .textarea, value: value("actionText"), errors: errors),
                FormField("actionOwner", "Owner", value: value("actionOwner"), hint: "A person or role.", errors: errors),
                FormField("actionDue", "Due date", kind: .date, value: value("actionDue"), hint: "As YYYY-MM-DD.", errors: errors,
                          width: "nhsuk-input--width-10"),
            ],
            openActions: p.actions.filter { $0.status == .open }.map {
                OpenAction(number: $0.number, text: "\($0.organisation): \($0.text)", overdue: $0.isOverdue(on: today))
            })
    }
}
