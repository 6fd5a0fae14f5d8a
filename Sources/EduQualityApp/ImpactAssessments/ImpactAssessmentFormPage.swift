import EduQualityDomain
import Fluent
import Vapor

/// The page on which a provider's or commissioner's lead drafts an assessment, or changes a draft:
/// the proposed change, learners per profession and number, each configured section rated on the
/// configured scale with its evidence, mitigations and the overall rating; saved as a draft or
/// submitted. Field names are the domain's (`ratings.CODE`, `evidence.CODE`), so each refusal is
/// shown on its field and linked from the error summary.
struct ImpactAssessmentFormPage: Encodable {
    struct LearnerRow: Encodable { let number: Int; let fields: [FormField] }
    struct SectionFields: Encodable { let code, title: String; let required: Bool; let fields: [FormField] }

    let layout: Layout
    let errors: FormErrors
    let heading, action, back: String
    let details: [FormField]
    let learnersError: String?
    let learnerRows: [LearnerRow]
    let sections: [SectionFields]
    let closing: [FormField]

    static let learnerRowCount = 6

    /// What the form posted, by field name.
    struct Posted: Sendable {
        var values: [String: String] = [:]

        subscript(_ key: String) -> String? { values[key] }

        func form(_ impactForm: ImpactAssessmentForm) -> NewImpactAssessmentForm {
            var ratings: [String: NewImpactAssessmentForm.TypedRating] = [:]
            // Every posted rating is checked, a section no longer on the form included.
            for key in values.keys where key.hasPrefix("ratings.") {
                let code = String(key.dropFirst("ratings.".count))
                if FormProblems.clean(values[key]) != nil { ratings[code] = .init(rating: values[key], evidence: values["evidence.\(code)"]) }
            }
            for section in impactForm.sections where ratings[section.code] == nil && FormProblems.clean(values["evidence.\(section.code)"]) != nil {
                ratings[section.code] = .init(rating: nil, evidence: values["evidence.\(section.code)"])
            }
            return NewImpactAssessmentForm(
                commissioner: values["commissioner"], provider: values["provider"], service: values["service"],
                description: values["description"], proposedStart: values["proposedStart"], proposedEnd: values["proposedEnd"],
                learners: (1...learnerRowCount).map { .init(profession: values["profession-\($0)"], count: values["count-\($0)"]) },
                ratings: ratings, mitigations: values["mitigations"], overallRating: values["overallRating"])
        }

        var submits: Bool { values["action"] == "submit" }

        /// The draft as a posted form, for its edit page.
        init(_ a: ImpactAssessment) {
            values = ["commissioner": a.commissioner, "provider": a.provider, "service": a.service, "description": a.description,
                      "proposedStart": a.proposedStart.iso, "proposedEnd": a.proposedEnd?.iso ?? "",
                      "mitigations": a.mitigations ?? "", "overallRating": a.overallRating ?? ""]
            for (n, row) in a.learners.enumerated() where n < learnerRowCount {
                values["profession-\(n + 1)"] = row.profession
                values["count-\(n + 1)"] = String(row.count)
            }
            for (code, rating) in a.ratings {
                values["ratings.\(code)"] = rating.rating
                values["evidence.\(code)"] = rating.evidence ?? ""
            }
        }

        init(values: [String: String] = [:]) { self.values = values }
    }

    static func build(_ req: Request, posted: Posted, errors: [FieldError], editing: String? = nil) async throws -> ImpactAssessmentFormPage {
        let errors = FormErrors(errors)
        let form = try await ImpactAssessmentFormStore.current(on: req.db)
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all().filter { $0.retiredOn == nil }
        let professions = try await Term.query(on: req.db).filter(\.$vocabulary == Vocabulary.profession.rawValue).sort(\.$name).all()
        func choose(_ field: String) -> [SelectOption] {
            organisations.map { SelectOption(code: $0.code, name: "\($0.name) (\($0.code))", selected: $0.code == posted[field]?.uppercased()) }
        }
        let scale = { (field: String) in form.scale.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == posted[field]) } }
        let lowest = form.scale.first?.name.lowercased() ?? "the lowest"
        let details = [
            FormField("provider", "Provider", kind: .select, hint: "The organisation where the service changes and learners are placed.",
                      errors: errors, options: choose("provider")),
            FormField("commissioner", "Commissioner", kind: .select, errors: errors, options: choose("commissioner")),
            FormField("service", "Service", value: posted["service"], hint: "Such as elective orthopaedics.", errors: errors),
            FormField("description", "The proposed change", kind: .textarea, value: posted["description"], errors: errors),
            FormField("proposedStart", "Proposed start", kind: .date, value: posted["proposedStart"], hint: "As YYYY-MM-DD.",
                      errors: errors, width: "nhsuk-input--width-10"),
            FormField("proposedEnd", "Proposed end (optional)", kind: .date, value: posted["proposedEnd"], hint: "As YYYY-MM-DD; leave empty for a lasting change.",
                      errors: errors, width: "nhsuk-input--width-10"),
        ]
        let rows = (1...learnerRowCount).map { n in
            LearnerRow(number: n, fields: [
                FormField("profession-\(n)", "Profession, row \(n)", kind: .select, errors: errors,
                          options: professions.map { SelectOption(code: $0.code, name: $0.name, selected: $0.code == posted["profession-\(n)"]) }),
                FormField("count-\(n)", "Number of learners, row \(n)", kind: .number, value: posted["count-\(n)"], errors: errors,
                          width: "nhsuk-input--width-5"),
            ])
        }
        let sections = form.sections.map { s in
            SectionFields(code: s.code, title: s.title, required: s.required, fields: [
                FormField("ratings.\(s.code)", "Impact on \(s.title.lowercased())" + (s.required ? "" : " (optional)"), kind: .radios,
                          hint: s.help.isEmpty ? nil : s.help, errors: errors, options: scale("ratings.\(s.code)")),
                FormField("evidence.\(s.code)", "Evidence for \(s.title.lowercased())", kind: .textarea, value: posted["evidence.\(s.code)"],
                          hint: "Needed for any rating above \(lowest).", errors: errors),
            ])
        }
        let closing = [
            FormField("mitigations", "Mitigations (optional)", kind: .textarea, value: posted["mitigations"],
                      hint: "What will be done to protect learners' education and training.", errors: errors),
            FormField("overallRating", "Overall impact", kind: .radios, hint: "Needed before the assessment is submitted.",
                      errors: errors, options: scale("overallRating")),
        ]
        let title = editing.map { "Change draft \($0)" } ?? "New impact assessment"
        return ImpactAssessmentFormPage(
            layout: req.layout(title: title), errors: errors, heading: title,
            action: editing.map { "/quality/impact-assessments/\($0)/edit" } ?? "/quality/impact-assessments/new",
            back: editing.map { "/quality/impact-assessments/\($0)" } ?? "/quality/impact-assessments",
            details: details, learnersError: errors.by["learners"], learnerRows: rows, sections: sections, closing: closing)
    }
}
