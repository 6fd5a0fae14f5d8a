import EduQualityDomain
import Fluent
import Vapor

/// A review's staff page. The quality team (and the panel) see everything and the forms their
/// roles allow; the provider's education lead sees the review, its requirements and, once it has
/// been sent, the report with its factual-accuracy comments, but not the evidence pack or history.
struct ReviewPage: Encodable {
    struct PanelRow: Encodable { let index: Int; let name, role: String; let hasAccount: Bool; let conflicts: String }
    struct MetRow: Encodable { let profession, level: String; let count: Int }
    struct GradeRow: Encodable { let placement, grade, gradeCode, toMoveUp: String; let actions: [String] }
    struct SectionRow: Encodable { let code, heading, text: String }
    struct CommentRow: Encodable {
        let number: Int
        let section, text, by, on: String
        let outcome, response: String?
        let outcomeOptions: [SelectOption]
        let outcomeError, responseError: String?
    }
    struct VersionRow: Encodable { let number: Int; let publishedOn, note, href: String }
    struct StatusStep: Encodable { let code, name: String; let fields: [FormField] }

    let layout: Layout
    let errors: FormErrors
    /// The form whose problems are shown, drawn open.
    let openForm: String
    let reference, type, organisation, region, sites, specialty, programmeGroup, professions: String
    let plannedOn, visitedOn, status, statusCode: String
    let isTeam, mayManage, mayRecord, mayRespond: Bool
    let next: StatusStep?
    let panel: [PanelRow]
    let panelFields: [FormField]
    let evidence: [RegisterSources.View]
    let evidenceFields: [FormField]
    let met: [MetRow]
    let metTotal: Int
    let metFields: [FormField]
    let grades: [GradeRow]
    let gradeFields: [FormField]
    let mayGrade: Bool
    let requirements: [RequirementRows.Row]
    let requirementFields: [FormField]
    let mayAddRequirement: Bool
    let showReport: Bool
    let reportStage, reportStageCode: String
    let sections: [SectionRow]
    let sectionFields: [FormField]
    let correctionFields: [FormField]
    let mayEditReport: Bool
    let mayCorrect: Bool
    let transitions: [SelectOption]
    let transitionFields: [FormField]
    let commentsDue, sentOn, providerDoneOn, waiver, finalOn: String?
    let comments: [CommentRow]
    let mayComment, mayRecordOutcomes: Bool
    let commentFields: [FormField]
    let versions: [VersionRow]
    let history: [RegisterEntryPage.HistoryRow]

    static func build(_ req: Request, record: ReviewRecord, review r: Review, errors: [FieldError] = [],
                      posted: [String: String] = [:], flash: String? = nil) async throws -> ReviewPage {
        let errors = FormErrors(errors)
        let names = try await ReportNames.load(req.db, engine: try? req.reportEngine())
        let resource = ReviewStore.resource(r)
        let actor = req.actor
        let isTeam = Authorization.isAllowed(actor, .viewReviews, resource)
        let mayManage = Authorization.isAllowed(actor, .manageReviews, resource)
        let mayRecord = Authorization.isAllowed(actor, .recordReviewFindings, resource)
        let mayRespond = Authorization.isAllowed(actor, .respondToReview, .located(r.location))
        let terms = try await Term.query(on: req.db).sort(\.$position).all()
        let professions = terms.filter { $0.vocabulary == Vocabulary.profession.rawValue }
        let framework = try await QualityFrameworkStore.current(on: req.db)
        let today = CalendarDay.today()
        func value(_ key: String, _ fallback: String? = nil) -> String? { posted[key] ?? fallback }
        func field(_ id: String, _ label: String, kind: FormField.Kind = .text, value fallback: String? = nil, hint: String? = nil,
                   options: [SelectOption] = [], width: String = "") -> FormField {
            FormField(id, label, kind: kind, value: value(id, fallback), hint: hint, errors: errors, options: options, width: width)
        }
        func choices(_ pairs: [(String, String)], _ id: String) -> [SelectOption] {
            pairs.map { SelectOption(code: $0.0, name: $0.1, selected: $0.0 == posted[id]) }
        }

        // A review closes once its report is published; until then the step is not offered.
        let next = r.status.next.flatMap { $0 == .closed && r.report.stage != .published ? nil : $0 }.map { step in
            StatusStep(code: step.rawValue, name: step.displayName,
                       fields: step == .visited ? [field("statusOn", "Date of the visit", kind: .date, value: r.plannedOn.iso,
                                                         hint: "As YYYY-MM-DD; findings' due dates count from it.",
                                                         width: "nhsuk-input--width-10")] : [])
        }
        let report = r.report
        let showReport = isTeam || (mayRespond && report.stage != .draft)
        let rows = try await RequirementStore.forReview(record, on: req.db).map(\.1)
        let rule = req.reviewSettings.rules.rag
        let history = isTeam ? try await ReviewStore.history(of: record, on: req.db).reversed().map {
            RegisterEntryPage.HistoryRow(at: RegisterEntryPage.time($0.at), actor: $0.actor,
                                         lines: $0.change.split(separator: "\n").map(String.init))
        } : []
        let editable = report.stage == .draft || report.stage == .factualAccuracy
        let transitions: [(String, String)] = switch report.stage {
        case .draft: [(ReportStage.factualAccuracy.rawValue, "Send to the provider for factual accuracy"),
                      (ReportStage.final.rawValue, "Make final without factual accuracy (needs a waiver)"),
                      (ReportStage.published.rawValue, "Publish without factual accuracy (needs a waiver)")]
        case .factualAccuracy: [(ReportStage.final.rawValue, "Make final"), (ReportStage.published.rawValue, "Make final and publish")]
        case .final: [(ReportStage.published.rawValue, "Publish")]
        case .published: []
        }
        let sectionFields = ReportSection.allCases.map { s in
            field(s.rawValue, s.displayName, kind: .textarea, value: report.text(s), hint: s.isRequired ? nil : "Optional.")
        }
        return ReviewPage(
            layout: req.layout(title: "\(r.reference): review of \(names.name(r.organisation, .organisation))", flash: flash),
            errors: errors,
            openForm: errors.list.first.flatMap { e in ["panel", "evidence", "met", "grade", "requirement", "correction"].first { e.field.hasPrefix($0) } } ?? "",
            reference: r.reference,
            type: req.reviewSettings.types.named(r.type)?.name ?? r.type,
            organisation: names.name(r.organisation, .organisation), region: names.name(r.region, .region),
            sites: r.sites.map { names.name($0, .site) }.joined(separator: "; "),
            specialty: r.specialty.map { names.name($0, .specialty) } ?? "", programmeGroup: r.programmeGroup ?? "",
            professions: r.professions.map { names.name($0, .profession) }.joined(separator: "; "),
            plannedOn: r.plannedOn.longDescription, visitedOn: r.visitedOn?.longDescription ?? "",
            status: r.status.displayName, statusCode: r.status.rawValue,
            isTeam: isTeam, mayManage: mayManage, mayRecord: mayRecord, mayRespond: mayRespond && !isTeam,
            next: mayManage ? next : nil,
            panel: r.panel.enumerated().map { i, m in
                PanelRow(index: i, name: m.name, role: m.role.displayName, hasAccount: m.userID != nil,
                         conflicts: isTeam ? m.conflicts.joined(separator: ", ") : "")
            },
            panelFields: [
                field("panelName", "Name"),
                field("panelRole", "Role on the panel", kind: .select, options: choices(PanelRole.allCases.map { ($0.rawValue, $0.displayName) }, "panelRole")),
                field("panelUserID", "Reviewer account (optional)", kind: .email,
                      hint: "The email of the member's reviewer account, so they can read the review and record findings."),
                field("panelConflicts", "Declared conflicts of interest (optional)",
                      hint: "Codes of organisations the member has a conflict with, separated by commas. A member with a conflict for this provider is refused."),
            ],
            evidence: isTeam ? try await ReviewEvidenceViews.views(r.evidence, req) : [],
            evidenceFields: [
                field("evidenceKind", "Kind of evidence", kind: .select,
                      options: choices(ReviewEvidence.kinds.map { ($0.code, $0.name) }, "evidenceKind")),
                field("evidenceReference", "Reference", hint: ReviewEvidence.kinds.map { "\($0.name): \($0.format)" }.joined(separator: ". ") + "."),
            ],
            met: r.met.map { MetRow(profession: names.name($0.profession, .profession), level: $0.level.displayName, count: $0.count) },
            metTotal: r.met.reduce(0) { $0 + $1.count },
            metFields: [
                field("metProfession", "Profession", kind: .select, options: choices(professions.map { ($0.code, $0.name) }, "metProfession")),
                field("metLevel", "Who", kind: .select, options: choices(MetGroup.Level.allCases.map { ($0.rawValue, $0.displayName) }, "metLevel")),
                field("metCount", "How many", kind: .number, hint: "A count only: never names.", width: "nhsuk-input--width-4"),
            ],
            grades: r.grades.map { g in
                GradeRow(placement: g.placement, grade: g.grade.displayName, gradeCode: g.grade.rawValue, toMoveUp: g.toMoveUp ?? "",
                         actions: g.actions.map { "\($0.action) (\($0.owner), by \($0.due.longDescription))" })
            },
            gradeFields: [
                field("gradePlacement", "Placement or post", hint: "Grading it again replaces its earlier grade."),
                field("gradeGrade", "Grade", kind: .radios, options: choices(PlacementGradeLevel.allCases.map { ($0.rawValue, $0.displayName) }, "gradeGrade")),
                field("gradeToMoveUp", "What is needed to move up one grade", kind: .textarea, hint: "Needed for every grade below excellent."),
                field("gradeAction", "Time-bound action", kind: .textarea, hint: "Needed for requires improvement and inadequate."),
                field("gradeActionOwner", "Owner of the action"),
                field("gradeActionDue", "Action due", kind: .date, hint: "As YYYY-MM-DD.", width: "nhsuk-input--width-10"),
            ],
            mayGrade: mayRecord && r.status.isVisited && r.status != .closed,
            requirements: RequirementRows.rows(rows, rule: rule, today: today),
            requirementFields: [
                field("requirementKind", "Kind", kind: .radios, options: choices(RequirementKind.allCases.map { ($0.rawValue, $0.displayName) }, "requirementKind")),
                field("requirementText", "Requirement", kind: .textarea, hint: "What the provider must do, or what works well."),
                FormField("requirementStandards", "Quality Framework standards (version \(framework.version))", kind: .checkboxes,
                          hint: "Select every standard it meets or falls short of.", errors: errors,
                          options: framework.domains.flatMap { d in d.standards.map {
                              SelectOption(code: $0.code, name: "\($0.code) \($0.text)",
                                           selected: (posted["requirementStandards"] ?? "").split(separator: ",").contains(Substring($0.code)), group: d.name)
                          } }),
                field("requirementOwner", "Owner at the provider (optional)", hint: "A role, such as the director of medical education."),
                field("requirementDue", "Due (optional)", kind: .date,
                      hint: "As YYYY-MM-DD. Left empty: immediate mandatory requirements are due 5 working days after the visit, others by the rule the service sets.",
                      width: "nhsuk-input--width-10"),
            ],
            mayAddRequirement: mayRecord && r.status.isVisited && r.status != .closed,
            showReport: showReport, reportStage: report.stage.displayName, reportStageCode: report.stage.rawValue,
            sections: ReportSection.allCases.map { SectionRow(code: $0.rawValue, heading: $0.displayName, text: report.text($0)) },
            sectionFields: sectionFields,
            correctionFields: sectionFields + [field("correctionNote", "What the correction changes and why", kind: .textarea,
                                                     hint: "Shown with the new version in the report's change history.")],
            mayEditReport: mayManage && editable, mayCorrect: mayManage && report.stage == .published,
            transitions: mayManage && (report.stage == .draft ? r.status == .reportDrafting : report.stage != .published)
                ? choices(transitions, "reportTo") : [],
            transitionFields: [
                field("reportTo", "Next step", kind: .radios, options: choices(transitions, "reportTo")),
                field("reportWaiver", "Waiver (only without factual accuracy)", kind: .textarea,
                      hint: "Why the report goes out without the provider checking it for factual accuracy. It is kept in the history."),
            ],
            commentsDue: report.commentsDue?.longDescription, sentOn: report.sentOn?.longDescription,
            providerDoneOn: report.providerDoneOn?.longDescription, waiver: report.waiver.map { "\($0.reason) (\($0.by), \($0.on.longDescription))" },
            finalOn: report.finalOn?.longDescription,
            comments: report.comments.map { c in
                CommentRow(number: c.number, section: c.section.displayName, text: c.text, by: c.by, on: c.on.longDescription,
                           outcome: c.outcome?.displayName, response: c.response,
                           outcomeOptions: FactualAccuracyComment.Outcome.allCases.map {
                               SelectOption(code: $0.rawValue, name: $0.displayName, selected: posted["outcome-\(c.number)"] == $0.rawValue)
                           },
                           outcomeError: errors.by["outcome-\(c.number)"], responseError: errors.by["response-\(c.number)"])
            },
            mayComment: mayRespond && !isTeam && report.stage == .factualAccuracy && report.providerDoneOn == nil
                && report.commentsDue.map { today <= $0 } ?? false,
            mayRecordOutcomes: mayManage && report.stage == .factualAccuracy,
            commentFields: [
                field("commentSection", "Section", kind: .select, options: choices(ReportSection.allCases.map { ($0.rawValue, $0.displayName) }, "commentSection")),
                field("commentText", "What is factually inaccurate, and why", kind: .textarea),
            ],
            versions: report.versions.map {
                VersionRow(number: $0.number, publishedOn: $0.publishedOn.longDescription, note: $0.note,
                           href: "/reviews/\(r.reference)?version=\($0.number)")
            },
            history: Array(history))
    }
}

/// A review's evidence pack as it reads now: register sources through `RegisterSources` (survey
/// figures through disclosure control), register entries and ISF histories by link.
enum ReviewEvidenceViews {
    static func views(_ items: [ReviewEvidence], _ req: Request) async throws -> [RegisterSources.View] {
        var out: [RegisterSources.View] = []
        for item in items {
            switch item {
            case .registerEntry(let reference):
                let title = try await RegisterEntryRecord.query(on: req.db).filter(\.$reference == reference).first()?.entry?.title
                out.append(.init(kind: item.kind, kindName: "Quality register entry", reference: reference,
                                 summary: "\(reference): \(title ?? "no longer held")", href: "/register/\(reference)"))
            case .isfHistory(let subject):
                let resolved = try await ISFSubjects.resolve(subject, on: req.db)
                out.append(.init(kind: item.kind, kindName: "ISF history", reference: subject.description,
                                 summary: resolved?.name ?? subject.description,
                                 href: ResolvedSubject.href(subject)))
            case .source(let source):
                out += try await RegisterSources.views([source], req)
            }
        }
        return out
    }
}
