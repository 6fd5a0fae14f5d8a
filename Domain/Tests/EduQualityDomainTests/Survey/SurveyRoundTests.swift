import Testing
@testable import EduQualityDomain

@Suite("Survey rounds")
struct SurveyRoundTests {
    static func day(_ text: String) -> CalendarDay { SurveyFixtures.day(text) }

    @Test("round codes are letters, digits and single hyphens, kept in upper case",
          arguments: [("NETS-2026", "NETS-2026"), ("nets-2026", "NETS-2026"), ("GMC2025", "GMC2025"),
                      ("NETS 2026", nil), ("-NETS", nil), ("NETS-", nil), ("NETS--2026", nil), ("N", nil),
                      ("NETS_2026", nil)] as [(String, String?)])
    func codes(text: String, expected: String?) {
        #expect(SurveyRoundCode(text)?.rawValue == expected)
    }

    @Test("the state follows the calendar: upcoming, open on both end days, then closed",
          arguments: [("2026-08-31", SurveyRoundState.upcoming), ("2026-09-01", .open), ("2026-10-15", .open),
                      ("2026-11-30", .open), ("2026-12-01", .closed)])
    func state(today: String, expected: SurveyRoundState) {
        // MUT / validate
        #expect(SurveyFixtures.round().state(on: Self.day(today)) == expected)
        #expect(SurveyFixtures.round().acceptsSubmissions(on: Self.day(today)) == (expected == .open))
    }

    @Test("the closing day must come after the opening day, and the code must be valid")
    func creationRules() {
        #expect(throws: SurveyRoundRefusal.closesNotAfterOpens(opens: Self.day("2026-09-01"), closes: Self.day("2026-09-01"))) {
            try SurveyRound(code: "NETS-2026", opens: Self.day("2026-09-01"), closes: Self.day("2026-09-01"))
        }
        #expect(throws: SurveyRoundRefusal.invalidCode("NETS 2026")) {
            try SurveyRound(code: "NETS 2026", opens: Self.day("2026-09-01"), closes: Self.day("2026-10-01"))
        }
    }

    @Test("creating a round is an audit event with its dates and questionnaire")
    func creationEvent() {
        #expect(SurveyFixtures.round().creationEvent == AuditEvent(
            action: "survey-round.create", entityType: "survey-round", entityID: "NETS-2026",
            after: ["opens": "2026-09-01", "closes": "2026-11-30", "questionnaire": "test-1"]))
    }

    @Test("a round without a questionnaire accepts nothing even while open")
    func noQuestionnaire() throws {
        let round = try SurveyRound(code: "NETS-2026", opens: Self.day("2026-09-01"), closes: Self.day("2026-11-30"))
        #expect(!round.acceptsSubmissions(on: Self.day("2026-10-01")))
    }

    @Test("an open round may close early or later, but keeps its opening day")
    func rescheduleOpen() throws {
        // setup
        var round = SurveyFixtures.round()
        let today = Self.day("2026-10-10")
        // MUT
        let event = try round.reschedule(opens: round.opens, closes: today, today: today)
        // validate
        #expect(round.closes == today)
        #expect(event.action == "survey-round.reschedule")
        #expect(event.before?["closes"] == "2026-11-30")
        #expect(event.after?["closes"] == "2026-10-10")
        #expect(throws: SurveyRoundRefusal.alreadyOpened(round.code, opened: Self.day("2026-09-01"))) {
            try round.reschedule(opens: Self.day("2026-09-02"), closes: round.closes, today: today)
        }
        #expect(throws: SurveyRoundRefusal.closesInPast(closes: Self.day("2026-10-09"), today: today)) {
            try round.reschedule(opens: round.opens, closes: Self.day("2026-10-09"), today: today)
        }
    }

    @Test("an upcoming round may move, but not into the past; a closed round is history")
    func rescheduleOthers() throws {
        var round = SurveyFixtures.round()
        #expect(throws: SurveyRoundRefusal.opensInPast(opens: Self.day("2026-08-01"), today: Self.day("2026-08-10"))) {
            try round.reschedule(opens: Self.day("2026-08-01"), closes: round.closes, today: Self.day("2026-08-10"))
        }
        _ = try round.reschedule(opens: Self.day("2026-09-15"), closes: Self.day("2026-12-15"), today: Self.day("2026-08-10"))
        #expect(round.opens == Self.day("2026-09-15"))
        #expect(throws: SurveyRoundRefusal.alreadyClosed(round.code, closed: Self.day("2026-12-15"))) {
            try round.reschedule(opens: round.opens, closes: Self.day("2027-01-31"), today: Self.day("2027-01-01"))
        }
    }

    @Test("the questionnaire can be swapped only before opening and before any response")
    func attachQuestionnaire() throws {
        var round = SurveyFixtures.round()
        let event = try round.attachQuestionnaire("test-2", today: Self.day("2026-08-01"), hasResponses: false)
        #expect(round.questionnaireVersion == "test-2")
        #expect(event.before?["questionnaire"] == "test-1")
        #expect(throws: SurveyRoundRefusal.questionnaireInUse(round.code, version: "test-2")) {
            try round.attachQuestionnaire("test-3", today: Self.day("2026-09-02"), hasResponses: false)
        }
        #expect(throws: SurveyRoundRefusal.questionnaireInUse(round.code, version: "test-2")) {
            try round.attachQuestionnaire("test-3", today: Self.day("2026-08-02"), hasResponses: true)
        }
    }

    @Test("a past round created without a questionnaire can still be given one, for imports")
    func attachToPastRound() throws {
        var round = try SurveyRound(code: "NETS-2019", opens: Self.day("2019-09-01"), closes: Self.day("2019-11-30"))
        _ = try round.attachQuestionnaire("core-2019", today: Self.day("2026-08-01"), hasResponses: false)
        #expect(round.questionnaireVersion == "core-2019")
    }

    @Test("opening and closing by the calendar are audited by comparing with the recorded state")
    func stateChanges() {
        let round = SurveyFixtures.round()
        #expect(round.stateChangeEvent(since: .upcoming, on: Self.day("2026-08-31")) == nil)
        #expect(round.stateChangeEvent(since: .upcoming, on: Self.day("2026-09-01"))?.action == "survey-round.open")
        #expect(round.stateChangeEvent(since: .open, on: Self.day("2026-12-01"))?.action == "survey-round.close")
    }
}
