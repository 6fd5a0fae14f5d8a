/// What a published version of a report says, frozen when it is published: the public page and
/// API show it as it was, with the requirements' current status looked up live.
public struct ReviewReportSnapshot: Hashable, Sendable, Codable {
    public struct Named: Hashable, Sendable, Codable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    public struct ISFRating: Hashable, Sendable, Codable {
        public var programme: String
        /// "ISF 2 (unchanged)"
        public var rating: String
        public var provisional: Bool
        public init(programme: String, rating: String, provisional: Bool) {
            self.programme = programme
            self.rating = rating
            self.provisional = provisional
        }
    }

    public struct Finding: Hashable, Sendable, Codable {
        public var reference: String
        public var kind: RequirementKind
        public var standards: [String]
        public var text: String
        public var due: CalendarDay?
        public init(reference: String, kind: RequirementKind, standards: [String], text: String, due: CalendarDay?) {
            self.reference = reference
            self.kind = kind
            self.standards = standards
            self.text = text
            self.due = due
        }
    }

    public var reference: String
    public var version: Int
    public var provider: Named
    public var region: Named
    public var type: Named
    public var sites: [Named]
    public var specialty: Named?
    public var programmeGroup: String?
    public var professions: [Named]
    public var reviewedOn: CalendarDay
    public var finalOn: CalendarDay
    public var publishedOn: CalendarDay
    public var sections: [ReportSection: String]
    public var isfRatings: [ISFRating]
    public var findings: [Finding]
    public var grades: [PlacementGrade]
    /// "Review lead: Dr A Example", "Learner representative" — never a learner's name.
    public var panel: [String]
    public var metTotal: Int

    public init(reference: String, version: Int, provider: Named, region: Named, type: Named, sites: [Named],
                specialty: Named?, programmeGroup: String?, professions: [Named], reviewedOn: CalendarDay,
                finalOn: CalendarDay, publishedOn: CalendarDay, sections: [ReportSection: String],
                isfRatings: [ISFRating], findings: [Finding], grades: [PlacementGrade], panel: [String], metTotal: Int) {
        self.reference = reference
        self.version = version
        self.provider = provider
        self.region = region
        self.type = type
        self.sites = sites
        self.specialty = specialty
        self.programmeGroup = programmeGroup
        self.professions = professions
        self.reviewedOn = reviewedOn
        self.finalOn = finalOn
        self.publishedOn = publishedOn
        self.sections = sections
        self.isfRatings = isfRatings
        self.findings = findings
        self.grades = grades
        self.panel = panel
        self.metTotal = metTotal
    }

    /// The immediate mandatory requirements: the report's serious concerns.
    public var seriousConcerns: [Finding] { findings.filter { $0.kind == .immediateMandatory } }
    /// Mandatory requirements and recommendations, the table of the report.
    public var actionable: [Finding] { findings.filter { $0.kind == .mandatory || $0.kind == .recommendation || $0.kind == .immediateMandatory } }
    public var goodPractice: [Finding] { findings.filter { $0.kind == .goodPractice } }
    public var standards: Set<String> { Set(findings.flatMap(\.standards)) }

    /// "Medicine at Example Hospitals NHS Trust": the report's heading.
    public var title: String {
        let subject = specialty?.name ?? programmeGroup
        return "\(type.name): \(subject.map { "\($0), " } ?? "")\(provider.name)"
    }

    /// The words a search looks in.
    public var searchableText: String {
        ([title, provider.name, region.name, type.name, programmeGroup ?? "", specialty?.name ?? ""]
            + sites.map(\.name) + professions.map(\.name) + sections.values + findings.map(\.text)).joined(separator: " ")
    }
}

/// The ISF rating a report gives a programme, and its change since that programme's last report:
/// the movement is against the category the previous report gave (none: the ISF history's own).
public enum ReportISFRating {
    public static func rating(category: Int, provisional: Bool, previousReportCategory: Int?,
                              historyMovement: ISFMovement) -> String {
        let movement: ISFMovement = previousReportCategory.map { ISFMovement(from: $0, to: category) } ?? historyMovement
        return "ISF \(category) (\(movement.description))\(provisional ? ", provisional" : "")"
    }

    /// The category in a rating text such as "ISF 2 (unchanged)".
    public static func category(in rating: String) -> Int? {
        guard rating.hasPrefix("ISF ") else { return nil }
        return Int(rating.dropFirst(4).prefix { $0.isNumber })
    }
}

/// A search of the published reports: words, provider, region, review type, profession, standard
/// and a range of final-report dates. Blank parts match everything.
public struct ReviewReportQuery: Hashable, Sendable {
    public var words: String?
    public var organisation: String?
    public var region: String?
    public var type: String?
    public var profession: String?
    public var standard: String?
    public var from: CalendarDay?
    public var to: CalendarDay?

    public init(words: String? = nil, organisation: String? = nil, region: String? = nil, type: String? = nil,
                profession: String? = nil, standard: String? = nil, from: CalendarDay? = nil, to: CalendarDay? = nil) {
        self.words = FormProblems.clean(words)
        self.organisation = FormProblems.clean(organisation)
        self.region = FormProblems.clean(region)
        self.type = FormProblems.clean(type)
        self.profession = FormProblems.clean(profession)
        self.standard = FormProblems.clean(standard)
        self.from = from
        self.to = to
    }

    public static let maxWords = 200

    public func matches(_ report: ReviewReportSnapshot) -> Bool {
        if let organisation, report.provider.code.caseInsensitiveCompare(organisation) != .orderedSame { return false }
        if let region, report.region.code.caseInsensitiveCompare(region) != .orderedSame { return false }
        if let type, report.type.code != type { return false }
        if let profession, !report.professions.contains(where: { $0.code == profession }) { return false }
        if let standard, !report.standards.contains(standard.uppercased()) { return false }
        if let from, report.finalOn < from { return false }
        if let to, report.finalOn > to { return false }
        if let words {
            let haystack = report.searchableText.lowercased()
            for word in words.lowercased().split(whereSeparator: \.isWhitespace) where !haystack.contains(word) { return false }
        }
        return true
    }

    /// Newest first: by final-report date, then reference.
    public func results(_ reports: [ReviewReportSnapshot]) -> [ReviewReportSnapshot] {
        reports.filter(matches).sorted { ($0.finalOn, $0.reference) > ($1.finalOn, $1.reference) }
    }
}
