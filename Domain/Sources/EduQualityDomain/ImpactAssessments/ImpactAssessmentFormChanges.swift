/// An administrator's changes to the configured form, each checked and audited: a section added
/// (assessments already drafted must rate it before they are submitted, if it is required), a
/// rating level added at the top of the scale, and a level removed only while no assessment uses
/// it, since a rating already given must keep its meaning.
extension ImpactAssessmentForm {
    /// The form with one more section, last.
    public func adding(section code: String?, title: String?, help: String?, required: Bool) throws(InvalidForm) -> (ImpactAssessmentForm, AuditEvent) {
        var problems = FormProblems()
        let code = FormProblems.clean(code)?.lowercased()
        if let code {
            if let problem = ReferenceCode.problem(with: code) { problems.add("sectionCode", "\(code): \(problem)") }
            else if section(code) != nil { problems.add("sectionCode", "The form already has a section \(code).") }
        } else {
            problems.add("sectionCode", "Enter a code for the section, such as digital-access.")
        }
        let title = problems.text("sectionTitle", title, maxLength: 120, missing: "Enter the section's title.")
        let help = problems.optionalText("sectionHelp", help, maxLength: 1_000)
        try problems.check()
        let added = ImpactSection(code: code!, title: title!, help: help ?? "", required: required)
        let form = try ImpactAssessmentForm(scale: scale, sections: sections + [added])
        return (form, AuditEvent(action: "impact-assessment-form.add-section", entityType: "impact-assessment-form", entityID: added.code,
                                 after: ["code": added.code, "title": added.title, "required": String(required)]))
    }

    /// The form with one more rating level, above the highest.
    public func adding(level code: String?, name: String?) throws(InvalidForm) -> (ImpactAssessmentForm, AuditEvent) {
        var problems = FormProblems()
        let code = FormProblems.clean(code)?.lowercased()
        if let code {
            if let problem = ReferenceCode.problem(with: code) { problems.add("levelCode", "\(code): \(problem)") }
            else if level(code) != nil { problems.add("levelCode", "The scale already has a level \(code).") }
        } else {
            problems.add("levelCode", "Enter a code for the rating level, such as severe.")
        }
        let name = problems.text("levelName", name, maxLength: 60, missing: "Enter the rating level's name.")
        try problems.check()
        let added = ImpactRatingLevel(code: code!, name: name!)
        let form = try ImpactAssessmentForm(scale: scale + [added], sections: sections)
        return (form, AuditEvent(action: "impact-assessment-form.add-level", entityType: "impact-assessment-form", entityID: added.code,
                                 after: ["code": added.code, "name": added.name, "position": String(form.scale.count)]))
    }

    /// The form without rating level `code`, refused while any assessment rates a section or its
    /// overall impact with it (`used`), and when the scale would fall below two levels.
    public func removing(level code: String, used: Set<String>) throws(InvalidForm) -> (ImpactAssessmentForm, AuditEvent) {
        guard let removed = level(code) else { throw InvalidForm(field: "level", "The scale has no level \(code).") }
        guard !used.contains(code) else {
            throw InvalidForm(field: "level", "\(removed.name) is used by impact assessments already; a level in use cannot be removed.")
        }
        guard scale.count > 2 else { throw InvalidForm(field: "level", "The scale needs at least two levels; add another before removing \(removed.name).") }
        let form = try ImpactAssessmentForm(scale: scale.filter { $0.code != code }, sections: sections)
        return (form, AuditEvent(action: "impact-assessment-form.remove-level", entityType: "impact-assessment-form", entityID: code,
                                 before: ["code": code, "name": removed.name]))
    }

    /// Every rating level the assessments use, in a section or overall.
    public static func usedLevels(_ assessments: [ImpactAssessment]) -> Set<String> {
        var used = Set<String>()
        for a in assessments {
            used.formUnion(a.ratings.values.map(\.rating))
            if let overall = a.overallRating { used.insert(overall) }
        }
        return used
    }
}

/// Impact assessments narrowed by status, provider and the provider's region.
public struct ImpactAssessmentFilter: Hashable, Sendable {
    public var status: ImpactAssessmentStatus?
    public var provider: String?
    public var region: String?

    public init(status: String? = nil, provider: String? = nil, region: String? = nil) throws(InvalidForm) {
        self.provider = FormProblems.clean(provider)?.uppercased()
        self.region = FormProblems.clean(region)?.uppercased()
        if let text = FormProblems.clean(status) {
            guard let status = ImpactAssessmentStatus(rawValue: text) else {
                throw InvalidForm(field: "status", "status must be one of " + ImpactAssessmentStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.status = status
        }
    }

    public func matches(_ a: ImpactAssessment) -> Bool {
        (status == nil || a.status == status) && (provider == nil || a.provider == provider) && (region == nil || a.region == region)
    }

    public var isActive: Bool { status != nil || provider != nil || region != nil }
}
