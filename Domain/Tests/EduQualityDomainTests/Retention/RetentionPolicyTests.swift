import Testing
@testable import EduQualityDomain

@Suite("Retention periods and the purge's record of a run")
struct RetentionPolicyTests {
    static let allThirty = Dictionary(uniqueKeysWithValues: RetainedRecords.allCases.map { ($0, 30) })

    static func form(_ overrides: [RetainedRecords: String] = [:]) -> [String: String] {
        var form = Dictionary(uniqueKeysWithValues: RetainedRecords.allCases.map { ($0.rawValue, "30") })
        for (kind, value) in overrides { form[kind.rawValue] = value }
        return form
    }

    @Test("a record is past its time only once more days than the period have gone by")
    func cutoff() throws {
        let policy = try RetentionPolicy(days: Self.allThirty)
        let today = CalendarDay(iso: "2026-12-03")!
        #expect(policy.cutoff(for: .outbox, today: today) == CalendarDay(iso: "2026-11-03")!)
        #expect(!policy.isPast(.outbox, countedFrom: CalendarDay(iso: "2026-11-03")!, today: today))
        #expect(policy.isPast(.outbox, countedFrom: CalendarDay(iso: "2026-11-02")!, today: today))
        #expect(!policy.isPast(.outbox, countedFrom: today, today: today))
    }

    @Test("the form needs every kind as a whole number of days in range, and names each bad field")
    func formValidation() throws {
        let policy = try RetentionPolicy.parse(Self.form([.closedConcerns: " 2190 "]))
        #expect(policy.days(for: .closedConcerns) == 2190)
        #expect(policy.days(for: .outbox) == 30)
        for bad in ["", "0", "-5", "36501", "1.5", "ten", "1e3"] {
            #expect(throws: InvalidForm.self) { try RetentionPolicy.parse(Self.form([.surveyDrafts: bad])) }
            do {
                _ = try RetentionPolicy.parse(Self.form([.surveyDrafts: bad, .outbox: bad]))
            } catch {
                #expect(error.problems.map(\.field) == ["survey-drafts", "outbox"])
                #expect(error.message(for: "outbox")?.contains("notification outbox") == true)
            }
        }
        #expect(try RetentionPolicy.parse(Self.form([.outbox: "1"])).days(for: .outbox) == RetentionPolicy.shortest)
        #expect(try RetentionPolicy.parse(Self.form([.outbox: "36500"])).days(for: .outbox) == RetentionPolicy.longest)
    }

    @Test("the stored form round-trips; a missing or unknown kind is refused")
    func stored() throws {
        let policy = try RetentionPolicy(days: Self.allThirty)
        #expect(try RetentionPolicy(stored: policy.stored) == policy)
        var missing = policy.stored
        missing["outbox"] = nil
        #expect(throws: InvalidForm.self) { try RetentionPolicy(stored: missing) }
        var unknown = policy.stored
        unknown["surveys"] = 10
        #expect(throws: InvalidForm.self) { try RetentionPolicy(stored: unknown) }
    }

    @Test("a run's audit event carries every kind's count and period, and reads back")
    func runAudit() throws {
        let policy = try RetentionPolicy(days: Self.allThirty)
        let run = RetentionRun(day: CalendarDay(iso: "2026-12-03")!, policy: policy, counts: [.outbox: 4, .closedConcerns: 1])
        let event = run.auditEvent
        #expect(event.action == "retention.purge" && event.entityID == "2026-12-03")
        #expect(event.after?["outbox"] == "4" && event.after?["speak-up-cases"] == "0")
        #expect(event.after?["closed-concerns-days"] == "30")
        #expect(run.total == 5)
        #expect(RetentionRun.counts(fromAudit: event.after!) == [.closedConcerns: 1, .speakUpCases: 0, .surveyFreeText: 0,
                                                                 .surveyDrafts: 0, .outbox: 4])
    }

    @Test("changing the policy is audited with both versions")
    func changeEvent() throws {
        let before = try RetentionPolicy(days: Self.allThirty)
        var days = Self.allThirty
        days[.surveyDrafts] = 7
        let event = try RetentionPolicy(days: days).change(from: before)
        #expect(event.before?["survey-drafts"] == "30" && event.after?["survey-drafts"] == "7")
    }

    @Test("anonymised records are named, and deleted ones are not the anonymised ones")
    func disposals() {
        #expect(RetainedRecords.allCases.filter { $0.disposal == .anonymise } == [.closedConcerns, .surveyFreeText])
        for kind in RetainedRecords.allCases { #expect(!kind.whatHappens.isEmpty && !kind.countedFrom.isEmpty) }
    }
}

@Suite("A concern's free text removed under the retention policy")
struct ConcernRetentionTests {
    typealias F = ConcernFixtures

    @Test("every text people wrote is removed from the timeline; steps, days and authors stay")
    func removesText() throws {
        var concern = F.received()
        let day = F.monday
        _ = try concern.acknowledge(by: "handler-alice", on: day)
        _ = try concern.addInternalNote("SECRET-note", by: "handler-alice", on: day)
        _ = try concern.messageReporter("SECRET-to", by: "handler-alice", on: day)
        _ = try concern.receiveReporterMessage("SECRET-from", on: day)
        _ = try concern.transfer(to: .guardian("RJ1"), reason: "SECRET-transfer", by: "handler-alice", on: day)
        _ = try concern.acknowledge(by: "guardian-carol", on: day)
        _ = try concern.resolve(outcome: "SECRET-outcome", by: "guardian-carol", on: day)
        _ = try concern.recordFeedback(rating: 4, comment: "SECRET-feedback", on: day)
        _ = try concern.escalate(by: .reporter, reason: "SECRET-escalate", on: day)
        let redacted = concern.timeline.map(\.withoutFreeText)
        let dump = String(reflecting: redacted.map(\.kind))
        #expect(!dump.contains("SECRET"))
        #expect(redacted.map(\.kind.name) == concern.timeline.map(\.kind.name))
        #expect(redacted.map(\.author) == concern.timeline.map(\.author))
        #expect(redacted.map(\.day) == concern.timeline.map(\.day))
        // The redacted timeline still rebuilds the same case.
        let restored = try Concern.restore(reference: concern.reference, submission: concern.submission,
                                           submittedOn: concern.submittedOn, timeline: redacted)
        #expect(restored.status == concern.status && restored.pathway == concern.pathway)
    }

    @Test("an escalation or feedback given without text stays without")
    func keepsAbsentText() throws {
        var concern = F.received()
        _ = try concern.escalate(by: .handler(userID: "h"), reason: nil, on: F.monday)
        let kinds = concern.timeline.map(\.withoutFreeText.kind)
        #expect(kinds == concern.timeline.map(\.kind))
    }

    @Test("the closing day is that of the last closing, and none while open")
    func closedOn() throws {
        #expect(F.concern(in: .resolved).closedOn == nil)
        #expect(F.concern(in: .closed, on: F.monday).closedOn == F.monday)
    }
}
