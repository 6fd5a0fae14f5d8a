import Testing
@testable import EduQualityDomain

@Suite("A guardian's speak-up case record")
struct SpeakUpCaseFormTests {
    typealias F = SpeakUpFixtures
    static let today = F.day("2026-04-10")

    static func problems(_ form: SpeakUpCaseForm) -> [SpeakUpCaseForm.Field: String] {
        do {
            _ = try form.validated(id: "s1", today: today)
            return [:]
        } catch {
            return Dictionary(uniqueKeysWithValues: error.problems.map { ($0.field, $0.message) })
        }
    }

    @Test("a complete form becomes a case")
    func valid() throws {
        let speakUp = try F.form().validated(id: "s1", today: Self.today)
        #expect(speakUp.raisedOn == F.day("2026-04-01"))
        #expect(speakUp.howRaised == .confidential)
        #expect(speakUp.themes == [.patientSafetyQuality, .bullyingHarassment])
        #expect(!speakUp.detrimentReported)
        #expect(speakUp.speakUpAgain == .yes)
        #expect(speakUp.financialQuarter.label == "2026-27 Q1")
        #expect(!"\(speakUp)".contains("Rota changed"))
    }

    @Test("an empty form names every required field")
    func empty() {
        let problems = Self.problems(SpeakUpCaseForm())
        #expect(Set(problems.keys) == [.raisedOn, .organisation, .howRaised, .workerGroup, .themes, .detrimentReported, .speakUpAgain])
        #expect(problems[.raisedOn] == "Enter the date the concern was raised.")
        #expect(problems[.themes] == "Choose at least one theme.")
        #expect(problems[.detrimentReported] == "Say whether the person reported detriment for speaking up.")
        #expect(problems[.speakUpAgain] == "Choose the answer to \u{201C}would you speak up again?\u{201D}, or \u{201C}not asked\u{201D}.")
    }

    @Test("wrong values get messages on their fields")
    func wrongValues() {
        var form = F.form()
        form.raisedOn = "2026-04-11"
        form.workerGroup = "Astronauts"
        form.themes = ["patient-safety-quality", "parking"]
        form.outcome = String(repeating: "x", count: 4_001)
        form.speakUpAgain = "perhaps"
        let problems = Self.problems(form)
        #expect(problems[.raisedOn] == "The date the concern was raised cannot be in the future.")
        #expect(problems[.workerGroup] == "Choose the worker group from the list.")
        #expect(problems[.themes] == "Choose themes from the list.")
        #expect(problems[.outcome] == "Keep the outcome to 4000 characters or fewer.")
        #expect(problems[.speakUpAgain] != nil)
    }

    @Test("an impossible date is not a real date")
    func impossibleDate() {
        var form = F.form()
        for typed in ["2026-02-30", "30/2/2026", "yesterday"] {
            form.raisedOn = typed
            #expect(Self.problems(form)[.raisedOn] == "The date the concern was raised must be a real date.")
        }
    }

    @Test("the worker groups are configurable")
    func configurableGroups() throws {
        var form = F.form()
        form.workerGroup = "Porters"
        let speakUp = try form.validated(id: "s1", today: Self.today, workerGroups: ["Porters"])
        #expect(speakUp.workerGroup == "Porters")
    }
}
