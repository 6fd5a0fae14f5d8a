/// One provider's self-assessment for one year: a rating of every standard of the Quality
/// Framework version its window fixed, with the evidence and the actions, and the regional team's
/// agreement or challenge per standard. Changes go through the methods in
/// `SelfAssessment+Changes.swift`, each checking the status and returning what to write to the
/// assessment's history and the audit log.
public struct SelfAssessment: Hashable, Sendable {
    public let year: AssessmentYear
    public let organisation: String
    public let region: String
    public let frameworkVersion: Int
    /// The standards assessed, in framework order.
    public let standards: [String]
    public var ratings: [String: StandardSelfAssessment]
    public var reviews: [String: StandardReview]
    public var status: SelfAssessmentStatus
    public var startedOn: CalendarDay
    public var submittedOn: CalendarDay?
    /// Judged on the first submission: a resubmission after the team returned it is not late.
    public var submittedLate: Bool
    public var returnReason: String?
    public var reviewedOn: CalendarDay?

    public init(year: AssessmentYear, organisation: String, region: String, frameworkVersion: Int, standards: [String],
                ratings: [String: StandardSelfAssessment] = [:], reviews: [String: StandardReview] = [:],
                status: SelfAssessmentStatus = .draft, startedOn: CalendarDay, submittedOn: CalendarDay? = nil,
                submittedLate: Bool = false, returnReason: String? = nil, reviewedOn: CalendarDay? = nil) {
        self.year = year
        self.organisation = organisation
        self.region = region
        self.frameworkVersion = frameworkVersion
        self.standards = standards
        self.ratings = ratings
        self.reviews = reviews
        self.status = status
        self.startedOn = startedOn
        self.submittedOn = submittedOn
        self.submittedLate = submittedLate
        self.returnReason = returnReason
        self.reviewedOn = reviewedOn
    }

    public var location: Location { Location(region: region, organisation: organisation) }
    public var progress: SelfAssessmentProgress { SelfAssessmentProgress(status) }

    public func rating(_ code: String) -> StandardSelfAssessment { ratings[code] ?? StandardSelfAssessment() }

    /// Standards rated so far.
    public var ratedCount: Int { standards.filter { ratings[$0]?.rating != nil }.count }

    /// How many standards got each rating (only those rated).
    public func ratingCounts(among codes: [String]? = nil) -> [SelfRating: Int] {
        var counts: [SelfRating: Int] = [:]
        for code in codes ?? standards { if let r = ratings[code]?.rating { counts[r, default: 0] += 1 } }
        return counts
    }

    public func verdictCounts(among codes: [String]? = nil) -> [ReviewVerdict: Int] {
        var counts: [ReviewVerdict: Int] = [:]
        for code in codes ?? standards { if let v = reviews[code]?.verdict { counts[v, default: 0] += 1 } }
        return counts
    }

    /// The form's field (and the API's problem field) for `part` of standard `code`:
    /// `rating-1.1`, `evidence-1.1`, `actions-1.1`, `verdict-1.1`, `note-1.1`.
    public static func field(_ part: String, _ code: String) -> String { "\(part)-\(code)" }

    public static let maxEvidence = 5_000
    public static let maxActions = 2_000
    public static let maxNote = 2_000
    public static let maxReason = 2_000

    public var auditFields: [String: String] {
        var fields = [
            "year": year.label, "organisation": organisation, "status": status.rawValue,
            "frameworkVersion": String(frameworkVersion),
            "ratings": standards.compactMap { c in ratings[c]?.rating.map { "\(c)=\($0.rawValue)" } }.joined(separator: ","),
            "reviews": standards.compactMap { c in reviews[c].map { "\(c)=\($0.verdict.rawValue)" } }.joined(separator: ","),
        ]
        if let submittedOn { fields["submittedOn"] = submittedOn.iso; fields["submittedLate"] = submittedLate ? "true" : "false" }
        if let reviewedOn { fields["reviewedOn"] = reviewedOn.iso }
        return fields
    }

    var entityID: String { "\(year.label)/\(organisation)" }
}

/// A standard's rating as typed (the form's radio and text areas, the API's body), unchecked.
public struct TypedSelfRating: Hashable, Sendable {
    public var rating: String?
    public var evidence: String?
    public var actions: String?

    public init(rating: String? = nil, evidence: String? = nil, actions: String? = nil) {
        self.rating = rating
        self.evidence = evidence
        self.actions = actions
    }
}

/// A standard's review as typed, unchecked.
public struct TypedReview: Hashable, Sendable {
    public var verdict: String?
    public var note: String?

    public init(verdict: String? = nil, note: String? = nil) {
        self.verdict = verdict
        self.note = note
    }
}
