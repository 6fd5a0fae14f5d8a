import Testing
@testable import EduQualityDomain

@Suite("Self-assessment windows: the year, one per year, opening and closing")
struct SelfAssessmentWindowTests {
    typealias F = SelfAssessmentFixtures

    @Test("a year reads and writes as 2026-27 and runs April to March")
    func year() {
        let y = AssessmentYear(label: "2026-27")!
        #expect(y.label == "2026-27")
        #expect(y.firstDay.iso == "2026-04-01" && y.lastDay.iso == "2027-03-31")
        #expect(AssessmentYear(label: "2099-00") == nil)
        #expect(AssessmentYear(label: "2009-10")?.label == "2009-10")
        for bad in ["2026-28", "2026", "26-27", "2026/27", "２０２６-27", "", "2026-2027"] { #expect(AssessmentYear(label: bad) == nil, "\(bad)") }
        #expect(AssessmentYear(containing: CalendarDay(iso: "2027-03-31")!).label == "2026-27")
        #expect(AssessmentYear(containing: CalendarDay(iso: "2027-04-01")!).label == "2027-28")
    }

    @Test("a window is upcoming, open (both days included) and closed")
    func states() {
        let w = F.window
        #expect(w.state(on: F.opens.adding(days: -1)) == .upcoming)
        #expect(w.state(on: F.opens) == .open)
        #expect(w.state(on: F.closes) == .open)
        #expect(w.state(on: F.closes.adding(days: 1)) == .closed)
        #expect(!w.isLate(F.closes) && w.isLate(F.closes.adding(days: 1)))
        #expect(w.daysLeft(on: F.closes) == 1 && w.daysLeft(on: F.after) == 0)
    }

    @Test("scheduling checks the year, the dates and that the year has no window yet", arguments: [
        (nil, "2026-10-01", "2027-01-15", "year"),
        ("2026-28", "2026-10-01", "2027-01-15", "year"),
        ("2025-26", "2026-10-01", "2027-01-15", "year"),
        ("2026-27", "", "2027-01-15", "opensOn"),
        ("2026-27", "2026-13-01", "2027-01-15", "opensOn"),
        ("2026-27", "2026-03-31", "2027-01-15", "opensOn"),
        ("2026-27", "2026-10-01", "2027-04-01", "closesOn"),
        ("2026-27", "2026-10-01", "2026-10-01", "closesOn"),
        ("2026-27", "2026-10-01", "2026-09-30", "closesOn"),
        ("2026-27", "2026-04-01", "2026-05-01", "closesOn"),
    ] as [(String?, String, String, String)])
    func scheduleProblems(year: String?, opens: String, closes: String, field: String) {
        let existing: Set<AssessmentYear> = [AssessmentYear(label: "2025-26")!]
        do {
            _ = try SelfAssessmentWindow.schedule(year: year, opensOn: opens, closesOn: closes, existing: existing, today: F.during)
            Issue.record("accepted \(String(describing: year)) \(opens) \(closes)")
        } catch {
            #expect(error.message(for: field) != nil, "\(error.problems)")
        }
    }

    @Test("a valid window is scheduled and audited")
    func schedules() throws {
        let w = try SelfAssessmentWindow.schedule(year: " 2026-27 ", opensOn: "2026-10-01", closesOn: "2027-01-15", existing: [], today: F.during)
        #expect(w.year.label == "2026-27" && w.frameworkVersion == nil)
        #expect(w.scheduleEvent.action == "self-assessment-window.schedule" && w.scheduleEvent.after?["closesOn"] == "2027-01-15")
    }

    @Test("an open window keeps its opening day but may close later; a closed one cannot change")
    func reschedule() throws {
        var w = F.window
        #expect(throws: InvalidForm.self) { _ = try w.reschedule(opensOn: "2026-10-02", closesOn: "2027-01-15", today: F.during) }
        let change = try w.reschedule(opensOn: nil, closesOn: "2027-02-01", today: F.during)
        #expect(w.closesOn.iso == "2027-02-01" && change.lines == ["Closing day 2027-01-15 → 2027-02-01"])
        #expect(change.audit.before?["closesOn"] == "2027-01-15")
        #expect(throws: InvalidForm.self) { _ = try w.reschedule(opensOn: nil, closesOn: "2027-02-01", today: F.during) }
        #expect(throws: InvalidForm.self) { _ = try w.reschedule(opensOn: nil, closesOn: "2026-11-01", today: F.during) }
        var upcoming = F.window
        _ = try upcoming.reschedule(opensOn: "2026-09-01", closesOn: "2027-01-15", today: CalendarDay(iso: "2026-08-01")!)
        #expect(upcoming.opensOn.iso == "2026-09-01")
        var closed = F.window
        #expect(throws: InvalidForm.self) { _ = try closed.reschedule(opensOn: nil, closesOn: "2027-03-01", today: F.after) }
    }

    @Test("notices: a reminder in the last two weeks while not submitted, overdue once closed, none once submitted")
    func notices() {
        let w = F.window
        #expect(SelfAssessmentNotice.due(window: w, progress: .draft, on: F.closes.adding(days: -15)) == nil)
        #expect(SelfAssessmentNotice.due(window: w, progress: .notStarted, on: F.closes.adding(days: -14)) == .reminder)
        #expect(SelfAssessmentNotice.due(window: w, progress: .returned, on: F.closes) == .reminder)
        #expect(SelfAssessmentNotice.due(window: w, progress: .draft, on: F.after) == .overdue)
        #expect(SelfAssessmentNotice.due(window: w, progress: .notStarted, on: F.opens.adding(days: -1)) == nil)
        for done in [SelfAssessmentProgress.submitted, .reviewed] {
            #expect(SelfAssessmentNotice.due(window: w, progress: done, on: F.closes) == nil)
            #expect(SelfAssessmentNotice.due(window: w, progress: done, on: F.after) == nil)
        }
        let notice = SelfAssessmentNotice(kind: .reminder, organisationName: "Northgate", window: w, link: "https://x/y")
        #expect(notice.subject.contains("15 January 2027") && notice.body.contains("https://x/y"))
    }
}
