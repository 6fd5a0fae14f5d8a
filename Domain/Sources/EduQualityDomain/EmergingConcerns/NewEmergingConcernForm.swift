/// An emerging concern as typed on the page or posted to the API. Field names are the API's keys
/// (`about.organisation` is `organisation` here). Nothing is accepted until every field is right.
public struct NewEmergingConcernForm: Hashable, Sendable {
    public var organisation: String?
    public var setting: String?
    public var group: String?
    /// A named individual, allowed only with `personalData` and a `lawfulBasis`.
    public var individual: String?
    public var personalData: Bool
    public var lawfulBasis: String?
    public var type: String?
    public var summary: String?
    public var risk: String?
    public var sources: [String]
    public var shareWith: [String]

    public init(organisation: String? = nil, setting: String? = nil, group: String? = nil, individual: String? = nil,
                personalData: Bool = false, lawfulBasis: String? = nil, type: String? = nil, summary: String? = nil,
                risk: String? = nil, sources: [String] = [], shareWith: [String] = []) {
        self.organisation = organisation
        self.setting = setting
        self.group = group
        self.individual = individual
        self.personalData = personalData
        self.lawfulBasis = lawfulBasis
        self.type = type
        self.summary = summary
        self.risk = risk
        self.sources = sources
        self.shareWith = shareWith
    }

    /// The concern, raised by `raisedBy` (a signatory code) through user `user`. `regionOf` gives
    /// the region of a known organisation code (nil for an unknown one). The raiser is dropped
    /// from `shareWith` (it sees its own concern anyway), so sharing only with oneself is sharing
    /// with nobody.
    public func validated(raisedBy: String, user: String, signatories: SignatoryList, regionOf: (String) -> String?,
                          number: Int, today: CalendarDay) throws(InvalidForm) -> EmergingConcern {
        var problems = FormProblems()
        guard let raiser = signatories.named(raisedBy) else {
            throw InvalidForm(field: "raisedBy", "\(raisedBy) is not a signatory of the Emerging Concerns protocol, so it cannot raise a concern.")
        }
        let organisation = FormProblems.clean(organisation)?.uppercased()
        let region = organisation.flatMap(regionOf)
        if organisation == nil {
            problems.add("organisation", "Enter the code of the organisation the concern is about.")
        } else if region == nil {
            problems.add("organisation", "\(organisation!) is not a known organisation code.")
        }
        let setting = problems.optionalText("setting", setting, maxLength: 200)
        let group = problems.optionalText("group", group, maxLength: 200)
        let name = problems.optionalText("individual", individual, maxLength: 200)
        let basis = problems.optionalText("lawfulBasis", lawfulBasis, maxLength: 500)
        if name != nil, !personalData {
            problems.add("personalData", "A named individual is personal data: mark the concern as holding personal data.")
        }
        if name != nil, basis == nil {
            problems.add("lawfulBasis", "Record the lawful basis for sharing the named individual's personal data.")
        }
        if personalData, name == nil {
            problems.add("individual", "Name the individual, or untick personal data.")
        }
        let type = FormProblems.clean(type).flatMap(EmergingConcernType.init(rawValue:))
        if type == nil {
            problems.add("type", "Choose the type: " + EmergingConcernType.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let summary = problems.text("summary", summary, maxLength: EmergingConcern.maxSummary, missing: "Say what is known.")
        let risk = problems.text("risk", risk, maxLength: EmergingConcern.maxRisk,
                                 missing: "Say what the risk is to people using services, carers, families, learners or professionals.")
        let sources = sources.compactMap(FormProblems.clean)
        if sources.contains(where: { $0.count > EmergingConcern.maxSource }) {
            problems.add("sources", "Keep each source to \(EmergingConcern.maxSource) characters or fewer.")
        }
        let typed = shareWith.compactMap(FormProblems.clean)
        if let unknown = typed.first(where: { !signatories.contains($0) }) {
            problems.add("shareWith", "\(unknown) is not a signatory of the Emerging Concerns protocol.")
        }
        let sharedWith = Set(typed.compactMap { signatories.named($0)?.code }).subtracting([raiser.code])
        if typed.isEmpty {
            problems.add("shareWith", "Choose at least one signatory to share the concern with.")
        } else if sharedWith.isEmpty {
            problems.add("shareWith", "Share the concern with at least one signatory other than \(raiser.code).")
        }
        try problems.check()
        return EmergingConcern(
            reference: EmergingConcern.reference(number: number), raisedBy: raiser.code, raisedByUser: user,
            about: EmergingConcernSubject(organisation: organisation!, setting: setting, group: group,
                                          individual: name.map { NamedIndividual(name: $0, lawfulBasis: basis!) }),
            region: region!, type: type!, summary: summary!, risk: risk!, sources: sources, sharedWith: sharedWith, raisedOn: today)
    }
}
