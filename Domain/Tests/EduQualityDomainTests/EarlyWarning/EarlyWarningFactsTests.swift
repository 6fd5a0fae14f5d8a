import Testing
@testable import EduQualityDomain

@Suite("Early warning: from dated facts to a history by quarter")
struct EarlyWarningFactsTests {
    private func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
    private let q = EarlyWarningFixtures.q
    private let threshold = DisclosureThreshold.standard
    private var periods: [CalendarQuarter] { CalendarQuarter.range(q("2026-Q1"), through: q("2026-Q4")) }

    private func values(_ history: EarlyWarningHistory, _ source: EarlyWarningSource) -> [String] {
        periods.map { history.series(for: source)?.value(at: $0)?.display ?? "-" }
    }

    @Test("the periods are the eight quarters ending with today's")
    func periodsEndToday() {
        let periods = EarlyWarningFacts.periods(endingOn: day("2026-12-03"))
        #expect(periods.count == 8 && periods.first == q("2025-Q1") && periods.last == q("2026-Q4"))
    }

    @Test("events count in their quarter, zero where none; counts of people under the threshold are suppressed")
    func events() {
        let facts = EarlyWarningFacts(organisation: "T001", events: [
            .impactAssessments: [day("2026-02-01"), day("2026-08-01")],
            .learnerConcerns: [day("2026-01-05"), day("2026-04-01"), day("2026-04-02"), day("2026-05-03"),
                               day("2026-07-01"), day("2026-07-02"), day("2026-07-03"), day("2026-07-04")],
        ])
        let history = facts.history(over: periods, today: day("2026-12-03"), threshold: threshold)
        #expect(values(history, .impactAssessments) == ["1", "0", "1", "0"])
        #expect(values(history, .learnerConcerns) == ["suppressed", "3", "4", "0"])
        #expect(history.series(for: .speakUpCases) == nil, "a source with no facts at all has no series")
    }

    @Test("spans count at each quarter's end while open; the current quarter as at today")
    func spans() {
        let facts = EarlyWarningFacts(organisation: "T001", spans: [.openRequirements: [
            .init(from: day("2026-01-10"), until: day("2026-05-01")),
            .init(from: day("2026-03-31")),
            .init(from: day("2026-06-30"), until: day("2026-06-30")),
            .init(from: day("2026-12-01")),
            .init(from: day("2026-12-20")),
        ]])
        let history = facts.history(over: periods, today: day("2026-12-03"), threshold: threshold)
        #expect(values(history, .openRequirements) == ["2", "1", "1", "2"])
    }

    @Test("a level holds until the next; before the first there is no figure")
    func levels() {
        let facts = EarlyWarningFacts(organisation: "T001", levels: [.isfCategory: [
            .init(on: day("2026-05-01"), level: 2), .init(on: day("2026-09-30"), level: 3),
        ]])
        let history = facts.history(over: periods, today: day("2026-12-03"), threshold: threshold)
        #expect(values(history, .isfCategory) == ["-", "2", "3", "3"])
    }

    @Test("a round's figure stands until the next round's")
    func rounds() {
        let facts = EarlyWarningFacts(organisation: "T001", rounds: [.surveyRedFlags: [q("2025-Q3"): 1, q("2026-Q3"): 4]])
        let history = facts.history(over: periods, today: day("2026-12-03"), threshold: threshold)
        #expect(values(history, .surveyRedFlags) == ["1", "1", "4", "4"])
    }

    @Test("quarters after today have no figures")
    func future() {
        let facts = EarlyWarningFacts(organisation: "T001", events: [.impactAssessments: [day("2026-02-01")]])
        let history = facts.history(over: periods, today: day("2026-05-15"), threshold: threshold)
        #expect(values(history, .impactAssessments) == ["1", "0", "-", "-"])
    }

    @Test("two sources worsening together raise the signal; one alone does not; suppressed figures never do")
    func signal() throws {
        let rule = try SignalRule(minimumSources: 2, consecutiveQuarters: 2, defaultMargin: 1)
        let worse: [CalendarDay] = [day("2026-10-01"), day("2026-10-02"), day("2026-11-03"), day("2026-11-04")]
        let together = EarlyWarningFacts(organisation: "T001", events: [.learnerConcerns: worse],
                                         spans: [.registerHighAndExtreme: [.init(from: day("2026-10-15"))]])
        let alone = EarlyWarningFacts(organisation: "T002", events: [.learnerConcerns: worse])
        let hidden = EarlyWarningFacts(organisation: "T003", events: [.learnerConcerns: [day("2026-10-01"), day("2026-10-02")]],
                                       spans: [.registerHighAndExtreme: [.init(from: day("2026-10-15"))]])
        let today = day("2026-12-03")
        let raised = rule.evaluate(together.history(over: periods, today: today, threshold: threshold))
        #expect(raised.raised && raised.sources == [.learnerConcerns, .registerHighAndExtreme])
        #expect(!rule.evaluate(alone.history(over: periods, today: today, threshold: threshold)).raised)
        let suppressed = rule.evaluate(hidden.history(over: periods, today: today, threshold: threshold))
        #expect(!suppressed.raised && suppressed.sources == [.registerHighAndExtreme])
    }

    @Test("a breakdown by category hides small cells and any that subtraction would give away")
    func breakdown() throws {
        let facts = EarlyWarningFacts(organisation: "T001", breakdowns: [.learnerConcerns: [
            .init(category: "supervision", on: day("2026-04-01")), .init(category: "supervision", on: day("2026-04-02")),
            .init(category: "supervision", on: day("2026-04-03")), .init(category: "bullying", on: day("2026-04-04")),
        ]])
        let table = try #require(facts.breakdown(of: .learnerConcerns, over: periods, threshold: threshold))
        #expect(table.rowLabels == ["bullying", "supervision"])
        let q2 = 1
        #expect(table.cells[0][q2] == .suppressed)
        #expect(table.cells[1][q2] == .suppressed, "the column total 4 less 1 would give 3 away")
        #expect(facts.breakdown(of: .speakUpCases, over: periods, threshold: threshold) == nil)
    }
}
