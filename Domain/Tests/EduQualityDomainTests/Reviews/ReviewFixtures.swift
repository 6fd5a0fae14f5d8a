@testable import EduQualityDomain

enum ReviewFixtures {
    static let today = CalendarDay(iso: "2026-12-02")!
    static let calendar = WorkingCalendar.englandAndWales
    static let standards: Set<String> = ["1.1", "1.2", "3.1", "5.2"]

    static func review(status: ReviewStatus = .planned, visitedOn: CalendarDay? = nil) -> Review {
        Review(reference: "RV-00012", type: "risk-based", organisation: "T001", region: "LDN", sites: ["T001-S1"],
               specialty: "GEN-SURG", programmeGroup: "Surgery", professions: ["doctors-in-training"],
               plannedOn: CalendarDay(iso: "2026-11-20")!, visitedOn: visitedOn, status: status)
    }

    static func visited(on day: String = "2026-11-20") -> Review {
        review(status: .visited, visitedOn: CalendarDay(iso: day)!)
    }

    static func requirement(_ kind: String = "mandatory", due: String? = nil, on review: Review = visited(),
                            existing: [Requirement] = []) throws -> Requirement {
        try NewRequirementForm(kind: kind, text: "Rotas give protected teaching time.", standards: ["1.1"], owner: "DME", due: due)
            .validated(for: review, existing: existing, standards: standards, rules: .standard, calendar: calendar)
    }

    static let sections: [ReportSection: String?] = Dictionary(uniqueKeysWithValues: ReportSection.allCases.map { ($0, "Text of \($0.rawValue)") })
}
