import Testing
@testable import EduQualityDomain

@Suite("Reviews: status, panel, evidence, learners met and grades")
struct ReviewTests {
    typealias F = ReviewFixtures

    @Test("every status moves only to its one next status; visiting records the date")
    func statusMachine() throws {
        for from in ReviewStatus.allCases {
            for to in ReviewStatus.allCases {
                var review = F.review(status: from, visitedOn: from.isVisited ? F.today : nil)
                if to == .closed { review.report.stage = .published }
                let allowed = from.next == to
                do {
                    _ = try review.move(to: to.rawValue, on: nil, today: F.today)
                    #expect(allowed, "\(from) → \(to) should be refused")
                    #expect(review.status == to)
                } catch {
                    #expect(!allowed, "\(from) → \(to) should be allowed: \(error)")
                    #expect(review.status == from)
                }
            }
        }
        var review = F.review(status: .evidenceGathering)
        let change = try review.move(to: "visited", on: nil, today: F.today)
        #expect(review.visitedOn == review.plannedOn)
        #expect(change.audit.after?["visitedOn"] == "2026-11-20")
        var other = F.review(status: .evidenceGathering)
        _ = try other.move(to: "visited", on: "2026-11-25", today: F.today)
        #expect(other.visitedOn == CalendarDay(iso: "2026-11-25"))
    }

    @Test("a visit cannot be in the future or a non-date; a review closes only with its report published")
    func visitAndClose() {
        var review = F.review(status: .evidenceGathering)
        #expect(throws: InvalidForm.self) { try review.move(to: "visited", on: "2026-12-03", today: F.today) }
        #expect(throws: InvalidForm.self) { try review.move(to: "visited", on: "2026-02-30", today: F.today) }
        #expect(review.status == .evidenceGathering && review.visitedOn == nil)
        var drafting = F.review(status: .reportDrafting, visitedOn: F.today)
        for stage in [ReportStage.draft, .factualAccuracy, .final] {
            drafting.report.stage = stage
            #expect(throws: InvalidForm.self) { try drafting.move(to: "closed", on: nil, today: F.today) }
        }
        #expect(throws: InvalidForm.self) { try drafting.move(to: "nonsense", on: nil, today: F.today) }
        #expect(throws: InvalidForm.self) { try drafting.move(to: "planned", on: nil, today: F.today) }
    }

    @Test("a panel member with a declared conflict for the provider is refused; others are added")
    func conflictOfInterest() throws {
        var review = F.review()
        let conflicted = try NewPanelMemberForm(name: "Dr Conflicted", role: "specialty-expert", conflicts: "t002, t001").validated()
        let error = #expect(throws: InvalidForm.self) { try review.addPanelMember(conflicted) }
        #expect(error?.message(for: "conflicts")?.contains("conflict of interest for T001") == true)
        #expect(review.panel.isEmpty)
        let clear = try NewPanelMemberForm(name: "Dr Clear", role: "lead", userID: "u1", conflicts: "T002").validated()
        let change = try review.addPanelMember(clear)
        #expect(review.panel == [clear])
        #expect(review.panelUserIDs == ["u1"])
        #expect(change.audit.after?["role"] == "lead")
        #expect(throws: InvalidForm.self) { try review.addPanelMember(clear) }
        let secondLead = try NewPanelMemberForm(name: "Dr Other", role: "lead").validated()
        #expect(throws: InvalidForm.self) { try review.addPanelMember(secondLead) }
        #expect(throws: InvalidForm.self) { try NewPanelMemberForm(name: "", role: "judge").validated() }
    }

    @Test("a learner representative is published by role only")
    func learnerNamesNeverPublished() {
        #expect(PanelMember(name: "Sam Learner", role: .learnerRepresentative).publicDescription == "Learner representative")
        #expect(PanelMember(name: "Dr A", role: .lead).publicDescription == "Review lead: Dr A")
    }

    @Test("evidence items parse by kind, and linking one twice changes nothing")
    func evidencePack() throws {
        var review = F.review(status: .evidenceGathering)
        let entry = try ReviewEvidence(kind: "register-entry", reference: "qr-00003")
        #expect(entry == .registerEntry("QR-00003"))
        let isf = try ReviewEvidence(kind: "isf", reference: "programme:T001/gen-surg")
        #expect(isf.reference == "programme:T001/gen-surg")
        let flag = try ReviewEvidence(kind: "survey-flag", reference: "NETS-2026/organisation/T001/supervision")
        #expect(flag.kind == "survey-flag")
        #expect(try review.addEvidence(entry) != nil)
        #expect(try review.addEvidence(entry) == nil)
        #expect(review.evidence == [entry])
        #expect(throws: InvalidForm.self) { try ReviewEvidence(kind: "register-entry", reference: "QR-1") }
        #expect(throws: InvalidForm.self) { try ReviewEvidence(kind: "isf", reference: "planet:X") }
        #expect(throws: InvalidForm.self) { try ReviewEvidence(kind: "rumour", reference: "x") }
        #expect(throws: InvalidForm.self) { try ReviewEvidence(kind: "concern", reference: "not a reference") }
    }

    @Test("learners met are counts by profession and level, after the visit; the same group is replaced")
    func learnersMet() throws {
        let professions: Set<String> = ["student-nurses", "doctors-in-training"]
        var planned = F.review()
        let group = try MetGroup.validated(profession: "student-nurses", level: "student", count: "7", professions: professions)
        #expect(throws: InvalidForm.self) { try planned.recordMet(group) }
        var review = F.visited()
        _ = try review.recordMet(group)
        _ = try review.recordMet(MetGroup(profession: "student-nurses", level: .student, count: 9))
        #expect(review.met == [MetGroup(profession: "student-nurses", level: .student, count: 9)])
        for (p, l, c) in [("nobody", "student", "3"), ("student-nurses", "emperor", "3"), ("student-nurses", "student", "0"),
                          ("student-nurses", "student", "2.5"), ("student-nurses", "student", "100000")] {
            #expect(throws: InvalidForm.self) { try MetGroup.validated(profession: p, level: l, count: c, professions: professions) }
        }
    }

    @Test("grades below excellent say how to move up; the lower two need a time-bound action")
    func grading() throws {
        let excellent = try PlacementGrade.validated(placement: "Ward 5", grade: "excellent", toMoveUp: nil, action: nil,
                                                     actionOwner: nil, actionDue: nil, today: F.today)
        #expect(excellent.actions.isEmpty && excellent.grade.oneUp == nil)
        #expect(throws: InvalidForm.self) {
            try PlacementGrade.validated(placement: "Ward 5", grade: "good", toMoveUp: nil, action: nil, actionOwner: nil, actionDue: nil, today: F.today)
        }
        for grade in ["requires-improvement", "inadequate"] {
            #expect(throws: InvalidForm.self) {
                try PlacementGrade.validated(placement: "Ward 5", grade: grade, toMoveUp: "Supervision", action: nil,
                                             actionOwner: nil, actionDue: nil, today: F.today)
            }
            #expect(throws: InvalidForm.self) {
                try PlacementGrade.validated(placement: "Ward 5", grade: grade, toMoveUp: "Supervision", action: "Rota",
                                             actionOwner: "DME", actionDue: "2026-12-01", today: F.today)
            }
            let ok = try PlacementGrade.validated(placement: "Ward 5", grade: grade, toMoveUp: "Supervision", action: "Rota",
                                                  actionOwner: "DME", actionDue: "2027-01-31", today: F.today)
            #expect(ok.actions.count == 1)
        }
        #expect(PlacementGradeLevel.inadequate < .requiresImprovement && PlacementGradeLevel.good < .excellent)
        var review = F.visited()
        _ = try review.grade(excellent)
        _ = try review.grade(PlacementGrade(placement: "ward 5", grade: .good, toMoveUp: "x", actions: []))
        #expect(review.grades.count == 1 && review.grades[0].grade == .good)
        var planned = F.review()
        #expect(throws: InvalidForm.self) { try planned.grade(excellent) }
    }
}
