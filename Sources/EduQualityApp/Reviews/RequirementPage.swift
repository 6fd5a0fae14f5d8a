import EduQualityDomain
import Fluent
import Vapor

/// One requirement: what the review found, its due date and RAG status with the reason, the
/// provider's updates with their evidence files, the team's decisions; the provider's update form,
/// the team's decision form, and the register entry it opened or updates.
struct RequirementPage: Encodable {
    struct Standard: Encodable { let code, text: String }
    struct FileRow: Encodable { let name, type, size, href: String }
    struct UpdateRow: Encodable { let number: Int; let text, by, on: String; let files: [FileRow] }
    struct DecisionRow: Encodable { let decision, reason, by, on: String }

    let layout: Layout
    let errors: FormErrors
    let row: RequirementRows.Row
    let organisation, owner, raisedOn, reviewType: String
    let standards: [Standard]
    let registerEntry: String?
    let updates: [UpdateRow]
    let decisions: [DecisionRow]
    let mayUpdate, mayDecide, mayLinkRegister: Bool
    let updateFields: [FormField]
    let fileError: String?
    let accepted: String
    let decisionFields: [FormField]
    let registerFields: [FormField]
    let openRegisterHref: String

    static func build(_ req: Request, _ found: RequirementStore.Found, errors: [FieldError] = [], posted: [String: String] = [:],
                      flash: String? = nil) async throws -> RequirementPage {
        let errors = FormErrors(errors)
        let r = found.requirement
        let today = CalendarDay.today()
        let names = try await ReportNames.load(req.db, engine: nil)
        let framework = try await QualityFrameworkStore.current(on: req.db)
        let files = Dictionary(try await EvidenceFiles.forRequirement(found.record, on: req.db).compactMap { f in f.id.map { ($0.uuidString, f) } }) { a, _ in a }
        let resource = ReviewStore.resource(found.review)
        let actor = req.actor
        let mayUpdate = r.status.after(.postUpdate) != nil
            && Authorization.isAllowed(actor, .respondToReview, .located(r.location))
        let mayDecide = r.status.after(.accept) != nil && Authorization.isAllowed(actor, .manageReviews, resource)
        let mayLink = Authorization.isAllowed(actor, .manageReviews, resource)
            && Authorization.isAllowed(actor, .editQualityRegister, .located(r.location))
        func field(_ id: String, _ label: String, kind: FormField.Kind = .text, hint: String? = nil, options: [SelectOption] = []) -> FormField {
            FormField(id, label, kind: kind, value: posted[id], hint: hint, errors: errors, options: options)
        }
        return RequirementPage(
            layout: req.layout(title: "\(r.reference): \(r.kind.displayName.lowercased())", flash: flash), errors: errors,
            row: RequirementRows.rows([r], rule: req.reviewSettings.rules.rag, today: today, names: names)[0],
            organisation: names.name(r.organisation, .organisation), owner: r.owner ?? "Not named",
            raisedOn: r.raisedOn.longDescription,
            reviewType: req.reviewSettings.types.named(found.review.type)?.name ?? found.review.type,
            standards: r.standards.map { Standard(code: $0, text: framework.standard($0)?.text ?? "") },
            registerEntry: r.registerEntry,
            updates: r.updates.map { u in
                UpdateRow(number: u.number, text: u.text, by: u.by, on: u.on.longDescription, files: u.evidence.compactMap { id in
                    files[id].map { f in
                        FileRow(name: f.originalName, type: (EvidenceFileType(rawValue: f.fileType) ?? .pdf).displayName,
                                size: ByteCountFormatter.string(fromByteCount: Int64(f.size), countStyle: .file),
                                href: "/quality/evidence/\(id)")
                    }
                })
            },
            decisions: r.decisions.map {
                DecisionRow(decision: $0.outcome == .accept ? "Accepted: closed" : "Returned for more evidence", reason: $0.reason,
                            by: $0.by, on: $0.on.longDescription)
            },
            mayUpdate: mayUpdate, mayDecide: mayDecide, mayLinkRegister: mayLink,
            updateFields: [field("text", "What has been done", kind: .textarea,
                                 hint: "What has changed for learners since the review, and how you know. Do not name learners.")],
            fileError: errors.by["evidence"],
            accepted: EvidenceFileType.accepted,
            decisionFields: [
                field("decision", "Decision", kind: .radios, options: [
                    SelectOption(code: "accept", name: "Accept the evidence and close the requirement", selected: posted["decision"] == "accept"),
                    SelectOption(code: "return", name: "Return it to the provider for more evidence", selected: posted["decision"] == "return"),
                ]),
                field("reason", "Reason", kind: .textarea, hint: "The provider sees it with the decision."),
            ],
            registerFields: [field("registerEntry", "Register entry reference", hint: "For example, QR-00012.")],
            openRegisterHref: "/register/new?requirement=\(r.reference)")
    }
}
