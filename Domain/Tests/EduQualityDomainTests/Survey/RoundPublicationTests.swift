import Testing
@testable import EduQualityDomain

@Suite("Round publication")
struct RoundPublicationTests {
    static func day(_ text: String) -> CalendarDay { SurveyFixtures.day(text) }
    static let threshold = DisclosureThreshold.standard
    static let code = SurveyFixtures.round().code
    static func history(_ versions: [RoundVersion] = []) -> RoundVersionHistory {
        RoundVersionHistory(round: SurveyFixtures.round(), versions: versions)
    }

    @Test("a round is never published while upcoming or open", arguments: ["2026-08-31", "2026-09-01", "2026-11-30"])
    func refusedBeforeClosing(today: String) {
        var history = Self.history()
        #expect(throws: RoundPublicationRefusal.self) {
            try history.publish(today: Self.day(today), waiting: 50, threshold: Self.threshold)
        }
        #expect(!history.isPublished)
    }

    @Test("publishing a closed round makes version 1 with every response, and an audit event")
    func firstPublication() throws {
        var history = Self.history()
        let (version, event) = try history.publish(today: Self.day("2026-12-02"), waiting: 2, threshold: Self.threshold)
        #expect(version == RoundVersion(number: 1, madeOn: Self.day("2026-12-02"), responses: 2))
        #expect(history.isPublished && history.responses == 2)
        #expect(event == AuditEvent(action: "survey-round.publish", entityType: "survey-round", entityID: "NETS-2026",
                                    after: ["version": "1", "added": "2", "responses": "2"]))
    }

    @Test("re-publication needs something new, and at least threshold responses of it",
          arguments: [(0, RoundPublicationRefusal.nothingNew(code)), (1, .changeTooSmall(code, waiting: 1, threshold: 3)),
                      (2, .changeTooSmall(code, waiting: 2, threshold: 3))])
    func republicationRefused(waiting: Int, refusal: RoundPublicationRefusal) {
        let published = RoundVersion(number: 1, madeOn: Self.day("2026-12-01"), responses: 300)
        var history = Self.history([published])
        #expect(throws: refusal) {
            try history.publish(today: Self.day("2026-12-02"), waiting: waiting, threshold: Self.threshold)
        }
        #expect(history.versions == [published])
    }

    @Test("a re-publication of enough late responses is version 2, audited as such")
    func republication() throws {
        var history = Self.history([RoundVersion(number: 1, madeOn: Self.day("2026-12-01"), responses: 300)])
        let (version, event) = try history.publish(today: Self.day("2026-12-03"), waiting: 3, threshold: Self.threshold)
        #expect(version.number == 2 && version.responses == 3)
        #expect(event.action == "survey-round.republish" && event.after?["responses"] == "303")
        #expect(history.latestPublication == version)
    }

    @Test("a round with no responses is not published")
    func emptyRound() {
        var history = Self.history()
        #expect(throws: RoundPublicationRefusal.noResponses(Self.code)) {
            try history.publish(today: Self.day("2026-12-02"), waiting: 0, threshold: Self.threshold)
        }
    }
}
