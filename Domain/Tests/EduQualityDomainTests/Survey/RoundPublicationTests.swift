import Testing
@testable import EduQualityDomain

@Suite("Round versions and publication")
struct RoundPublicationTests {
    static func day(_ text: String) -> CalendarDay { SurveyFixtures.day(text) }
    static let threshold = DisclosureThreshold.standard
    static func history(_ versions: [RoundVersion] = []) -> RoundVersionHistory {
        RoundVersionHistory(round: SurveyFixtures.round(), versions: versions)
    }

    @Test("a round is never published while upcoming or open", arguments: ["2026-08-31", "2026-09-01", "2026-11-30"])
    func refusedBeforeClosing(today: String) {
        var history = Self.history()
        #expect(throws: RoundPublicationRefusal.self) {
            try history.publish(today: Self.day(today), waiting: 50, admitted: 50, threshold: Self.threshold)
        }
        #expect(!history.isPublished)
        #expect(history.versions.isEmpty)
    }

    @Test("publishing a closed round makes a publication version and an audit event")
    func firstPublication() throws {
        // setup
        var history = Self.history([RoundVersion(number: 1, kind: .interim, madeOn: Self.day("2026-11-20"), responses: 40)])
        // MUT
        let (version, event) = try history.publish(today: Self.day("2026-12-02"), waiting: 12, admitted: 10,
                                                   threshold: Self.threshold)
        // validate
        #expect(version == RoundVersion(number: 2, kind: .publication, madeOn: Self.day("2026-12-02"), responses: 10))
        #expect(history.isPublished)
        #expect(history.responses == 50)
        #expect(event == AuditEvent(action: "survey-round.publish", entityType: "survey-round", entityID: "NETS-2026",
                                    after: ["version": "2", "added": "10", "held-back": "2", "responses": "50"]))
    }

    @Test("a published round is re-published only when something new may join it")
    func republication() throws {
        let published = RoundVersion(number: 1, kind: .publication, madeOn: Self.day("2026-12-01"), responses: 300)
        var history = Self.history([published])
        #expect(throws: RoundPublicationRefusal.nothingNew(SurveyFixtures.round().code)) {
            try history.publish(today: Self.day("2026-12-02"), waiting: 0, admitted: 0, threshold: Self.threshold)
        }
        #expect(throws: RoundPublicationRefusal.changeTooSmall(SurveyFixtures.round().code, waiting: 1, threshold: 3)) {
            try history.publish(today: Self.day("2026-12-02"), waiting: 1, admitted: 0, threshold: Self.threshold)
        }
        #expect(history.versions == [published])
        let (_, event) = try history.publish(today: Self.day("2026-12-03"), waiting: 8, admitted: 8, threshold: Self.threshold)
        #expect(event.action == "survey-round.republish")
        #expect(history.latestPublication?.number == 2)
    }

    @Test("a round with no responses is not published")
    func emptyRound() {
        var history = Self.history()
        #expect(throws: RoundPublicationRefusal.noResponses(SurveyFixtures.round().code)) {
            try history.publish(today: Self.day("2026-12-02"), waiting: 0, admitted: 0, threshold: Self.threshold)
        }
    }

    @Test("interim versions: at most one a day, only while unpublished, only with responses waiting")
    func interimCuts() {
        var history = Self.history()
        #expect(history.cutInterim(today: Self.day("2026-08-31"), waiting: 5, admitted: 5) == nil, "upcoming")
        #expect(history.cutInterim(today: Self.day("2026-09-02"), waiting: 0, admitted: 0) == nil, "nothing waiting")
        #expect(history.cutInterim(today: Self.day("2026-09-02"), waiting: 5, admitted: 5)?.number == 1)
        #expect(history.cutInterim(today: Self.day("2026-09-02"), waiting: 9, admitted: 9) == nil, "one a day")
        #expect(history.cutInterim(today: Self.day("2026-09-03"), waiting: 2, admitted: 0) == nil, "none admitted")
        #expect(history.cutInterim(today: Self.day("2026-09-03"), waiting: 9, admitted: 9)?.number == 2)
        _ = try? history.publish(today: Self.day("2026-12-01"), waiting: 4, admitted: 4, threshold: Self.threshold)
        #expect(history.isPublished)
        #expect(history.cutInterim(today: Self.day("2026-12-05"), waiting: 9, admitted: 9) == nil, "published rounds wait")
    }
}
