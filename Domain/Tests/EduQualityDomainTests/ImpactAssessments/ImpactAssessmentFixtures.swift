@testable import EduQualityDomain

enum ImpactAssessmentFixtures {
    static let today = CalendarDay(iso: "2026-12-02")!
    static let form = ImpactAssessmentForm.standard
    static let professions: Set<String> = ["doctor-foundation", "student-nurse", "student-paramedic"]
    static let regions = ["RJ1": "LDN", "ICB-NCL": "LDN", "RM2": "NW"]

    static func allRated(_ rating: String = "low") -> [String: NewImpactAssessmentForm.TypedRating] {
        Dictionary(uniqueKeysWithValues: form.sections.map { ($0.code, .init(rating: rating, evidence: "Evidence for \($0.code)")) })
    }

    static func typed(ratings: [String: NewImpactAssessmentForm.TypedRating] = allRated(), overall: String? = "medium") -> NewImpactAssessmentForm {
        NewImpactAssessmentForm(commissioner: "icb-ncl", provider: "RJ1", service: "Elective orthopaedics",
                                description: "Moving elective orthopaedic surgery to a new hub site.",
                                proposedStart: "2027-04-01", proposedEnd: "2028-03-31",
                                learners: [.init(profession: "doctor-foundation", count: "6"), .init(profession: "student-nurse", count: "12")],
                                ratings: ratings, mitigations: "Shuttle bus between sites.", overallRating: overall)
    }

    static func draft(_ typed: NewImpactAssessmentForm = typed()) throws -> ImpactAssessment {
        try typed.validated(reference: "IA-00001", form: form, professions: professions, regionOf: { regions[$0] },
                            by: "user-provider", today: today)
    }

    /// An assessment brought to `status` through its own methods.
    static func assessment(_ status: ImpactAssessmentStatus) throws -> ImpactAssessment {
        var a = try draft()
        switch status {
        case .draft: break
        case .submitted: _ = try a.submit(form: form, on: today)
        case .underReview:
            _ = try a.submit(form: form, on: today)
            _ = try a.startReview()
        case .decided:
            _ = try a.submit(form: form, on: today)
            _ = try a.startReview()
            _ = try a.decide("supported-with-conditions", conditions: ["Supervisors named at the hub", "Travel costs met"],
                             reason: "Learning continues with mitigation.", by: "user-team", on: today)
        case .withdrawn: _ = try a.withdraw(reason: "Plans changed", on: today)
        }
        return a
    }
}
