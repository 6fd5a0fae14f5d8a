/// The configurable shape of an impact assessment on educational opportunities
/// (`Seed/reference/impact-assessment-form.json`): the sections to rate and the rating scale. The
/// public form could not be retrieved, so nothing depends on a particular section: an
/// administrator adds one by adding it to the file.
public struct ImpactAssessmentForm: Hashable, Sendable {
    public let scale: [ImpactRatingLevel]
    public let sections: [ImpactSection]

    /// The file's contents, before they are checked.
    public struct Definition: Hashable, Sendable, Codable {
        public var scale: [ImpactRatingLevel]
        public var sections: [ImpactSection]

        public init(scale: [ImpactRatingLevel], sections: [ImpactSection]) {
            self.scale = scale
            self.sections = sections
        }
    }

    /// Checks the definition: a scale of two levels or more and at least one section, every code
    /// a valid reference code unique in its list, every level and section named.
    public init(_ definition: Definition) throws(InvalidForm) {
        var problems = FormProblems()
        if definition.scale.count < 2 { problems.add("scale", "Configure a rating scale of at least two levels.") }
        Self.check(definition.scale.map { ($0.code, $0.name) }, "scale", "rating level", &problems)
        if definition.sections.isEmpty { problems.add("sections", "Configure at least one section.") }
        Self.check(definition.sections.map { ($0.code, $0.title) }, "sections", "section", &problems)
        try problems.check()
        scale = definition.scale
        sections = definition.sections
    }

    public init(scale: [ImpactRatingLevel], sections: [ImpactSection]) throws(InvalidForm) {
        try self.init(Definition(scale: scale, sections: sections))
    }

    private static func check(_ items: [(String, String)], _ field: String, _ noun: String, _ problems: inout FormProblems) {
        for (code, name) in items {
            if let problem = ReferenceCode.problem(with: code) { problems.add(field, "\(code): \(problem)") }
            if name.trimmingWhitespace.isEmpty { problems.add(field, "The \(noun) \(code) has no name.") }
        }
        if Set(items.map(\.0)).count != items.count { problems.add(field, "Each \(noun) code must be unique.") }
    }

    public var definition: Definition { Definition(scale: scale, sections: sections) }

    public func section(_ code: String) -> ImpactSection? { sections.first { $0.code == code } }

    public func level(_ code: String) -> ImpactRatingLevel? { scale.first { $0.code == code } }

    /// The level's place on the scale, 0 for the lowest (least impact).
    public func severity(of code: String) -> Int? { scale.firstIndex { $0.code == code } }

    public var requiredSections: [ImpactSection] { sections.filter(\.required) }

    /// "none, low, medium or high", for messages.
    public var scaleList: String {
        let codes = scale.map(\.code)
        return codes.count < 2 ? codes.joined() : codes.dropLast().joined(separator: ", ") + " or " + codes.last!
    }

    /// The domain reference's seven impacts, rated none / low / medium / high.
    public static let standard = try! ImpactAssessmentForm(
        scale: [ImpactRatingLevel(code: "none", name: "None"), ImpactRatingLevel(code: "low", name: "Low"),
                ImpactRatingLevel(code: "medium", name: "Medium"), ImpactRatingLevel(code: "high", name: "High")],
        sections: [
            ImpactSection(code: "placement-capacity", title: "Placement capacity",
                          help: "How many placements are gained or lost, for which learners, and when."),
            ImpactSection(code: "supervision", title: "Supervision",
                          help: "Whether learners will still have named, available supervisors with time for the role."),
            ImpactSection(code: "curriculum-coverage", title: "Curriculum coverage",
                          help: "Which curriculum outcomes learners can no longer meet here, and where else they can."),
            ImpactSection(code: "learning-opportunities", title: "Range of learning opportunities",
                          help: "The case mix, procedures, clinics and teaching learners will see."),
            ImpactSection(code: "facilities", title: "Facilities",
                          help: "Teaching rooms, library, IT, rest and study space available to learners."),
            ImpactSection(code: "travel", title: "Travel",
                          help: "Changes to where learners work, journey times and costs, and support offered."),
            ImpactSection(code: "wellbeing", title: "Learner wellbeing",
                          help: "Workload, rotas, belonging and the support learners can reach."),
        ])
}

/// One point of the rating scale, lowest impact first.
public struct ImpactRatingLevel: Hashable, Sendable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// One impact the submitter rates, with guidance shown beside it. A section is required unless
/// the file says `"required": false`.
public struct ImpactSection: Hashable, Sendable, Codable {
    public var code: String
    public var title: String
    public var help: String
    public var required: Bool

    public init(code: String, title: String, help: String, required: Bool = true) {
        self.code = code
        self.title = title
        self.help = help
        self.required = required
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        title = try container.decode(String.self, forKey: .title)
        help = try container.decodeIfPresent(String.self, forKey: .help) ?? ""
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? true
    }
}
