import EduQualityDomain
import Vapor

/// What a new register entry is opened from, besides its linked sources: a review requirement,
/// an emerging concern or an early-warning signal. Each is looked up as the visitor may see it,
/// when the form is shown and again when it is posted, fixes the entry's organisation, and is
/// linked to the entry once it is opened.
enum RegisterOrigin: Sendable {
    case requirement(RequirementStore.Found)
    case emergingConcern(EmergingConcernStore.Found)
    case signal(EarlyWarningStore.Assessed)

    /// What the form carries (hidden fields, or the query string of the page that links to it).
    struct Carried: Content {
        var requirement, emergingConcern, signal: String?
    }

    /// The origin `carried` names, or nil when it names none. An origin the visitor may not see
    /// answers as elsewhere: 404, or 403 for a role that never could.
    static func find(_ carried: Carried, _ req: Request) async throws -> RegisterOrigin? {
        if let reference = FormProblems.clean(carried.requirement) {
            return .requirement(try await RequirementStore.find(reference, allowing: .manageReviews, req))
        }
        if let reference = FormProblems.clean(carried.emergingConcern) {
            return .emergingConcern(try await EmergingConcernStore.find(reference, allowing: .viewEmergingConcerns, req))
        }
        if let code = FormProblems.clean(carried.signal) {
            let assessed = try await EarlyWarningStore.organisation(code, req)
            guard assessed.signal.raised else { throw AppError.notFound("\(assessed.name) has no early-warning signal this quarter") }
            return .signal(assessed)
        }
        return nil
    }

    var organisation: String {
        switch self {
        case .requirement(let found): found.requirement.organisation
        case .emergingConcern(let found): found.concern.about.organisation
        case .signal(let assessed): assessed.code
        }
    }

    /// What the form page says about it.
    struct View: Encodable { let field, label, reference, href, note: String }

    var view: View {
        switch self {
        case .requirement(let found):
            View(field: "requirement", label: "review requirement", reference: found.requirement.reference,
                 href: "/quality/requirements/\(found.requirement.reference)", note: "the requirement will link to the entry.")
        case .emergingConcern(let found):
            View(field: "emergingConcern", label: "emerging concern", reference: found.concern.reference,
                 href: "/quality/emerging-concerns/\(found.concern.reference)",
                 note: "the concern will link to the entry. The provider's education lead reads the register: do not copy what the concern says or who shared it.")
        case .signal(let assessed):
            View(field: "signal", label: "the early-warning signal of", reference: assessed.code,
                 href: "/quality/early-warning/\(assessed.code)", note: "the signal will show the entry.")
        }
    }

    /// Fills the new form from it, carrying its reference. An emerging concern fills in only its
    /// organisation: what it says is shared intelligence the register's other readers may not see.
    func prefill(_ posted: inout RegisterEntryFormPage.Posted) {
        posted.organisation = organisation
        switch self {
        case .requirement(let found):
            let r = found.requirement
            posted.requirement = r.reference
            posted.title = String(r.text.prefix(120))
            posted.description = "\(r.kind.displayName) \(r.reference) from review \(r.review): \(r.text)"
            posted.standards = r.standards
            posted.professions = found.review.professions
        case .emergingConcern(let found):
            posted.emergingConcern = found.concern.reference
        case .signal(let assessed):
            posted.signal = assessed.code
            let quarter = assessed.signal.quarter?.description ?? ""
            let reasons = assessed.signal.worsening.filter { $0.source != .emergingConcerns }.map(\.reason)
            posted.title = "Early-warning signal for \(quarter)"
            posted.description = "Sources worsening together in \(quarter): " + reasons.joined(separator: "; ") + "."
        }
    }

    /// Links the origin to the entry just opened.
    func link(entry: String, _ req: Request) async throws {
        switch self {
        case .requirement(let found):
            try await RequirementRegisterLink.link(found, entry: entry, req)
        case .emergingConcern(let found):
            try await EmergingConcernIntake.link(found, registerEntry: entry, opened: true, req)
        case .signal(let assessed):
            try await EarlyWarningStore.recordRegisterEntry(entry, from: assessed, req)
        }
    }
}
