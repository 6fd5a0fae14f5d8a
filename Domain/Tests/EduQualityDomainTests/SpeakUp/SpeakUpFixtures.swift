@testable import EduQualityDomain

enum SpeakUpFixtures {
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    static func form() -> SpeakUpCaseForm {
        SpeakUpCaseForm(raisedOn: "2026-04-01", organisation: "RJ1", howRaised: "confidential",
                        workerGroup: "Learners and students", themes: ["patient-safety-quality", "bullying-harassment"],
                        detrimentReported: "no", outcome: "Rota changed.", speakUpAgain: "yes")
    }

    static func speakUpCase(_ id: String, on iso: String = "2026-04-15", organisation: String = "RJ1",
                            howRaised: HowRaised = .open, themes: Set<SpeakUpTheme> = [.patientSafetyQuality],
                            detriment: Bool = false, again: SpeakUpAgain = .yes) -> SpeakUpCase {
        SpeakUpCase(id: id, raisedOn: day(iso), organisation: organisation, howRaised: howRaised,
                    workerGroup: "Learners and students", themes: themes, detrimentReported: detriment,
                    outcome: "OUTCOME TEXT \(id)", speakUpAgain: again)
    }
}
