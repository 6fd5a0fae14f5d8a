import EduQualityDomain
import Fluent
import Vapor

/// The "open a register entry" page: every field of `NewRegisterEntryForm`, with the source the
/// entry was opened from (a flag cell, a concern) carried along and shown.
struct RegisterEntryFormPage: Encodable {
    let layout: Layout
    let errors: FormErrors
    let fields: [FormField]
    let sourceKinds: [SelectOption]
    let linked: [RegisterSources.View]
    let hasLinked: Bool
    let linkedKinds: [String]
    let linkedReferences: [String]
    let typedSourceReference: String
    let sourcesError: String?
    let origin: RegisterOrigin.View?

    /// The form as posted (and as the page's query string prefills it).
    struct Posted: Content {
        var organisation, site, specialty, title, description, likelihood, impact, reviewDue: String?
        var professions: [String]?
        var standards: [String]?
        /// Sources carried from where the entry was opened, and one typed on the page.
        var sourceKind: [String]?
        var sourceReference: [String]?
        var newSourceKind: String?
        var newSourceReference: String?
        /// What the entry is opened from (`RegisterOrigin`), linked to it once opened.
        var requirement, emergingConcern, signal: String?

        var carried: RegisterOrigin.Carried {
            RegisterOrigin.Carried(requirement: requirement, emergingConcern: emergingConcern, signal: signal)
        }

        var form: NewRegisterEntryForm {
            var sources = zip(sourceKind ?? [], sourceReference ?? []).map { TypedSource(kind: $0, reference: $1) }
            if let reference = FormProblems.clean(newSourceReference) {
                sources.append(TypedSource(kind: newSourceKind ?? "", reference: reference))
            }
            return NewRegisterEntryForm(organisation: organisation, site: site, specialty: specialty,
                                        professions: professions ?? [], title: title, description: description,
                                        standards: standards ?? [], likelihood: likelihood, impact: impact,
                                        reviewDue: reviewDue, sources: sources)
        }
    }

    static func build(_ req: Request, posted: Posted, origin: RegisterOrigin?, errors: [FieldError]) async throws -> RegisterEntryFormPage {
        let errors = FormErrors(errors)
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all()
            .filter { $0.retiredOn == nil || $0.code == posted.organisation }
            .filter { Authorization.isAllowed(req.actor, .editQualityRegister, .located(Location(region: $0.regionCode, organisation: $0.code))) }
        let names = Dictionary(organisations.map { ($0.code, $0.name) }) { a, _ in a }
        let sites = try await Site.query(on: req.db).filter(\.$organisationCode ~~ organisations.map(\.code)).sort(\.$name).all()
        let terms = try await Term.query(on: req.db).sort(\.$position).all()
        let framework = try await QualityFrameworkStore.current(on: req.db)
        func vocabulary(_ v: Vocabulary, selected: [String]) -> [SelectOption] {
            terms.filter { $0.vocabulary == v.rawValue }.map { SelectOption(code: $0.code, name: $0.name, selected: selected.contains($0.code)) }
        }
        let scale = RiskScore.scale.map(String.init)
        let fields = [
            FormField("organisation", "Organisation", kind: .select, value: posted.organisation, errors: errors,
                      options: organisations.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == posted.organisation) }),
            FormField("site", "Site (optional)", kind: .select, value: posted.site,
                      hint: "Only a site of the organisation chosen above.", errors: errors,
                      options: sites.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == posted.site,
                                                        group: names[$0.organisationCode]) }),
            FormField("specialty", "Specialty or programme (optional)", kind: .select, value: posted.specialty, errors: errors,
                      options: vocabulary(.specialty, selected: [posted.specialty ?? ""])),
            FormField("professions", "Learners affected", kind: .checkboxes, hint: "Select all that apply.", errors: errors,
                      options: vocabulary(.profession, selected: posted.professions ?? [])),
            FormField("title", "Title", value: posted.title, hint: "A short summary, such as \"No senior cover for foundation doctors at night\".",
                      errors: errors),
            FormField("description", "Description", kind: .textarea, value: posted.description,
                      hint: "What is known, from which sources, and why it matters for learners. Do not name learners.", errors: errors),
            FormField("standards", "Quality Framework standards (version \(framework.version))", kind: .checkboxes,
                      hint: "Select every standard the concern touches.", errors: errors,
                      options: framework.domains.flatMap { d in d.standards.map {
                          SelectOption(code: $0.code, name: "\($0.code) \($0.text)", selected: (posted.standards ?? []).contains($0.code), group: d.name)
                      } }),
            FormField("likelihood", "Likelihood", kind: .radios, errors: errors,
                      options: scale.enumerated().map { i, v in SelectOption(code: v, name: "\(v) \(RiskScore.likelihoodNames[i])", selected: v == posted.likelihood) }),
            FormField("impact", "Impact", kind: .radios, errors: errors,
                      options: scale.enumerated().map { i, v in SelectOption(code: v, name: "\(v) \(RiskScore.impactNames[i])", selected: v == posted.impact) }),
            FormField("reviewDue", "Review date", kind: .date, value: posted.reviewDue ?? CalendarDay.today().adding(days: 28).iso,
                      hint: "When the entry is next reviewed, as YYYY-MM-DD.", errors: errors, width: "nhsuk-input--width-10"),
        ]
        let carried = zip(posted.sourceKind ?? [], posted.sourceReference ?? []).compactMap { kind, reference in
            RegisterSourceKind(rawValue: kind).flatMap { try? RegisterSource(kind: $0, reference: reference) }
        }
        return RegisterEntryFormPage(
            layout: req.layout(title: "Open a register entry"), errors: errors, fields: fields,
            sourceKinds: RegisterSourceKind.allCases.map { SelectOption(code: $0.rawValue, name: $0.displayName, selected: $0.rawValue == posted.newSourceKind, hint: $0.referenceFormat) },
            linked: try await RegisterSources.views(carried, req), hasLinked: !carried.isEmpty,
            linkedKinds: carried.map(\.kind.rawValue), linkedReferences: carried.map(\.reference),
            typedSourceReference: posted.newSourceReference ?? "", sourcesError: errors.by["sources"],
            origin: origin?.view)
    }

    /// A new form prefilled from where it was opened: `?requirement=…`, `?emergingConcern=…` or
    /// `?signal=…` (a `RegisterOrigin`), or `?sourceKind=…&sourceReference=…` (a flag cell names its
    /// organisation or site, a concern its placement) and `organisation`, `site`.
    static func prefilled(_ req: Request, origin: RegisterOrigin?) async throws -> Posted {
        var posted = Posted()
        posted.organisation = req.query[String.self, at: "organisation"]
        posted.site = req.query[String.self, at: "site"]
        if let origin {
            origin.prefill(&posted)
            return posted
        }
        guard let kindText = req.query[String.self, at: "sourceKind"], let kind = RegisterSourceKind(rawValue: kindText),
              let reference = req.query[String.self, at: "sourceReference"],
              let source = try? RegisterSource(kind: kind, reference: reference),
              try await RegisterSources.exists(source, req) else { return posted }
        posted.sourceKind = [kind.rawValue]
        posted.sourceReference = [source.reference]
        switch source {
        case .surveyFlag(_, .organisation, let code, _): posted.organisation = code
        case .surveyFlag(_, .site, let code, _):
            posted.site = code
            posted.organisation = try await Site.query(on: req.db).filter(\.$code == code).first()?.organisationCode
        case .concern(let reference):
            if let record = try await ConcernRecord.query(on: req.db).filter(\.$reference == reference.value).first() {
                posted.organisation = record.organisation
                posted.site = record.site
            }
        case .impactAssessment(let reference):
            posted.organisation = try await ImpactAssessmentStore.find(reference, req).assessment.provider
        default:
            posted.organisation = posted.organisation ?? source.organisation
        }
        return posted
    }
}
