@testable import EduQualityDomain

/// Small factories for the self-assessment tests: a framework of two domains and three
/// standards, the 2026-27 window, and assessments at each status.
enum SelfAssessmentFixtures {
    static let year = AssessmentYear(label: "2026-27")!
    static let opens = CalendarDay(iso: "2026-10-01")!
    static let closes = CalendarDay(iso: "2027-01-15")!
    static let during = CalendarDay(iso: "2026-11-02")!
    static let after = CalendarDay(iso: "2027-01-20")!

    static let framework = QualityFramework(version: 2, domains: [
        QualityFrameworkDomain(code: "1", name: "Learning environment and culture", standards: [
            QualityFrameworkStandard(code: "1.1", text: "Safe care"), QualityFrameworkStandard(code: "1.2", text: "Fair treatment"),
        ]),
        QualityFrameworkDomain(code: "2", name: "Educational governance", standards: [QualityFrameworkStandard(code: "2.1", text: "Governance")]),
    ])

    static var window: SelfAssessmentWindow { SelfAssessmentWindow(year: year, opensOn: opens, closesOn: closes, frameworkVersion: 2) }

    static func started(on day: CalendarDay = during) throws -> SelfAssessment {
        try SelfAssessment.start(window: window, organisation: "T001", region: "LDN", framework: framework, today: day).0
    }

    static let complete: [String: TypedSelfRating] = [
        "1.1": TypedSelfRating(rating: "meets", evidence: "Board report", actions: ""),
        "1.2": TypedSelfRating(rating: "partly-meets", evidence: "Survey flags", actions: "Bullying workshop"),
        "2.1": TypedSelfRating(rating: "does-not-meet", evidence: "No quality committee", actions: "Set one up"),
    ]

    /// Every standard rated, not yet submitted.
    static func completeDraft() throws -> SelfAssessment {
        var a = try started()
        _ = try a.save(complete)
        return a
    }

    static func submitted(on day: CalendarDay = during) throws -> SelfAssessment {
        var a = try started()
        _ = try a.save(complete)
        _ = try a.submit(window: window, today: day)
        return a
    }

    static func returned() throws -> SelfAssessment {
        var a = try submitted()
        _ = try a.returnToProvider(reason: "Evidence for 2.1 missing", today: during)
        return a
    }

    static func reviewed() throws -> SelfAssessment {
        var a = try submitted()
        _ = try a.review(allAgreed, complete: true, by: "Rowan", today: during)
        return a
    }

    static let allAgreed: [String: TypedReview] = ["1.1": TypedReview(verdict: "agree"), "1.2": TypedReview(verdict: "agree"),
                                                    "2.1": TypedReview(verdict: "challenge", note: "Committee exists since June")]

    static func at(_ status: SelfAssessmentStatus) throws -> SelfAssessment {
        switch status {
        case .draft: try completeDraft()
        case .submitted: try submitted()
        case .returned: try returned()
        case .reviewed: try reviewed()
        }
    }
}
