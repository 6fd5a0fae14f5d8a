/// An impact assessment as typed on the page or posted to the API: the proposed change, the
/// learners it affects, and (optionally, while drafting) its ratings, mitigations and overall
/// rating. Ratings are checked against the configured form; submitting is a separate step that
/// needs every required section rated.
public struct NewImpactAssessmentForm: Hashable, Sendable {
    public var commissioner: String?
    public var provider: String?
    public var service: String?
    public var description: String?
    public var proposedStart: String?
    public var proposedEnd: String?
    public var learners: [TypedLearners]
    /// Section code → rating and evidence.
    public var ratings: [String: TypedRating]
    public var mitigations: String?
    public var overallRating: String?

    public struct TypedLearners: Hashable, Sendable {
        public var profession: String?
        public var count: String?

        public init(profession: String?, count: String?) {
            self.profession = profession
            self.count = count
        }
    }

    public struct TypedRating: Hashable, Sendable {
        public var rating: String?
        public var evidence: String?

        public init(rating: String?, evidence: String? = nil) {
            self.rating = rating
            self.evidence = evidence
        }
    }

    public init(commissioner: String? = nil, provider: String? = nil, service: String? = nil, description: String? = nil,
                proposedStart: String? = nil, proposedEnd: String? = nil, learners: [TypedLearners] = [],
                ratings: [String: TypedRating] = [:], mitigations: String? = nil, overallRating: String? = nil) {
        self.commissioner = commissioner
        self.provider = provider
        self.service = service
        self.description = description
        self.proposedStart = proposedStart
        self.proposedEnd = proposedEnd
        self.learners = learners
        self.ratings = ratings
        self.mitigations = mitigations
        self.overallRating = overallRating
    }

    public static let maxLearners = 100_000

    /// The draft assessment. `regionOf` gives the region of a known organisation code;
    /// `professions` are the known profession codes.
    public func validated(reference: String, form: ImpactAssessmentForm, professions: Set<String>,
                          regionOf: (String) -> String?, by user: String, today: CalendarDay) throws(InvalidForm) -> ImpactAssessment {
        var problems = FormProblems()
        let commissioner = Self.organisation("commissioner", commissioner, regionOf, &problems)
        let provider = Self.organisation("provider", provider, regionOf, &problems)
        let service = problems.text("service", service, maxLength: 200, missing: "Enter the service that is changing.")
        let description = problems.text("description", description, maxLength: ImpactAssessment.maxText,
                                        missing: "Describe the proposed change.")
        let start = problems.day("proposedStart", proposedStart, missing: "Enter the date the change is to start.")
        var end: CalendarDay?
        if FormProblems.clean(proposedEnd) != nil { end = problems.day("proposedEnd", proposedEnd, missing: "") }
        if let start, let end, end < start { problems.add("proposedEnd", "The end date cannot be before the start date (\(start.iso)).") }
        let learners = Self.learners(learners, professions: professions, &problems)
        var rated: [String: SectionRating] = [:]
        for code in ratings.keys.sorted() {
            if let rating = ImpactAssessment.rating(code, ratings[code]!, form: form, &problems) { rated[code] = rating }
        }
        let mitigations = problems.optionalText("mitigations", mitigations, maxLength: ImpactAssessment.maxText)
        let overall = FormProblems.clean(overallRating)
        if let overall, form.level(overall) == nil {
            problems.add("overallRating", "Rate the overall impact \(form.scaleList).")
        }
        try problems.check()
        return ImpactAssessment(reference: reference, region: provider!.region, commissioner: commissioner!.code,
                                commissionerRegion: commissioner!.region, provider: provider!.code, service: service!,
                                description: description!, proposedStart: start!, proposedEnd: end, learners: learners,
                                ratings: rated, mitigations: mitigations, overallRating: overall,
                                createdBy: user, createdOn: today)
    }

    static func organisation(_ field: String, _ text: String?, _ regionOf: (String) -> String?,
                             _ problems: inout FormProblems) -> (code: String, region: String)? {
        guard let code = FormProblems.clean(text)?.uppercased() else {
            problems.add(field, "Enter the \(field)'s organisation code."); return nil
        }
        guard let region = regionOf(code) else { problems.add(field, "\(code) is not a known organisation code."); return nil }
        return (code, region)
    }

    static func learners(_ rows: [TypedLearners], professions: Set<String>, _ problems: inout FormProblems) -> [LearnersAffected] {
        var result: [LearnersAffected] = []
        for row in rows {
            let profession = FormProblems.clean(row.profession)
            let count = FormProblems.clean(row.count)
            if profession == nil, count == nil { continue }
            guard let profession, professions.contains(profession) else {
                problems.add("learners", "\(row.profession.map { "\($0.trimmingWhitespace) is not a known profession" } ?? "Choose the profession") for each row of learners affected.")
                continue
            }
            guard let text = count, let number = Int(text), (0...maxLearners).contains(number) else {
                problems.add("learners", "Enter the number of \(profession) learners affected as a whole number from 0 to \(maxLearners).")
                continue
            }
            if result.contains(where: { $0.profession == profession }) {
                problems.add("learners", "\(profession) is listed twice; give one number per profession.")
                continue
            }
            result.append(LearnersAffected(profession: profession, count: number))
        }
        return result
    }
}
