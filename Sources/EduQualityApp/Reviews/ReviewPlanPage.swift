import EduQualityDomain
import Fluent
import Vapor

/// Planning a review: its type, the provider and any of its sites, the specialty or programme
/// group, the learners it concerns and the planned date. Only organisations the visitor may plan
/// reviews for are offered.
struct ReviewPlanPage: Encodable {
    let layout: Layout
    let errors: FormErrors
    let fields: [FormField]

    struct Posted: Content {
        var type, organisation, specialty, programmeGroup, plannedOn: String?
        var sites, professions: [String]?

        var form: NewReviewForm {
            NewReviewForm(type: type, organisation: organisation, sites: sites ?? [], specialty: specialty,
                          programmeGroup: programmeGroup, professions: professions ?? [], plannedOn: plannedOn)
        }
    }

    static func build(_ req: Request, posted: Posted, errors: [FieldError]) async throws -> ReviewPlanPage {
        let errors = FormErrors(errors)
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all()
            .filter { $0.retiredOn == nil }
            .filter { Authorization.isAllowed(req.actor, .manageReviews, .review(Location(region: $0.regionCode, organisation: $0.code), panel: [])) }
        let names = Dictionary(organisations.map { ($0.code, $0.name) }) { a, _ in a }
        let sites = try await Site.query(on: req.db).filter(\.$organisationCode ~~ organisations.map(\.code)).sort(\.$name).all()
        let terms = try await Term.query(on: req.db).sort(\.$position).all()
        func vocabulary(_ v: Vocabulary, selected: [String]) -> [SelectOption] {
            terms.filter { $0.vocabulary == v.rawValue }.map { SelectOption(code: $0.code, name: $0.name, selected: selected.contains($0.code)) }
        }
        return ReviewPlanPage(layout: req.layout(title: "Plan a review"), errors: errors, fields: [
            FormField("type", "Type of review", kind: .radios, errors: errors,
                      options: req.reviewSettings.types.all.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == posted.type) }),
            FormField("organisation", "Provider", kind: .select, value: posted.organisation, errors: errors,
                      options: organisations.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == posted.organisation) }),
            FormField("sites", "Sites visited (optional)", kind: .checkboxes, hint: "Only sites of the provider chosen above.", errors: errors,
                      options: sites.map { SelectOption(code: $0.code, name: "\(names[$0.organisationCode] ?? $0.organisationCode): \($0.name)",
                                                        selected: (posted.sites ?? []).contains($0.code)) }),
            FormField("specialty", "Specialty or programme (optional)", kind: .select, value: posted.specialty, errors: errors,
                      options: vocabulary(.specialty, selected: [posted.specialty ?? ""])),
            FormField("programmeGroup", "Specialty or programme group (optional)", value: posted.programmeGroup,
                      hint: "As the published report names it, such as \"Surgery\" or \"Foundation\".", errors: errors),
            FormField("professions", "Learners the review concerns", kind: .checkboxes, hint: "Select all that apply.", errors: errors,
                      options: vocabulary(.profession, selected: posted.professions ?? [])),
            FormField("plannedOn", "Planned date", kind: .date, value: posted.plannedOn, hint: "As YYYY-MM-DD.", errors: errors,
                      width: "nhsuk-input--width-10"),
        ])
    }
}
