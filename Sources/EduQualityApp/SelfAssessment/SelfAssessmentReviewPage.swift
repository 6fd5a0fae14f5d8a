import EduQualityDomain
import Fluent
import Vapor

/// The regional team's comparison: per standard, the provider's rating and notes beside the
/// register entries and review requirements tagged with it, with the agree/challenge form; the
/// organisation's survey flags in a section of their own. The requirements column is left out
/// while no standard has any.
struct SelfAssessmentReviewPage: Encodable {
    struct EntryLink: Encodable { let reference, title, detail, href: String }
    struct Requirement: Encodable { let reference, text, status: String; let due: String? }
    struct Standard: Encodable {
        let code, text: String
        let rating, ratingCode: String?
        let evidence, actions: String
        let entries: [EntryLink]
        let requirements: [Requirement]
        let reviewFields: [FormField]
        let verdict, verdictCode, note: String?
    }
    struct DomainSection: Encodable { let code, name: String; let standards: [Standard] }
    struct Flag: Encodable { let indicator, flag, flagCode, figures: String }

    let layout: Layout
    let errors: FormErrors
    let organisation, code, year, status, href: String
    let submittedOn: String?
    let late, mayReview, hasRequirements: Bool
    let surveyRound: String?
    let flags: [Flag]
    let domains: [DomainSection]

    static func build(_ req: Request, _ found: SelfAssessmentStore.Found, errors: [FieldError] = [],
                      posted: [String: String]? = nil) async throws -> SelfAssessmentReviewPage {
        guard let a = found.assessment, a.progress.isSubmitted else {
            throw AppError.notFound("\(found.organisation.name) has not submitted its \(found.window.year.label) self-assessment yet")
        }
        let errors = FormErrors(errors)
        let evidence = try await SelfAssessmentEvidenceGathering.gather(for: a, req)
        let framework = try await SelfAssessmentPage.displayedFramework(found, req)
        let engine = try? req.reportEngine()
        let mayReview = a.status == .submitted
        let domains = framework.domains.map { d in
            DomainSection(code: d.code, name: d.name, standards: d.standards.map { s in
                let entry = a.rating(s.code)
                let review = a.reviews[s.code]
                let verdict = posted?[SelfAssessment.field("verdict", s.code)] ?? review?.verdict.rawValue ?? ""
                var verdictField = FormField(SelfAssessment.field("verdict", s.code), "Your view of the rating of standard \(s.code)", kind: .radios, errors: errors,
                                             options: ReviewVerdict.allCases.map { SelectOption(code: $0.rawValue, name: $0 == .agree ? "Agree" : "Challenge", selected: $0.rawValue == verdict) })
                verdictField.hint = review.map { "Recorded by \($0.by) on \($0.on.longDescription)." }
                return Standard(
                    code: s.code, text: s.text, rating: entry.rating?.displayName, ratingCode: entry.rating?.rawValue,
                    evidence: entry.evidence, actions: entry.actions,
                    entries: evidence.registerEntries(s.code).map {
                        EntryLink(reference: $0.reference, title: $0.title, detail: "\($0.band) \($0.score), \($0.status.displayName.lowercased())",
                                  href: "/register/\($0.reference)")
                    },
                    requirements: evidence.requirements(s.code).map {
                        Requirement(reference: $0.reference, text: $0.text, status: $0.status, due: $0.due?.longDescription)
                    },
                    reviewFields: [verdictField, FormField(SelfAssessment.field("note", s.code), "Note on standard \(s.code)", kind: .textarea,
                                         value: posted?[SelfAssessment.field("note", s.code)] ?? review?.note,
                                         hint: "Needed when you challenge the rating: what the evidence shows instead. The provider sees it.", errors: errors)],
                    verdict: review?.verdict.displayName, verdictCode: review?.verdict.rawValue, note: review?.note)
            })
        }
        let names = try await ReportNames.load(req.db, engine: engine)
        return SelfAssessmentReviewPage(
            layout: req.layout(title: "Review: \(found.organisation.name), self-assessment \(found.window.year.label)"), errors: errors,
            organisation: found.organisation.name, code: found.organisation.code, year: found.window.year.label,
            status: a.progress.displayName, href: "/quality/self-assessment/\(found.window.year.label)/\(found.organisation.code)",
            submittedOn: a.submittedOn?.longDescription, late: a.submittedLate, mayReview: mayReview,
            hasRequirements: evidence.hasRequirements, surveyRound: evidence.surveyRound,
            flags: evidence.surveyFlags.map {
                Flag(indicator: names.indicator($0.indicator), flag: FlagPalette.style($0.flag).label, flagCode: $0.flag.rawValue,
                     figures: [$0.mean.map { "mean \(ReportFormat.score($0))" }, $0.n.map { "n \($0)" }].compactMap { $0 }.joined(separator: ", "))
            },
            domains: domains)
    }
}
