/// A year's self-assessments over a set of organisations (the nation, or a region): how far each
/// has got, and the ratings of the submitted ones by Quality Framework domain. The national view,
/// its chart and its CSV all read this one summary.
public struct SelfAssessmentSummary: Hashable, Sendable {
    public struct Participant: Hashable, Sendable {
        public let organisation: String
        public let region: String

        public init(organisation: String, region: String) {
            self.organisation = organisation
            self.region = region
        }
    }

    public struct Completion: Hashable, Sendable {
        public var organisations = 0
        public var byProgress: [SelfAssessmentProgress: Int] = [:]
        /// Not submitted once the window closed.
        public var overdue = 0
        public var submittedLate = 0

        public func count(_ progress: SelfAssessmentProgress) -> Int { byProgress[progress] ?? 0 }
        public var submitted: Int { count(.submitted) + count(.reviewed) }
    }

    public struct DomainRatings: Hashable, Sendable {
        public let code: String
        public let name: String
        public var ratings: [SelfRating: Int] = [:]
        public var verdicts: [ReviewVerdict: Int] = [:]

        public func count(_ rating: SelfRating) -> Int { ratings[rating] ?? 0 }
        public func count(_ verdict: ReviewVerdict) -> Int { verdicts[verdict] ?? 0 }
        public var rated: Int { ratings.values.reduce(0, +) }
    }

    public let year: AssessmentYear
    public let completion: Completion
    /// Per region, in region-code order.
    public let regions: [(region: String, completion: Completion)]
    /// Framework domains in order; submitted and reviewed assessments only.
    public let domains: [DomainRatings]

    public init(window: SelfAssessmentWindow, framework: QualityFramework, participants: [Participant],
                assessments: [SelfAssessment], today: CalendarDay) {
        year = window.year
        let byOrganisation = Dictionary(assessments.filter { $0.year == window.year }.map { ($0.organisation, $0) }) { a, _ in a }
        func tally(_ people: [Participant]) -> Completion {
            var c = Completion()
            for p in people {
                let assessment = byOrganisation[p.organisation]
                let progress = SelfAssessmentProgress(assessment?.status)
                c.organisations += 1
                c.byProgress[progress, default: 0] += 1
                if progress.isOverdue(window, on: today) { c.overdue += 1 }
                if assessment?.submittedLate == true { c.submittedLate += 1 }
            }
            return c
        }
        completion = tally(participants)
        regions = Dictionary(grouping: participants, by: \.region).sorted { $0.key < $1.key }.map { ($0.key, tally($0.value)) }
        let codes = Set(participants.map(\.organisation))
        let submitted = byOrganisation.values.filter { codes.contains($0.organisation) && $0.progress.isSubmitted }
        domains = framework.domains.map { d in
            var ratings = DomainRatings(code: d.code, name: d.name)
            let standards = d.standards.map(\.code)
            for a in submitted {
                ratings.ratings.merge(a.ratingCounts(among: standards), uniquingKeysWith: +)
                ratings.verdicts.merge(a.verdictCounts(among: standards), uniquingKeysWith: +)
            }
            return ratings
        }
    }

    public static func == (a: SelfAssessmentSummary, b: SelfAssessmentSummary) -> Bool {
        a.year == b.year && a.completion == b.completion && a.domains == b.domains
            && a.regions.map(\.region) == b.regions.map(\.region) && a.regions.map(\.completion) == b.regions.map(\.completion)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(year)
        hasher.combine(completion)
        hasher.combine(domains)
    }
}
