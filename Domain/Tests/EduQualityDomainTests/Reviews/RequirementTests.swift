import Testing
@testable import EduQualityDomain

@Suite("Requirements: default due dates, states, decisions and the RAG rule")
struct RequirementTests {
    typealias F = ReviewFixtures

    @Test("an immediate mandatory requirement is due 5 working days after the visit, across weekends and bank holidays",
          arguments: [
              ("2026-11-20", "2026-11-27"), // Friday: the next week's Friday
              ("2026-11-23", "2026-11-30"), // Monday to Monday
              ("2026-12-23", "2027-01-04"), // Christmas, the Boxing Day substitute, New Year's Day, two weekends
              ("2026-12-24", "2027-01-05"),
              ("2027-03-25", "2027-04-05"), // Good Friday and Easter Monday
          ])
    func immediateDue(visit: String, due: String) throws {
        let requirement = try F.requirement("immediate-mandatory", on: F.visited(on: visit))
        #expect(requirement.due == CalendarDay(iso: due))
        #expect(requirement.reference == "RV-00012-IMR1")
        #expect(requirement.status == .open)
    }

    @Test("other kinds default by calendar days; good practice has no due date, owner or RAG; references number per kind")
    func otherDefaults() throws {
        let mandatory = try F.requirement("mandatory")
        #expect(mandatory.due == CalendarDay(iso: "2026-11-20")!.adding(days: 90))
        let second = try F.requirement("mandatory", existing: [mandatory])
        #expect(second.reference == "RV-00012-MR2")
        let recommendation = try F.requirement("recommendation", existing: [mandatory, second])
        #expect(recommendation.reference == "RV-00012-R1")
        #expect(recommendation.due == CalendarDay(iso: "2026-11-20")!.adding(days: 180))
        let good = try F.requirement("good-practice")
        #expect(good.due == nil && good.owner == nil && good.status == .noted)
        #expect(good.rag(.standard, on: F.today) == nil)
        let typed = try F.requirement("mandatory", due: "2027-02-01")
        #expect(typed.due == CalendarDay(iso: "2027-02-01"))
    }

    @Test("bad findings are refused with the field named", arguments: [
        (NewRequirementForm(kind: "wish", text: "x", standards: ["1.1"]), "kind"),
        (NewRequirementForm(kind: "mandatory", text: " ", standards: ["1.1"]), "text"),
        (NewRequirementForm(kind: "mandatory", text: "x", standards: []), "standards"),
        (NewRequirementForm(kind: "mandatory", text: "x", standards: ["9.9"]), "standards"),
        (NewRequirementForm(kind: "mandatory", text: "x", standards: ["1.1"], due: "2026-11-19"), "due"),
        (NewRequirementForm(kind: "mandatory", text: "x", standards: ["1.1"], due: "soon"), "due"),
        (NewRequirementForm(kind: "good-practice", text: "x", standards: ["1.1"], due: "2027-01-01"), "due"),
    ])
    func refused(form: NewRequirementForm, field: String) {
        let error = #expect(throws: InvalidForm.self) {
            try form.validated(for: F.visited(), existing: [], standards: F.standards, rules: .standard, calendar: F.calendar)
        }
        #expect(error?.message(for: field) != nil, "\(String(describing: error))")
    }

    @Test("findings wait for the visit and stop when the review closes")
    func findingsNeedAVisit() {
        for review in [F.review(), F.review(status: .evidenceGathering), F.review(status: .closed, visitedOn: F.today)] {
            #expect(throws: InvalidForm.self) { try F.requirement("mandatory", on: review) }
        }
    }

    @Test("every status × event: only the allowed moves happen")
    func stateMachine() {
        let expected: [RequirementStatus: [RequirementStatus.Event: RequirementStatus]] = [
            .open: [.postUpdate: .awaitingDecision, .accept: .closed],
            .awaitingDecision: [.postUpdate: .awaitingDecision, .accept: .closed, .return: .returned],
            .returned: [.postUpdate: .awaitingDecision, .accept: .closed],
            .closed: [:],
            .noted: [:],
        ]
        for status in RequirementStatus.allCases {
            for event in RequirementStatus.Event.allCases {
                #expect(status.after(event) == expected[status]?[event], "\(status) + \(event)")
            }
        }
    }

    @Test("the provider updates, the team returns with a reason, the provider updates again, the team accepts")
    func updatesAndDecisions() throws {
        var requirement = try F.requirement("mandatory")
        #expect(throws: InvalidForm.self) { try requirement.decide("return", reason: "More", by: "team", on: F.today) }
        let posted = try requirement.postUpdate(text: "Rota changed", evidence: ["f1"], by: "lead", on: F.today)
        #expect(requirement.status == .awaitingDecision)
        #expect(posted.audit.before?["status"] == "open" && posted.audit.after?["evidenceFiles"] == "1")
        #expect(throws: InvalidForm.self) { try requirement.decide("return", reason: " ", by: "team", on: F.today) }
        #expect(throws: InvalidForm.self) { try requirement.decide("maybe", reason: "x", by: "team", on: F.today) }
        _ = try requirement.decide("return", reason: "Show the new rota", by: "team", on: F.today)
        #expect(requirement.status == .returned)
        _ = try requirement.postUpdate(text: "Attached", evidence: [], by: "lead", on: F.today)
        _ = try requirement.decide("accept", reason: "Rota seen", by: "team", on: F.today)
        #expect(requirement.status == .closed)
        #expect(requirement.updates.map(\.number) == [1, 2])
        #expect(requirement.decisions.map(\.outcome) == [.return, .accept])
        #expect(throws: InvalidForm.self) { try requirement.postUpdate(text: "More", evidence: [], by: "lead", on: F.today) }
        #expect(throws: InvalidForm.self) { try requirement.decide("accept", reason: "x", by: "team", on: F.today) }
        var good = try F.requirement("good-practice")
        #expect(throws: InvalidForm.self) { try good.postUpdate(text: "x", evidence: [], by: "lead", on: F.today) }
    }

    @Test("the RAG rule, with its reasons", arguments: [
        (RequirementStatus.open, "2026-12-01", RAG.red),       // overdue
        (.awaitingDecision, "2026-12-01", .red),               // overdue even with an update waiting
        (.returned, "2026-12-20", .amber),                     // returned
        (.open, "2026-12-16", .amber),                         // due in 14 days
        (.open, "2026-12-02", .amber),                         // due today
        (.open, "2026-12-17", .green),                         // due in 15 days
        (.awaitingDecision, "2026-12-05", .green),             // update awaiting a decision
        (.closed, "2026-01-01", .green),                       // closed, whatever the date
    ])
    func rag(status: RequirementStatus, due: String, expected: RAG) {
        let result = RAGRule.standard.status(of: status, due: CalendarDay(iso: due), on: F.today)
        #expect(result?.rag == expected, "\(String(describing: result))")
        #expect(result?.reason.isEmpty == false)
    }

    @Test("the RAG rule is configurable")
    func configurable() {
        let strict = RAGRule(amberWithinDays: 30, returnedIsAmber: false)
        #expect(strict.status(of: .open, due: CalendarDay(iso: "2026-12-30"), on: F.today)?.rag == .amber)
        #expect(strict.status(of: .returned, due: CalendarDay(iso: "2027-03-01"), on: F.today)?.rag == .green)
        #expect(RequirementRules(due: RequirementDueRule(immediateWorkingDays: 0), rag: .standard).problem != nil)
        #expect(RequirementRules.standard.problem == nil)
        let three = RequirementDueRule(immediateWorkingDays: 3)
        #expect(three.due(.immediateMandatory, visitedOn: CalendarDay(iso: "2026-11-20")!, calendar: F.calendar) == CalendarDay(iso: "2026-11-25"))
    }

    @Test("overdue means live and past due")
    func overdue() throws {
        var requirement = try F.requirement("immediate-mandatory")
        #expect(requirement.isOverdue(on: F.today))
        #expect(!requirement.isOverdue(on: CalendarDay(iso: "2026-11-27")!))
        _ = try requirement.decide("accept", reason: "Done", by: "team", on: F.today)
        #expect(!requirement.isOverdue(on: F.today))
    }
}
