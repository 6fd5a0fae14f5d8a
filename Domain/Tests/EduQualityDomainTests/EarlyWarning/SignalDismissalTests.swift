import Testing
@testable import EduQualityDomain

@Suite("Early warning: dismissing a signal")
struct SignalDismissalTests {
    typealias F = EarlyWarningFixtures
    static let today = CalendarDay(iso: "2026-12-02")!

    static func signal(speakUp: Int = 0) -> EarlyWarningSignal {
        SignalRule.standard.evaluate(F.history(F.series(.surveyRedFlags, [("2026-Q2", 1), ("2026-Q3", 4)]),
                                               F.series(.learnerConcerns, [("2026-Q2", 0), ("2026-Q3", 2)]),
                                               F.series(.speakUpCases, [("2026-Q2", 0), ("2026-Q3", speakUp)])))
    }

    @Test("a raised signal is dismissed with a reason, audited, and stays dismissed for that quarter and those sources")
    func dismiss() throws {
        // MUT
        let (dismissal, audit) = try Self.signal().dismiss(reason: "Explained by a new rota; monitoring.", by: "user-lead", on: Self.today)
        // validate
        #expect(audit.action == "early-warning.dismiss" && audit.entityID == "RJ1/2026-Q3")
        #expect(audit.after?["sources"] == "learner-concerns,survey-red-flags")
        #expect(Self.signal().isDismissed(by: [dismissal]))
        #expect(!Self.signal(speakUp: 3).isDismissed(by: [dismissal]), "a third source joining raises it again")
        var later = Self.signal()
        later.quarter = F.q("2026-Q4")
        #expect(!later.isDismissed(by: [dismissal]))
    }

    @Test("dismissing needs a reason, and a signal that was raised")
    func refused() {
        let error = #expect(throws: InvalidForm.self) { try Self.signal().dismiss(reason: "  ", by: "u", on: Self.today) }
        #expect(error?.message(for: "reason") == "Say why the signal is dismissed.")
        let quiet = SignalRule.standard.evaluate(F.history(F.series(.surveyRedFlags, [("2026-Q2", 1), ("2026-Q3", 4)])))
        #expect(throws: InvalidForm.self) { try quiet.dismiss(reason: "x", by: "u", on: Self.today) }
    }
}
