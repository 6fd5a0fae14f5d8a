import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Early warning: the signal rule on constructed histories")
struct SignalRuleTests {
    typealias F = EarlyWarningFixtures

    @Test("two sources worsening over two consecutive quarters raise a signal, with reasons")
    func twoWorsen() {
        // setup
        let history = F.history(F.series(.surveyRedFlags, [("2026-Q2", 2), ("2026-Q3", 5)]),
                                F.series(.learnerConcerns, [("2026-Q2", 1), ("2026-Q3", 3)]),
                                F.series(.openRequirements, [("2026-Q2", 4), ("2026-Q3", 4)]))
        // MUT
        let signal = SignalRule.standard.evaluate(history)
        // validate
        #expect(signal.raised)
        #expect(signal.quarter == F.q("2026-Q3"))
        #expect(signal.reasons == ["Survey red flags rose from 2 to 5 between 2026-Q2 and 2026-Q3",
                                   "Learner concerns rose from 1 to 3 between 2026-Q2 and 2026-Q3"])
        #expect(signal.sources == [.surveyRedFlags, .learnerConcerns])
        #expect(signal.strength == 5)
    }

    @Test("one source worsening alone raises no signal, though it is named")
    func oneAlone() {
        let history = F.history(F.series(.surveyRedFlags, [("2026-Q2", 2), ("2026-Q3", 9)]),
                                F.series(.learnerConcerns, [("2026-Q2", 3), ("2026-Q3", 3)]),
                                F.series(.speakUpCases, [("2026-Q2", 6), ("2026-Q3", 2)]))
        let signal = SignalRule.standard.evaluate(history)
        #expect(!signal.raised)
        #expect(signal.reasons == ["Survey red flags rose from 2 to 9 between 2026-Q2 and 2026-Q3"])
        #expect(signal.strength == 0)
    }

    @Test("suppressed figures are never compared, so they never make a source worsen",
          arguments: [[("2026-Q2", nil), ("2026-Q3", 7)], [("2026-Q2", 1), ("2026-Q3", nil)], [("2026-Q2", nil), ("2026-Q3", nil)]] as [[(String, Int?)]])
    func suppressed(points: [(String, Int?)]) {
        let history = F.history(F.series(.surveyRedFlags, [("2026-Q2", 2), ("2026-Q3", 5)]),
                                F.series(.speakUpCases, points))
        let signal = SignalRule.standard.evaluate(history)
        #expect(!signal.raised)
        #expect(signal.sources == [.surveyRedFlags])
    }

    @Test("a value below the threshold is suppressed; zero and values at the threshold are not",
          arguments: [(0, SeriesValue.count(0)), (1, .suppressed), (4, .suppressed), (5, .count(5)), (12, .count(12))])
    func suppression(value: Int, expected: SeriesValue) {
        #expect(SeriesValue.counted(value, suppressedBelow: 5) == expected)
        #expect(SeriesValue.counted(value, suppressedBelow: nil) == .count(value))
        #expect(SeriesValue.suppressed.display == "suppressed" && SeriesValue.count(3).display == "3")
    }

    @Test("margin edges: a rise of exactly the margin worsens, one less does not",
          arguments: [(3, true), (2, false), (0, false), (-1, false)])
    func marginEdges(rise: Int, worsens: Bool) throws {
        let rule = try SignalRule(margins: [.surveyRedFlags: 3, .learnerConcerns: 3])
        let history = F.history(F.series(.surveyRedFlags, [("2026-Q2", 4), ("2026-Q3", 4 + rise)]),
                                F.series(.learnerConcerns, [("2026-Q2", 0), ("2026-Q3", 10)]))
        let signal = rule.evaluate(history)
        #expect(signal.raised == worsens)
        #expect(signal.sources.contains(.surveyRedFlags) == worsens)
        #expect(rule.margin(for: .seriousComments) == 1)
    }

    @Test("quarters that are not consecutive are not compared")
    func nonConsecutive() {
        let history = F.history(F.series(.surveyRedFlags, [("2026-Q1", 2), ("2026-Q3", 9)]),
                                F.series(.learnerConcerns, [("2026-Q1", 1), ("2026-Q3", 8)]))
        let signal = SignalRule.standard.evaluate(history)
        #expect(!signal.raised && signal.worsening.isEmpty)
        #expect(history.periods.map(\.description) == ["2026-Q1", "2026-Q2", "2026-Q3"])
        #expect(history.series(for: .surveyRedFlags)!.points(over: history.periods).map { $0.value?.number } == [2, nil, 9])
    }

    @Test("worsening is judged at the quarter assessed: an earlier rise that has levelled off does not count")
    func assessedQuarter() {
        let history = F.history(F.series(.surveyRedFlags, [("2026-Q1", 1), ("2026-Q2", 6), ("2026-Q3", 6)]),
                                F.series(.overdueRequirements, [("2026-Q1", 0), ("2026-Q2", 3), ("2026-Q3", 3)]))
        #expect(SignalRule.standard.evaluate(history, at: F.q("2026-Q2")).raised)
        #expect(!SignalRule.standard.evaluate(history).raised)
    }

    @Test("a longer window compares its first quarter with its last, needing every quarter between")
    func longerWindow() throws {
        let rule = try SignalRule(consecutiveQuarters: 3)
        let history = F.history(F.series(.surveyRedFlags, [("2026-Q1", 1), ("2026-Q2", 1), ("2026-Q3", 4)]),
                                F.series(.isfCategory, [("2026-Q1", 1), ("2026-Q2", 2), ("2026-Q3", 2)]),
                                F.series(.learnerConcerns, [("2026-Q1", 1), ("2026-Q3", 4)]))
        let signal = rule.evaluate(history)
        #expect(signal.raised)
        #expect(signal.reasons == ["Survey red flags rose from 1 to 4 between 2026-Q1 and 2026-Q3",
                                   "ISF category rose from 1 to 2 between 2026-Q1 and 2026-Q3"])
    }

    @Test("for green flags fewer is worse")
    func greenFlags() {
        let history = F.history(F.series(.surveyGreenFlags, [("2026-Q2", 6), ("2026-Q3", 2)]),
                                F.series(.surveyPinkFlags, [("2026-Q2", 0), ("2026-Q3", 2)]))
        let signal = SignalRule.standard.evaluate(history)
        #expect(signal.raised)
        #expect(signal.reasons.first == "Survey green flags fell from 6 to 2 between 2026-Q2 and 2026-Q3")
    }

    @Test("more sources, then bigger moves, rank first on the regional list; unraised signals are left off")
    func ordering() {
        let rule = SignalRule.standard
        func org(_ code: String, red: Int, concerns: Int, speakUp: Int) -> EarlyWarningSignal {
            rule.evaluate(F.history(F.series(.surveyRedFlags, [("2026-Q2", 0), ("2026-Q3", red)]),
                                    F.series(.learnerConcerns, [("2026-Q2", 0), ("2026-Q3", concerns)]),
                                    F.series(.speakUpCases, [("2026-Q2", 0), ("2026-Q3", speakUp)]), organisation: code))
        }
        let signals = [org("A", red: 1, concerns: 1, speakUp: 0), org("B", red: 9, concerns: 9, speakUp: 0),
                       org("C", red: 1, concerns: 1, speakUp: 1), org("D", red: 9, concerns: 0, speakUp: 0),
                       org("E", red: 1, concerns: 1, speakUp: 0)]
        #expect(EarlyWarningSignal.strongestFirst(signals).map(\.organisation) == ["C", "B", "A", "E"])
    }

    @Test("emerging concerns can be left out of a history before the rule is applied")
    func withoutEmergingConcerns() {
        let history = F.history(F.series(.surveyRedFlags, [("2026-Q2", 0), ("2026-Q3", 3)]),
                                F.series(.emergingConcerns, [("2026-Q2", 0), ("2026-Q3", 2)]))
        #expect(SignalRule.standard.evaluate(history).raised)
        let narrowed = history.removing([.emergingConcerns])
        #expect(!SignalRule.standard.evaluate(narrowed).raised)
        #expect(narrowed.series(for: .emergingConcerns) == nil)
    }

    @Test("an empty history raises nothing")
    func empty() {
        let signal = SignalRule.standard.evaluate(F.history())
        #expect(!signal.raised && signal.quarter == nil && signal.reasons.isEmpty)
    }

    @Test("the seed rule file decodes: two sources over two quarters, with margins per source")
    func seedFile() throws {
        let data = try Data(contentsOf: SurveyFixtures.seedFile("reference/early-warning-rule.json"))
        let rule = try SignalRule(try JSONDecoder().decode(SignalRule.Definition.self, from: data))
        #expect(rule.minimumSources == 2 && rule.consecutiveQuarters == 2)
        #expect(rule.margin(for: .surveyRedFlags) == 2 && rule.margin(for: .isfCategory) == 1)
        #expect(Set(rule.margins.keys) == Set(EarlyWarningSource.allCases))
    }

    @Test("a broken rule is refused", arguments: [
        SignalRule.Definition(minimumSources: 0, consecutiveQuarters: 2, defaultMargin: 1),
        SignalRule.Definition(minimumSources: 2, consecutiveQuarters: 1, defaultMargin: 1),
        SignalRule.Definition(minimumSources: 2, consecutiveQuarters: 2, defaultMargin: 0),
        SignalRule.Definition(minimumSources: 2, consecutiveQuarters: 2, defaultMargin: 1, margins: ["weather": 1]),
        SignalRule.Definition(minimumSources: 2, consecutiveQuarters: 2, defaultMargin: 1, margins: ["survey-red-flags": 0]),
    ])
    func refused(definition: SignalRule.Definition) {
        #expect(throws: InvalidForm.self) { try SignalRule(definition) }
    }
}
