import Testing
@testable import EduQualityDomain

enum ISFFixtures {
    static let subject = ISFSubject(kind: .programme, code: "T001/acute-medicine")!
    static let entries: Set<String> = ["QR-00001", "QR-00002"]

    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    static func form(_ category: Int, on today: CalendarDay, conditions: String? = nil) -> ISFDecisionForm {
        ISFDecisionForm(category: String(category), rationale: "Triangulated: survey flags and two concerns.",
                        evidence: ["QR-00001"],
                        supportPlan: [TypedPlanAction(action: "Rota redesign", owner: "Medical director",
                                                      due: today.adding(days: 30).iso)],
                        nextReview: today.adding(days: 56).iso, conditionsMet: conditions)
    }

    /// A history built by deciding `categories` four weeks apart from 2026-01-05.
    static func history(_ categories: [Int]) -> ISFHistory {
        var history = ISFHistory()
        for (n, category) in categories.enumerated() {
            let today = day("2026-01-05").adding(days: 28 * n)
            let decision = try! form(category, on: today, conditions: "Conditions met")
                .validated(subject: subject, history: history, scale: .standard, knownEntries: entries,
                           id: "d\(n)", decidedBy: "lead", today: today)
            _ = history.record(decision)
        }
        return history
    }
}

@Suite("The Intensive Support Framework: categories, decisions and history")
struct ISFTests {
    typealias F = ISFFixtures

    @Test("escalation, de-escalation and review are new decisions that keep the old ones")
    func history() {
        let history = F.history([2, 3, 3, 2])
        #expect(history.decisions.map(\.category) == [2, 3, 3, 2])
        #expect(history.decisions.map(\.movement) == [.first, .escalated(from: 2), .unchanged, .deescalated(from: 3)])
        #expect(history.decisions.map(\.rating) == ["ISF 2 (new)", "ISF 3 (up from 2)", "ISF 3 (unchanged)", "ISF 2 (down from 3)"])
        #expect(history.current?.conditionsMet == "Conditions met")
        #expect(history.decisions[1].conditionsMet == nil)
        #expect(history.inCategorySince == F.day("2026-01-05").adding(days: 84))
    }

    @Test("the audit event names the movement")
    func auditActions() {
        var history = ISFHistory()
        var actions: [String] = []
        for (n, category) in [1, 3, 3, 1].enumerated() {
            let today = F.day("2026-03-02").adding(days: 7 * n)
            let decision = try! F.form(category, on: today, conditions: "Met").validated(
                subject: F.subject, history: history, scale: .standard, knownEntries: F.entries,
                id: "x\(n)", decidedBy: "lead", today: today)
            actions.append(history.record(decision).action)
        }
        #expect(actions == ["isf.categorise", "isf.escalate", "isf.review", "isf.de-escalate"])
    }

    @Test("time in category counts from the first of the latest run at that category")
    func timeInCategory() {
        let history = F.history([3, 3, 3])
        #expect(history.daysInCategory(on: F.day("2026-03-16")) == 70)
        #expect(ISFHistory().daysInCategory(on: F.day("2026-03-16")) == nil)
    }

    @Test("bad decisions are refused on their field", arguments: [
        ("category", ISFDecisionForm(category: "5", rationale: "r", evidence: ["QR-00001"], nextReview: "2027-01-20")),
        ("category", ISFDecisionForm(category: "0", rationale: "r", evidence: ["QR-00001"], nextReview: "2027-01-20")),
        ("category", ISFDecisionForm(category: "two", rationale: "r", evidence: ["QR-00001"], nextReview: "2027-01-20")),
        ("evidence", ISFDecisionForm(category: "1", rationale: "r", evidence: [], nextReview: "2027-01-20")),
        ("evidence", ISFDecisionForm(category: "1", rationale: "r", evidence: ["QR-99999"], nextReview: "2027-01-20")),
        ("rationale", ISFDecisionForm(category: "1", rationale: " ", evidence: ["QR-00001"], nextReview: "2027-01-20")),
        ("supportPlan", ISFDecisionForm(category: "2", rationale: "r", evidence: ["QR-00001"], nextReview: "2027-01-20")),
        ("nextReview", ISFDecisionForm(category: "1", rationale: "r", evidence: ["QR-00001"], nextReview: "2026-12-02")),
        ("nextReview", ISFDecisionForm(category: "1", rationale: "r", evidence: ["QR-00001"], nextReview: "2028-12-02")),
    ])
    func invalid(field: String, form: ISFDecisionForm) {
        do {
            _ = try form.validated(subject: F.subject, history: ISFHistory(), scale: .standard, knownEntries: F.entries,
                                   id: "d", decidedBy: "lead", today: F.day("2026-12-02"))
            Issue.record("accepted")
        } catch {
            #expect(error.message(for: field) != nil, "\(error.problems)")
        }
    }

    @Test("de-escalation needs the conditions met")
    func deescalationNeedsConditions() {
        let history = F.history([3])
        let today = F.day("2026-03-02")
        do {
            _ = try F.form(2, on: today).validated(subject: F.subject, history: history, scale: .standard,
                                                   knownEntries: F.entries, id: "n", decidedBy: "lead", today: today)
            Issue.record("accepted")
        } catch {
            #expect(error.message(for: "conditionsMet") == "Record the conditions the subject met to come down from category 3.")
        }
    }

    @Test("only the current provisional decision is ratified, once, at a meeting between decision and today")
    func ratification() throws {
        var history = F.history([2, 3])
        let today = F.day("2026-03-01")
        #expect(throws: InvalidForm.self) { try history.ratify("d0", by: "chair", meetingDay: today, today: today) }
        #expect(throws: InvalidForm.self) { try history.ratify("d1", by: "chair", meetingDay: F.day("2026-01-01"), today: today) }
        #expect(throws: InvalidForm.self) { try history.ratify("d1", by: "chair", meetingDay: F.day("2026-03-02"), today: today) }
        let event = try history.ratify("d1", by: "chair", meetingDay: F.day("2026-02-10"), today: today)
        #expect(event.action == "isf.ratify")
        #expect(history.current?.isProvisional == false)
        #expect(history.current?.ratification == ISFRatification(by: "chair", on: F.day("2026-02-10")))
        #expect(throws: InvalidForm.self) { try history.ratify("d1", by: "chair", meetingDay: today, today: today) }
    }

    @Test("reviews are overdue after their date and reminded a week before")
    func reviews() {
        let history = F.history([2])
        let next = history.current!.nextReview
        #expect(!history.isReviewOverdue(on: next))
        #expect(history.isReviewOverdue(on: next.adding(days: 1)))
        #expect(!ISFReviewReminder.isDue(history.current!, on: next.adding(days: -8)))
        #expect(ISFReviewReminder.isDue(history.current!, on: next.adding(days: -7)))
    }

    @Test("configured categories must run 1, 2, 3… with names")
    func scale() {
        #expect(ISFCategoryScale.standard.top.level == 4)
        #expect(throws: ISFCategoryScale.Invalid.self) {
            try ISFCategoryScale([ISFCategory(level: 1, name: "A", description: "", reviewWeeks: 4),
                                  ISFCategory(level: 3, name: "C", description: "", reviewWeeks: 4)])
        }
        #expect(throws: ISFCategoryScale.Invalid.self) {
            try ISFCategoryScale([ISFCategory(level: 1, name: "A", description: "", reviewWeeks: 4),
                                  ISFCategory(level: 2, name: " ", description: "", reviewWeeks: 4)])
        }
        #expect(ISFDecisionForm.suggestedReview(for: 4, scale: .standard, today: F.day("2026-12-02")) == F.day("2026-12-30"))
    }

    @Test("subjects: programme codes are ORGANISATION/SPECIALTY")
    func subjects() {
        #expect(ISFSubject(kind: .programme, code: "T001/acute-medicine")?.programme?.specialty == "acute-medicine")
        #expect(ISFSubject(kind: .programme, code: "T001") == nil)
        #expect(ISFSubject(kind: .organisation, code: "T001/x") == nil)
        #expect(ISFSubject(kind: .region, code: "LDN")?.organisation == nil)
    }
}
