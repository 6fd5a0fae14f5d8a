@testable import EduQualityDomain

enum RegisterFixtures {
    static let today = CalendarDay(iso: "2026-12-02")!

    static let vocabulary = RegisterVocabulary(
        organisationRegions: ["T001": "LDN", "T002": "LDN", "T010": "NW"],
        siteOrganisations: ["T001-01": "T001", "T001-02": "T001", "T010-01": "T010"],
        specialties: ["acute-medicine", "general-surgery"],
        professions: ["doctor-foundation", "student-nurse"],
        frameworkVersion: 1, standards: ["1.1", "1.2", "3.1"])

    static func form(organisation: String = "T001", likelihood: String = "4", impact: String = "3",
                     standards: [String] = ["1.2"], sources: [TypedSource] = []) -> NewRegisterEntryForm {
        NewRegisterEntryForm(organisation: organisation, site: nil, specialty: "acute-medicine",
                             professions: ["doctor-foundation"], title: "Supervision out of hours",
                             description: "Foundation doctors report no senior cover at night.",
                             standards: standards, likelihood: likelihood, impact: impact,
                             reviewDue: "2027-01-15", sources: sources)
    }

    static func entry(status: RegisterEntryStatus = .open, likelihood: Int = 4, impact: Int = 3) -> RegisterEntry {
        var (entry, _) = try! form(likelihood: String(likelihood), impact: String(impact))
            .validated(against: vocabulary, today: today)
            .open(reference: "QR-00001", owner: "user-1", on: today, bands: .standard)
        entry.status = status
        return entry
    }
}
