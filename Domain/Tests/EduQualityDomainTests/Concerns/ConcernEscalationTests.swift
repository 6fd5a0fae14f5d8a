import Testing
@testable import EduQualityDomain

@Suite("Concern escalation, transfer and routing")
struct ConcernEscalationTests {
    typealias F = ConcernFixtures

    @Test("a new concern goes to the body its pathway names")
    func routing() {
        #expect(F.received(F.submission(pathway: .placementProvider)).handlingBody == .organisation("RJ1", site: "RJ1-01"))
        #expect(F.received(F.submission(pathway: .placementProvider, site: nil)).handlingBody == .organisation("RJ1", site: nil))
        #expect(F.received(F.submission(pathway: .educationProvider)).handlingBody == .organisation("UNI1", site: nil))
        #expect(F.received(F.submission(pathway: .regionalQualityTeam)).handlingBody == .region("LDN"))
        #expect(F.received(F.submission(recipient: .guardian)).handlingBody == .guardian("RJ1"))
    }

    @Test("a new concern's clocks run from its day: acknowledge in 2 and respond in 20 working days")
    func clocksOnReceipt() {
        let concern = F.received(on: F.day("2026-03-06")) // a Friday
        #expect(concern.currentStage.acknowledgeBy == F.day("2026-03-10"))
        #expect(concern.currentStage.respondBy == F.day("2026-04-06").adding(days: 1)) // Easter Monday skipped
        #expect(concern.status == .received)
    }

    @Test("escalation keeps the whole history, moves to the next body and restarts the clocks")
    func escalationKeepsHistory() throws {
        // setup: a case with messages, a note and an assignee at pathway 1
        var concern = F.concern(in: .inProgress)
        let day = F.monday
        _ = try concern.messageReporter("Which shifts?", by: "h1", on: day)
        _ = try concern.receiveReporterMessage("Nights, all of March.", on: day)
        _ = try concern.addInternalNote("Rota manager on leave.", by: "h1", on: day)
        _ = try concern.assign(to: "h1", by: "h1", on: day)
        let history = concern.timeline
        let escalationDay = F.day("2026-03-16")
        // MUT
        let change = try concern.escalate(by: .handler(userID: "h1"), reason: "Needs the school's view", on: escalationDay)
        // validate
        #expect(Array(concern.timeline.prefix(history.count)) == history)
        #expect(concern.timeline.count == history.count + 1)
        #expect(concern.status == .escalated)
        #expect(concern.pathway == .educationProvider)
        #expect(concern.handlingBody == .organisation("UNI1", site: nil))
        #expect(concern.stages.count == 2)
        #expect(concern.stages[0].handlingBody == .organisation("RJ1", site: "RJ1-01"))
        #expect(concern.currentStage.startedOn == escalationDay)
        #expect(concern.currentStage.acknowledgeBy == F.day("2026-03-18"))
        #expect(concern.currentStage.respondBy == F.day("2026-04-15")) // 20 working days, Easter skipped
        #expect(concern.currentStage.acknowledgedOn == nil)
        #expect(concern.assignee == nil, "the old body's assignee does not follow the case")
        #expect(concern.labels == ["urgent"])
        #expect(change.audit.action == "concern.escalate")
        #expect(change.audit.before?["pathway"] == "1")
        #expect(change.audit.after?["pathway"] == "2")
        #expect(change.audit.after?["handlingBody"] == "organisation:UNI1")
        #expect(change.audit.after?["requestedBy"] == "handler")
    }

    @Test("the reporter may escalate an unresolved case only after its response date")
    func reporterEscalatesWhenOverdue() throws {
        var concern = F.concern(in: .inProgress)
        let respondBy = concern.currentStage.respondBy
        #expect(throws: ConcernChangeError.reporterMayNotEscalateYet(respondBy: respondBy)) {
            try concern.escalate(by: .reporter, on: F.monday)
        }
        #expect(throws: ConcernChangeError.reporterMayNotEscalateYet(respondBy: respondBy)) {
            try concern.escalate(by: .reporter, on: respondBy)
        }
        #expect(!concern.reporterMayEscalate(on: respondBy))
        #expect(concern.reporterMayEscalate(on: respondBy.adding(days: 1)))
        let change = try concern.escalate(by: .reporter, reason: "No reply", on: respondBy.adding(days: 1))
        #expect(concern.pathway == .educationProvider)
        #expect(change.entry.author == .reporter)
        #expect(change.audit.after?["requestedBy"] == "reporter")
    }

    @Test("the reporter may escalate a resolved case at once when not satisfied, but not a closed one")
    func reporterEscalatesAfterOutcome() throws {
        var resolved = F.concern(in: .resolved)
        #expect(resolved.reporterMayEscalate(on: F.monday))
        _ = try resolved.escalate(by: .reporter, reason: "The rota has not changed", on: F.monday)
        #expect(resolved.status == .escalated)

        var closed = F.concern(in: .closed)
        #expect(!closed.reporterMayEscalate(on: F.day("2027-01-01")))
        #expect(throws: ConcernChangeError.notAllowed(.escalate, from: .closed)) {
            try closed.escalate(by: .reporter, on: F.day("2027-01-01"))
        }
    }

    @Test("a handler may escalate at any status before closed")
    func handlerEscalatesAnyTime() throws {
        for status in ConcernStatus.allCases where status != .closed {
            var concern = F.concern(in: status)
            let from = concern.pathway
            _ = try concern.escalate(by: .handler(userID: "h"), on: F.monday)
            #expect(concern.pathway == from.next, "\(status)")
        }
    }

    @Test("pathway 3 is the last: nobody can escalate further")
    func noFurtherPathway() {
        var concern = F.received(F.submission(pathway: .regionalQualityTeam))
        #expect(throws: ConcernChangeError.noFurtherPathway) { try concern.escalate(by: .handler(userID: "h"), on: F.monday) }
        #expect(throws: ConcernChangeError.noFurtherPathway) {
            try concern.escalate(by: .reporter, on: concern.currentStage.respondBy.adding(days: 1))
        }
        #expect(!concern.reporterMayEscalate(on: F.day("2027-01-01")))
    }

    @Test("escalating to pathway 2 needs the education provider, which the escalation can supply")
    func educationProviderNeeded() throws {
        var concern = F.received(F.submission(educationProvider: nil))
        #expect(throws: ConcernChangeError.educationProviderUnknown) {
            try concern.escalate(by: .handler(userID: "h"), on: F.monday)
        }
        _ = try concern.escalate(by: .handler(userID: "h"), on: F.monday, educationProvider: "UNI7")
        #expect(concern.handlingBody == .organisation("UNI7", site: nil))
        #expect(concern.educationProvider == "UNI7")
    }

    @Test("a concern sent to the guardian escalates to the education provider, then the region")
    func guardianRoute() throws {
        var concern = F.received(F.submission(recipient: .guardian))
        _ = try concern.escalate(by: .handler(userID: "g"), on: F.monday)
        #expect(concern.handlingBody == .organisation("UNI1", site: nil))
        _ = try concern.escalate(by: .handler(userID: "u"), on: F.monday)
        #expect(concern.handlingBody == .region("LDN"))
    }

    @Test("a safety concern at pathway 3 is flagged to the regional quality team at once",
          arguments: ConcernCategory.allCases)
    func safetyFlagOnReceipt(category: ConcernCategory) {
        let flaggedByHand: Set<ConcernCategory> = [.patientSafety, .bullyingHarassmentUndermining, .discrimination, .sexualSafety]
        let atThree = F.received(F.submission(category: category, pathway: .regionalQualityTeam))
        #expect(atThree.isSafetyFlagged == flaggedByHand.contains(category))
        #expect(atThree.regionalSafetyVisibility == (flaggedByHand.contains(category) ? "LDN" : nil))
        let atOne = F.received(F.submission(category: category, pathway: .placementProvider))
        #expect(!atOne.isSafetyFlagged, "the flag is for pathway 3")
    }

    @Test("escalating a safety concern to pathway 3 flags it, and a transfer keeps the flag")
    func safetyFlagOnEscalation() throws {
        var concern = F.received(F.submission(category: .sexualSafety, pathway: .educationProvider))
        #expect(!concern.isSafetyFlagged)
        let day = F.day("2026-03-10")
        let change = try concern.escalate(by: .handler(userID: "h"), on: day)
        #expect(concern.safetyFlaggedOn == day)
        #expect(change.audit.after?["safetyFlagged"] == "true")
        _ = try concern.transfer(to: .region("SE"), reason: "Placement is in the South East", by: "h", on: day)
        #expect(concern.isSafetyFlagged)
        #expect(concern.regionalSafetyVisibility == "LDN")
    }

    @Test("a transfer keeps the history and the pathway, restarts the clocks, and stays on the pathway")
    func transfer() throws {
        var concern = F.concern(in: .acknowledged)
        let history = concern.timeline
        let day = F.day("2026-03-20")
        #expect(throws: ConcernChangeError.sameHandlingBody) {
            try concern.transfer(to: .organisation("RJ1", site: "RJ1-01"), reason: "x", by: "h", on: day)
        }
        #expect(throws: ConcernChangeError.handlingBodyNotOnPathway(.placementProvider)) {
            try concern.transfer(to: .region("LDN"), reason: "x", by: "h", on: day)
        }
        #expect(throws: ConcernChangeError.emptyText) {
            try concern.transfer(to: .guardian("RJ1"), reason: " ", by: "h", on: day)
        }
        _ = try concern.transfer(to: .guardian("RJ1"), reason: "Better with the guardian", by: "h", on: day)
        #expect(Array(concern.timeline.prefix(history.count)) == history)
        #expect(concern.status == .transferred)
        #expect(concern.pathway == .placementProvider)
        #expect(concern.handlingBody == .guardian("RJ1"))
        #expect(concern.currentStage.startedOn == day)
        #expect(concern.currentStage.acknowledgeBy == F.day("2026-03-24"))
    }

    @Test("pathway 2 transfers go to a whole organisation, pathway 3 transfers to a region")
    func transferTargets() throws {
        var two = F.received(F.submission(pathway: .educationProvider))
        #expect(throws: ConcernChangeError.handlingBodyNotOnPathway(.educationProvider)) {
            try two.transfer(to: .organisation("UNI2", site: "S1"), reason: "x", by: "h", on: F.monday)
        }
        _ = try two.transfer(to: .organisation("UNI2", site: nil), reason: "Other school", by: "h", on: F.monday)
        var three = F.received(F.submission(pathway: .regionalQualityTeam))
        #expect(throws: ConcernChangeError.handlingBodyNotOnPathway(.regionalQualityTeam)) {
            try three.transfer(to: .organisation("RJ1", site: nil), reason: "x", by: "h", on: F.monday)
        }
    }

    @Test("a confidential reporter's name stays with the first body unless they consent")
    func confidentialNameAfterEscalation() throws {
        var concern = F.received()
        guard case .named(let identity, .confidential) = concern.reporterAsSeenByHandlers else {
            Issue.record("the first body sees the name"); return
        }
        #expect(identity.name == "Sam Reporter")
        _ = try concern.escalate(by: .handler(userID: "h"), on: F.monday)
        #expect(concern.reporterAsSeenByHandlers == .nameWithheld)
        _ = try concern.grantNameSharingConsent(on: F.monday)
        #expect(concern.reporterAsSeenByHandlers == .named(identity, howRaised: .confidential))
        #expect(F.received(F.submission(reporter: .anonymous)).reporterAsSeenByHandlers == .anonymous)
    }

    @Test("overdue: acknowledgement from the day after it is due, response likewise; closed never")
    func overdue() throws {
        var concern = F.received() // acknowledge by 4 March, respond by 30 March
        #expect(concern.overdue(on: F.day("2026-03-04")) == .onTime)
        #expect(concern.overdue(on: F.day("2026-03-05")) == OverdueStatus(acknowledgement: true, response: false))
        #expect(concern.overdue(on: F.day("2026-03-31")) == OverdueStatus(acknowledgement: true, response: true))
        _ = try concern.acknowledge(by: "h", on: F.day("2026-03-05"))
        #expect(concern.overdue(on: F.day("2026-03-30")) == .onTime)
        #expect(concern.overdue(on: F.day("2026-03-31")) == OverdueStatus(acknowledgement: false, response: true))
        _ = try concern.resolve(outcome: "Done.", by: "h", on: F.day("2026-04-01"))
        #expect(!concern.overdue(on: F.day("2026-05-01")).isOverdue)
        _ = try concern.reopen(by: "h", on: F.day("2026-04-02"))
        #expect(concern.overdue(on: F.day("2026-04-02")).response, "reopening keeps the stage's response date")
        _ = try concern.resolve(outcome: "Done again.", by: "h", on: F.day("2026-04-03"))
        _ = try concern.close(by: "h", on: F.day("2026-04-03"))
        #expect(!concern.overdue(on: F.day("2026-05-01")).isOverdue)
    }

    @Test("a stored timeline replays to the same concern, and a tampered one is refused")
    func restore() throws {
        var concern = F.concern(in: .resolved)
        _ = try concern.escalate(by: .reporter, on: F.monday)
        _ = try concern.addInternalNote("n", by: "h", on: F.monday)
        _ = try concern.assign(to: "h2", by: "h", on: F.monday)
        let restored = try Concern.restore(reference: concern.reference, submission: concern.submission,
                                           submittedOn: concern.submittedOn, timeline: concern.timeline)
        #expect(restored == concern)

        // Closing straight after receipt is not a legal path.
        let received = F.received()
        let forged = received.timeline + [ConcernTimelineEntry(sequence: 1, day: F.monday, author: .handler(userID: "x"), kind: .closed)]
        #expect(throws: ConcernChangeError.corruptTimeline(sequence: 1)) {
            try Concern.restore(reference: received.reference, submission: received.submission,
                                submittedOn: received.submittedOn, timeline: forged)
        }
        #expect(throws: ConcernChangeError.corruptTimeline(sequence: 0)) {
            try Concern.restore(reference: received.reference, submission: received.submission,
                                submittedOn: received.submittedOn, timeline: [])
        }
        let gap = [received.timeline[0], ConcernTimelineEntry(sequence: 2, day: F.monday, author: .reporter, kind: .messageFromReporter("x"))]
        #expect(throws: ConcernChangeError.corruptTimeline(sequence: 1)) {
            try Concern.restore(reference: received.reference, submission: received.submission,
                                submittedOn: received.submittedOn, timeline: gap)
        }
    }

    @Test("logging a concern shows no text and no name")
    func redactedDescriptions() {
        let concern = F.received()
        for text in [String(describing: concern), String(reflecting: concern), String(describing: concern.submission),
                     String(describing: concern.timeline), String(describing: concern.reporterView(on: F.monday)),
                     String(describing: NewConcernForm(reporterName: "Sam Reporter"))] {
            #expect(!text.contains("Sam"), "\(text)")
            #expect(!text.contains("night shift"), "\(text)")
        }
    }

    @Test("the reporter may escalate at once when the pathway is not appropriate, with a reason",
          arguments: [ConcernStatus.received, .acknowledged, .inProgress])
    func pathwayNotAppropriate(status: ConcernStatus) throws {
        var concern = F.concern(in: status)
        #expect(concern.reporterMayEscalateWithReason)
        #expect(!concern.reporterMayEscalate(on: F.monday), "no existing trigger applies yet")
        // a blank reason is no reason
        #expect(throws: ConcernChangeError.reporterMayNotEscalateYet(respondBy: concern.currentStage.respondBy)) {
            try concern.escalate(by: .reporter, reason: "   ", on: F.monday)
        }
        // MUT
        let change = try concern.escalate(by: .reporter, reason: "The person handling it is part of the problem",
                                          on: F.monday)
        // validate: the next pathway, new clocks from today, the trigger and reason recorded
        #expect(concern.pathway == .educationProvider)
        #expect(concern.currentStage.startedOn == F.monday)
        #expect(change.audit.after?["trigger"] == "pathway-not-appropriate")
        #expect(change.audit.after?["requestedBy"] == "reporter")
        if case .escalated(_, _, let by, let reason, _) = change.entry.kind {
            #expect(by == .reporter && reason == "The person handling it is part of the problem")
        } else {
            Issue.record("an escalation entry on the timeline")
        }
    }

    @Test("each escalation records what triggered it")
    func triggers() throws {
        var overdue = F.concern(in: .inProgress)
        let late = overdue.currentStage.respondBy.adding(days: 1)
        #expect(try overdue.escalate(by: .reporter, reason: "Still nothing", on: late).audit.after?["trigger"] == "no-outcome-in-time")
        var resolved = F.concern(in: .resolved)
        #expect(try resolved.escalate(by: .reporter, on: F.monday).audit.after?["trigger"] == "outcome-not-satisfactory")
        var handled = F.concern(in: .inProgress)
        #expect(try handled.escalate(by: .handler(userID: "h"), on: F.monday).audit.after?["trigger"] == "handler")
    }

    @Test("a closed case, or one at the last pathway, cannot be escalated even with a reason")
    func noReasonOpensClosedDoors() {
        var closed = F.concern(in: .closed)
        #expect(!closed.reporterMayEscalateWithReason)
        #expect(throws: ConcernChangeError.self) { try closed.escalate(by: .reporter, reason: "Not appropriate", on: F.monday) }
    }
}
