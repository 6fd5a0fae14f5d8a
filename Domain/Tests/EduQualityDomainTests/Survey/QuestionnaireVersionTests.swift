import Testing
@testable import EduQualityDomain

@Suite("Questionnaire versions freeze once in use")
struct QuestionnaireVersionTests {
    static let beforeOpening = SurveyFixtures.day("2026-08-15")
    static let duringRound = SurveyFixtures.day("2026-09-10")

    static func revised() -> Questionnaire {
        var file = SurveyFixtures.file()
        file.title = "Test questionnaire, revised"
        return try! file.validated().get()
    }

    @Test("an unused version can be revised, and the revision is audited")
    func revise() throws {
        // setup
        var version = QuestionnaireVersion(SurveyFixtures.questionnaire())
        // MUT
        let event = try version.revise(to: Self.revised())
        // validate
        #expect(version.questionnaire.title == "Test questionnaire, revised")
        #expect(event.action == "questionnaire-version.revise")
        #expect(event.entityID == "test-1")
        #expect(event.before?["title"] == "Test questionnaire")
    }

    @Test("a round that has not opened and has no responses leaves the version editable")
    func notYetInUse() {
        // setup
        var version = QuestionnaireVersion(SurveyFixtures.questionnaire())
        // MUT
        let event = version.freezeIfInUse(by: SurveyFixtures.round(), roundHasResponses: false, today: Self.beforeOpening)
        // validate
        #expect(event == nil)
        #expect(!version.isFrozen)
    }

    @Test("the version freezes when its round opens, once, and then refuses edits")
    func freezesOnOpening() {
        // setup
        var version = QuestionnaireVersion(SurveyFixtures.questionnaire())
        // MUT
        let event = version.freezeIfInUse(by: SurveyFixtures.round(), roundHasResponses: false, today: Self.duringRound)
        let second = version.freezeIfInUse(by: SurveyFixtures.round(), roundHasResponses: false, today: Self.duringRound)
        // validate
        #expect(event == AuditEvent(action: "questionnaire-version.freeze", entityType: "questionnaire-version",
                                    entityID: "test-1", before: ["frozen": "false"],
                                    after: ["frozen": "true", "round": "NETS-2026"]))
        #expect(second == nil)
        #expect(throws: QuestionnaireVersionRefusal.frozen(version: "test-1")) { try version.revise(to: Self.revised()) }
    }

    @Test("responses freeze the version even before the opening day (imported rounds)")
    func freezesOnResponses() {
        // setup
        var version = QuestionnaireVersion(SurveyFixtures.questionnaire())
        // MUT
        _ = version.freezeIfInUse(by: SurveyFixtures.round(), roundHasResponses: true, today: Self.beforeOpening)
        // validate
        #expect(version.isFrozen)
    }

    @Test("a round using another version does not freeze this one")
    func otherVersion() throws {
        // setup
        var version = QuestionnaireVersion(SurveyFixtures.questionnaire())
        let round = try SurveyRound(code: "NETS-2026", opens: SurveyFixtures.day("2026-09-01"),
                                    closes: SurveyFixtures.day("2026-11-30"), questionnaireVersion: "core-2026")
        // MUT
        let event = version.freezeIfInUse(by: round, roundHasResponses: true, today: Self.duringRound)
        // validate
        #expect(event == nil)
    }

    @Test("a revision may not change the version code")
    func codeStays() {
        // setup
        var version = QuestionnaireVersion(SurveyFixtures.questionnaire())
        var file = SurveyFixtures.file()
        file.version = "test-2"
        // MUT / validate
        #expect(throws: QuestionnaireVersionRefusal.versionCodeChanged(from: "test-1", to: "test-2")) {
            try version.revise(to: file.validated().get())
        }
    }
}
