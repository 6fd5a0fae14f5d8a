/// A review as planned on the page or in the API, every field a string so that a wrong value gets
/// a message on its field. Names are the form's inputs and the API's JSON keys.
public struct NewReviewForm: Hashable, Sendable {
    public var type: String?
    public var organisation: String?
    public var sites: [String]
    public var specialty: String?
    public var programmeGroup: String?
    public var professions: [String]
    public var plannedOn: String?

    public init(type: String? = nil, organisation: String? = nil, sites: [String] = [], specialty: String? = nil,
                programmeGroup: String? = nil, professions: [String] = [], plannedOn: String? = nil) {
        self.type = type
        self.organisation = organisation
        self.sites = sites
        self.specialty = specialty
        self.programmeGroup = programmeGroup
        self.professions = professions
        self.plannedOn = plannedOn
    }

    /// The review, planned: its region is the provider's. Sites must be the provider's own; the
    /// planned date may be up to a year back (a review recorded after the event) and up to two
    /// years ahead.
    public func validated(reference: String, types: ReviewTypes, against vocabulary: RegisterVocabulary,
                          today: CalendarDay) throws(InvalidForm) -> Review {
        var problems = FormProblems()
        let type = FormProblems.clean(type)
        if type == nil || types.named(type!) == nil {
            problems.add("type", "Choose a review type: " + types.all.map(\.code).joined(separator: ", ") + ".")
        }
        let organisation = FormProblems.clean(organisation)?.uppercased()
        let region = organisation.flatMap { vocabulary.organisationRegions[$0] }
        if region == nil { problems.add("organisation", organisation == nil ? "Choose the provider to review." : "There is no organisation \(organisation!).") }
        let siteCodes = NewRegisterEntryForm.distinct(sites.compactMap(FormProblems.clean).map { $0.uppercased() })
        if let organisation, region != nil, let stray = siteCodes.first(where: { vocabulary.siteOrganisations[$0] != organisation }) {
            problems.add("sites", "\(stray) is not a site of \(organisation).")
        }
        let specialty = FormProblems.clean(specialty)
        if let specialty, !vocabulary.specialties.contains(specialty) { problems.add("specialty", "There is no specialty \(specialty).") }
        let group = problems.optionalText("programmeGroup", programmeGroup, maxLength: 200)
        let professions = NewRegisterEntryForm.distinct(professions.compactMap(FormProblems.clean))
        if let unknown = professions.first(where: { !vocabulary.professions.contains($0) }) {
            problems.add("professions", "There is no profession \(unknown): choose from the list.")
        }
        let planned = problems.day("plannedOn", plannedOn, missing: "Enter the date the review is planned for.")
        if let planned, planned < today.adding(days: -366) || planned > today.adding(days: 731) {
            problems.add("plannedOn", "The planned date must be within a year before and two years after today.")
        }
        try problems.check()
        return Review(reference: reference, type: type!, organisation: organisation!, region: region!, sites: siteCodes,
                      specialty: specialty, programmeGroup: group, professions: professions, plannedOn: planned!)
    }
}
