import Testing
@testable import EduQualityDomain

@Suite("Self-assessments: drafts, submission, review, return")
struct SelfAssessmentLifecycleTests {
    typealias F = SelfAssessmentFixtures

    @Test("starting is refused before the window opens and records the framework's standards and version")
    func start() throws {
        #expect(throws: InvalidForm.self) { _ = try F.started(on: F.opens.adding(days: -1)) }
        let (a, change) = try SelfAssessment.start(window: F.window, organisation: "T001", region: "LDN", framework: F.framework, today: F.during)
        #expect(a.standards == ["1.1", "1.2", "2.1"] && a.frameworkVersion == 2 && a.status == .draft)
        #expect(change.audit.action == "self-assessment.start" && change.audit.entityID == "2026-27/T001")
        // After the window closes a provider may still start: its submission is marked late.
        #expect(try F.started(on: F.after).status == .draft)
    }

    @Test("a draft saves whatever is given, clears blanks, and says which standards changed")
    func drafts() throws {
        var a = try F.started()
        let change = try #require(try a.save(["1.1": TypedSelfRating(rating: "meets", evidence: "Board report")]))
        #expect(a.rating("1.1").rating == .meets && a.ratedCount == 1)
        #expect(change.lines == ["Draft saved: standards 1.1 changed; 1 of 3 rated"])
        #expect(change.audit.after?["ratings"] == "1.1=meets")
        #expect(change.audit.after?.values.contains("Board report") == false, "evidence text stays out of the audit log")
        #expect(try a.save(["1.1": TypedSelfRating(rating: "meets", evidence: "Board report")]) == nil)
        _ = try a.save(["1.1": TypedSelfRating(rating: "", evidence: "", actions: "")])
        #expect(a.ratings["1.1"] == nil)
    }

    @Test("bad draft input names its field and changes nothing", arguments: [
        (["1.1": TypedSelfRating(rating: "excellent")], "rating-1.1"),
        (["1.2": TypedSelfRating(evidence: String(repeating: "x", count: SelfAssessment.maxEvidence + 1))], "evidence-1.2"),
        (["2.1": TypedSelfRating(actions: String(repeating: "x", count: SelfAssessment.maxActions + 1))], "actions-2.1"),
        (["9.9": TypedSelfRating(rating: "meets")], "standards"),
    ])
    func badDraft(typed: [String: TypedSelfRating], field: String) throws {
        var a = try F.started()
        let before = a
        do { _ = try a.save(typed); Issue.record("accepted") } catch { #expect(error.message(for: field) != nil, "\(error.problems)") }
        #expect(a == before)
    }

    @Test("submitting needs every standard rated with evidence, and actions where not fully met")
    func submitNeedsEverything() throws {
        var a = try F.started()
        _ = try a.save(["1.1": TypedSelfRating(rating: "meets", evidence: "ok"), "1.2": TypedSelfRating(rating: "partly-meets", evidence: "some")])
        do { _ = try a.submit(window: F.window, today: F.during); Issue.record("accepted") } catch {
            #expect(error.message(for: "actions-1.2") != nil)
            #expect(error.message(for: "rating-2.1") != nil)
            #expect(error.message(for: "rating-1.1") == nil)
        }
        #expect(a.status == .draft)
    }

    @Test("submission on time, late after the closing day; a resubmission after return keeps the first judgement")
    func lateness() throws {
        let onTime = try F.submitted(on: F.closes)
        #expect(onTime.status == .submitted && !onTime.submittedLate && onTime.submittedOn == F.closes)
        var late = try F.submitted(on: F.after)
        #expect(late.submittedLate)
        _ = try late.returnToProvider(reason: "More evidence", today: F.after)
        let change = try late.submit(window: F.window, today: F.after.adding(days: 3))
        #expect(late.submittedLate && change.audit.action == "self-assessment.resubmit")
        var returnedOnTime = try F.returned()
        _ = try returnedOnTime.submit(window: F.window, today: F.after)
        #expect(!returnedOnTime.submittedLate)
    }

    @Test("a submitted assessment is final for the provider")
    func finalForProvider() throws {
        var a = try F.submitted()
        #expect(throws: InvalidForm.self) { _ = try a.save(["1.1": TypedSelfRating(rating: "does-not-meet")]) }
        #expect(throws: InvalidForm.self) { _ = try a.submit(window: F.window, today: F.during) }
    }

    @Test("the review agrees or challenges per standard; a challenge needs a note; completing needs every standard")
    func review() throws {
        var a = try F.submitted()
        do { _ = try a.review(["1.1": TypedReview(verdict: "challenge")], complete: false, by: "R", today: F.during); Issue.record("accepted") } catch {
            #expect(error.message(for: "note-1.1") != nil)
        }
        do { _ = try a.review(["1.1": TypedReview(verdict: "maybe")], complete: false, by: "R", today: F.during); Issue.record("accepted") } catch {
            #expect(error.message(for: "verdict-1.1") != nil)
        }
        do { _ = try a.review([:], complete: false, by: "R", today: F.during); Issue.record("accepted") } catch {
            #expect(!error.problems.isEmpty)
        }
        let partial = try a.review(["1.1": TypedReview(verdict: "agree")], complete: false, by: "Rowan", today: F.during)
        #expect(partial.lines == ["1.1 agreed"] && a.status == .submitted && a.reviews["1.1"]?.by == "Rowan")
        do { _ = try a.review([:], complete: true, by: "R", today: F.during); Issue.record("accepted") } catch {
            #expect(error.message(for: "verdict-1.2") != nil && error.message(for: "verdict-2.1") != nil && error.message(for: "verdict-1.1") == nil)
        }
        let done = try a.review(F.allAgreed, complete: true, by: "Rowan", today: F.during)
        #expect(a.status == .reviewed && a.reviewedOn == F.during)
        #expect(done.lines.last == "Review completed: 2 agreed, 1 challenged" && done.audit.action == "self-assessment.complete-review")
        #expect(a.reviews["2.1"]?.note == "Committee exists since June")
        #expect(throws: InvalidForm.self) { _ = try a.review(F.allAgreed, complete: false, by: "R", today: F.during) }
    }

    @Test("returning needs a reason, clears the verdicts and lets the provider edit again")
    func returning() throws {
        var a = try F.submitted()
        _ = try a.review(["1.1": TypedReview(verdict: "agree")], complete: false, by: "R", today: F.during)
        #expect(throws: InvalidForm.self) { _ = try a.returnToProvider(reason: "  ", today: F.during) }
        let change = try a.returnToProvider(reason: "Evidence for 2.1 missing", today: F.during)
        #expect(a.status == .returned && a.reviews.isEmpty && a.returnReason == "Evidence for 2.1 missing")
        #expect(change.audit.before?["reviews"] == "1.1=agree")
        #expect(try a.save(["2.1": TypedSelfRating(evidence: "Committee minutes")]) != nil)
    }

    /// Every operation from every status: allowed exactly where `SelfAssessmentStatus.next` (and,
    /// for saving, `isEditableByProvider`) says.
    @Test("the state machine, exhaustively", arguments: SelfAssessmentStatus.allCases)
    func stateMachine(from status: SelfAssessmentStatus) throws {
        var submit = try F.at(status)
        let submitted = (try? submit.submit(window: F.window, today: F.during)) != nil
        #expect(submitted == status.next.contains(.submitted), "submit from \(status)")
        if submitted { #expect(submit.status == .submitted) }

        var giveBack = try F.at(status)
        let returned = (try? giveBack.returnToProvider(reason: "why", today: F.during)) != nil
        #expect(returned == status.next.contains(.returned), "return from \(status)")

        var complete = try F.at(status)
        let reviewed = (try? complete.review(F.allAgreed, complete: true, by: "R", today: F.during)) != nil
        #expect(reviewed == status.next.contains(.reviewed), "complete review from \(status)")

        var edit = try F.at(status)
        let saved = (try? edit.save(["1.1": TypedSelfRating(evidence: "new evidence")])) != nil
        #expect(saved == status.isEditableByProvider, "save from \(status)")
        #expect(status.next.isEmpty == (status == .reviewed))
    }

    @Test("the summary counts progress, overdue and late per region, and ratings and verdicts by domain")
    func summary() throws {
        let reviewed = try F.reviewed()
        var draft = try F.started()
        draft = SelfAssessment(year: draft.year, organisation: "T002", region: "LDN", frameworkVersion: 2, standards: draft.standards, startedOn: F.during)
        var late = try F.submitted(on: F.after)
        late = SelfAssessment(year: late.year, organisation: "T010", region: "MID", frameworkVersion: 2, standards: late.standards,
                              ratings: late.ratings, status: .submitted, startedOn: F.during, submittedOn: F.after, submittedLate: true)
        let participants = [("T001", "LDN"), ("T002", "LDN"), ("T003", "LDN"), ("T010", "MID")]
            .map { SelfAssessmentSummary.Participant(organisation: $0.0, region: $0.1) }
        let s = SelfAssessmentSummary(window: F.window, framework: F.framework, participants: participants,
                                      assessments: [reviewed, draft, late], today: F.after)
        #expect(s.completion.organisations == 4)
        #expect(s.completion.count(.reviewed) == 1 && s.completion.count(.draft) == 1 && s.completion.count(.notStarted) == 1)
        #expect(s.completion.submitted == 2 && s.completion.overdue == 2 && s.completion.submittedLate == 1)
        #expect(s.regions.map(\.region) == ["LDN", "MID"] && s.regions[0].completion.overdue == 2)
        #expect(s.domains.map(\.code) == ["1", "2"])
        #expect(s.domains[0].count(.meets) == 2 && s.domains[0].count(.partlyMeets) == 2 && s.domains[0].rated == 4)
        #expect(s.domains[1].count(.doesNotMeet) == 2 && s.domains[1].count(.challenge) == 1 && s.domains[0].count(.agree) == 2)
        let during = SelfAssessmentSummary(window: F.window, framework: F.framework, participants: participants,
                                           assessments: [reviewed, draft, late], today: F.during)
        #expect(during.completion.overdue == 0)
    }

    @Test("evidence groups register entries under every standard they carry, and knows when there are requirements")
    func evidence() {
        let e1 = RegisterEntryEvidence(reference: "QR-00001", title: "A", status: .open, band: "High", score: 12)
        let e2 = RegisterEntryEvidence(reference: "QR-00002", title: "B", status: .closed, band: "Low", score: 2)
        var evidence = SelfAssessmentEvidence(registerEntries: SelfAssessmentEvidence.byStandard([(["1.1", "1.2"], e1), (["1.2"], e2)]))
        #expect(evidence.registerEntries("1.1") == [e1] && evidence.registerEntries("1.2") == [e1, e2] && evidence.registerEntries("2.1").isEmpty)
        #expect(!evidence.hasRequirements)
        evidence.requirements = ["1.1": []]
        #expect(!evidence.hasRequirements)
        evidence.requirements = ["1.1": [SelfAssessmentRequirement(reference: "RV-1/MR-1", text: "Rota", due: nil, status: "open")]]
        #expect(evidence.hasRequirements)
    }
}
