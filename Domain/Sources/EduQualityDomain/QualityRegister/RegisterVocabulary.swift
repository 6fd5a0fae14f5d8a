/// What a register entry may name, as the reference data and the current Quality Framework hold
/// it when the entry is validated. The web layer builds it from the database.
public struct RegisterVocabulary: Sendable {
    /// Organisation code → its region code.
    public var organisationRegions: [String: String]
    /// Site code → the organisation it belongs to.
    public var siteOrganisations: [String: String]
    public var specialties: Set<String>
    public var professions: Set<String>
    public var frameworkVersion: Int
    public var standards: Set<String>

    public init(organisationRegions: [String: String], siteOrganisations: [String: String],
                specialties: Set<String>, professions: Set<String>, frameworkVersion: Int, standards: Set<String>) {
        self.organisationRegions = organisationRegions
        self.siteOrganisations = siteOrganisations
        self.specialties = specialties
        self.professions = professions
        self.frameworkVersion = frameworkVersion
        self.standards = standards
    }
}

/// A new register entry as typed on the page or sent to the API, every field a string so that a
/// wrong value gets a message on its field. Field names are the form's input names and the API's
/// JSON keys.
public struct NewRegisterEntryForm: Hashable, Sendable {
    public var organisation: String?
    public var site: String?
    public var specialty: String?
    public var professions: [String]
    public var title: String?
    public var description: String?
    public var standards: [String]
    public var likelihood: String?
    public var impact: String?
    public var reviewDue: String?
    public var sources: [TypedSource]

    public static let maxTitle = 200
    public static let maxDescription = 10_000
    public static let maxSources = 50

    public init(organisation: String? = nil, site: String? = nil, specialty: String? = nil,
                professions: [String] = [], title: String? = nil, description: String? = nil,
                standards: [String] = [], likelihood: String? = nil, impact: String? = nil,
                reviewDue: String? = nil, sources: [TypedSource] = []) {
        self.organisation = organisation
        self.site = site
        self.specialty = specialty
        self.professions = professions
        self.title = title
        self.description = description
        self.standards = standards
        self.likelihood = likelihood
        self.impact = impact
        self.reviewDue = reviewDue
        self.sources = sources
    }

    /// A valid entry (not yet numbered or owned), or every field's problem.
    public func validated(against vocabulary: RegisterVocabulary, today: CalendarDay) throws(InvalidForm) -> RegisterEntryDraft {
        var problems = FormProblems()
        let organisationCode = FormProblems.clean(organisation)
        let region = organisationCode.flatMap { vocabulary.organisationRegions[$0] }
        if organisationCode == nil {
            problems.add("organisation", "Choose the organisation the concern is about.")
        } else if region == nil {
            problems.add("organisation", "There is no organisation \(organisationCode!): choose one from the list.")
        }
        let siteCode = FormProblems.clean(site)
        if let siteCode {
            if vocabulary.siteOrganisations[siteCode] == nil {
                problems.add("site", "There is no site \(siteCode): choose one from the list, or none.")
            } else if let organisationCode, vocabulary.siteOrganisations[siteCode] != organisationCode {
                problems.add("site", "Site \(siteCode) does not belong to organisation \(organisationCode).")
            }
        }
        let specialtyCode = FormProblems.clean(specialty)
        if let specialtyCode, !vocabulary.specialties.contains(specialtyCode) {
            problems.add("specialty", "There is no specialty or programme \(specialtyCode): choose one from the list, or none.")
        }
        let professionCodes = Self.distinct(professions)
        if let unknown = professionCodes.first(where: { !vocabulary.professions.contains($0) }) {
            problems.add("professions", "There is no profession \(unknown): choose from the list.")
        }
        let titleText = problems.text("title", title, maxLength: Self.maxTitle, missing: "Give the entry a short title.")
        let descriptionText = problems.text("description", description, maxLength: Self.maxDescription,
                                            missing: "Describe the concern about the learning environment.")
        let standardCodes = Self.distinct(standards)
        if standardCodes.isEmpty {
            problems.add("standards", "Choose at least one Quality Framework standard the concern touches.")
        } else if let unknown = standardCodes.first(where: { !vocabulary.standards.contains($0) }) {
            problems.add("standards", "There is no standard \(unknown) in version \(vocabulary.frameworkVersion) of the Quality Framework.")
        }
        let l = Self.scalePoint("likelihood", likelihood, &problems)
        let i = Self.scalePoint("impact", impact, &problems)
        let review = problems.day("reviewDue", reviewDue, missing: "Enter the date the entry is next reviewed.")
        if let review, review < today {
            problems.add("reviewDue", "The review date must be today or later.")
        }
        var parsed: [RegisterSource] = []
        if sources.count > Self.maxSources {
            problems.add("sources", "Link at most \(Self.maxSources) sources to one entry.")
        }
        for source in sources.prefix(Self.maxSources) {
            guard let kind = RegisterSourceKind(rawValue: source.kind.trimmingWhitespace) else {
                problems.add("sources", "A source's kind must be one of \(RegisterSourceKind.allCases.map(\.rawValue).joined(separator: ", "))."); continue
            }
            do { parsed.append(try RegisterSource(kind: kind, reference: source.reference)) } catch {
                problems.add("sources", error.description)
            }
        }
        try problems.check()
        return RegisterEntryDraft(
            region: region!, organisation: organisationCode!, site: siteCode, specialty: specialtyCode,
            professions: professionCodes, title: titleText!, description: descriptionText!,
            standards: standardCodes, frameworkVersion: vocabulary.frameworkVersion,
            risk: RiskScore(likelihood: l!, impact: i!)!, reviewDue: review!,
            sources: Array(Set(parsed)).sorted { $0.reference < $1.reference })
    }

    /// A 1–5 point of the risk matrix's scale.
    static func scalePoint(_ field: String, _ value: String?, _ problems: inout FormProblems) -> Int? {
        let name = field == "likelihood" ? "likelihood" : "impact"
        guard let text = FormProblems.clean(value) else { problems.add(field, "Choose the \(name), from 1 to 5."); return nil }
        guard let n = Int(text), RiskScore.scale.contains(n) else {
            problems.add(field, "The \(name) must be a whole number from 1 to 5."); return nil
        }
        return n
    }

    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.compactMap(FormProblems.clean).filter { seen.insert($0).inserted }
    }
}

/// A validated new entry, waiting for its reference and owner.
public struct RegisterEntryDraft: Hashable, Sendable {
    public let region: String
    public let organisation: String
    public let site: String?
    public let specialty: String?
    public let professions: [String]
    public let title: String
    public let description: String
    public let standards: [String]
    public let frameworkVersion: Int
    public let risk: RiskScore
    public let reviewDue: CalendarDay
    public let sources: [RegisterSource]

    /// The entry, opened by `owner` on `day`, and its first history line.
    public func open(reference: String, owner: String, on day: CalendarDay, bands: RiskBands) -> (RegisterEntry, RegisterChange) {
        let entry = RegisterEntry(
            reference: reference, region: region, organisation: organisation, site: site, specialty: specialty,
            professions: professions, title: title, description: description, standards: standards,
            frameworkVersion: frameworkVersion, risk: risk, owner: owner, reviewDue: reviewDue,
            sources: sources, openedOn: day)
        let band = bands.band(for: risk)
        let audit = AuditEvent(action: "register-entry.open", entityType: "register-entry", entityID: reference,
                               after: entry.auditFields(bands: bands))
        return (entry, RegisterChange(lines: ["Opened with risk \(risk.likelihood) × \(risk.impact) = \(risk.score) (\(band.name.lowercased()))"],
                                      audit: audit))
    }
}

/// A source as typed: its kind and reference, both unchecked.
public struct TypedSource: Hashable, Sendable {
    public var kind: String
    public var reference: String

    public init(kind: String, reference: String) {
        self.kind = kind
        self.reference = reference
    }
}
