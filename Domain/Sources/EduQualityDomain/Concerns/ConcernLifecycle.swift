import Foundation

/// The concern state machine: received → acknowledged → in progress → resolved → closed, with
/// escalated and transferred as arrivals at a new body. Each method checks the transition against
/// `ConcernEvent.isAllowed(from:)` and its own conditions, appends one timeline entry and returns
/// it with the audit event. Nothing else changes a concern.
extension Concern {
    /// A new concern, at the body its submission's pathway routes it to (or its region's quality
    /// team when that body has no handlers in `staffing`, see `ConcernRouting`), with clocks
    /// starting on `day`. Throws only when pathway 2 was chosen without an education provider,
    /// which `NewConcernForm` already refuses.
    public static func receive(_ submission: ConcernSubmission, reference: ConcernReference,
                               on day: CalendarDay, clocks: ConcernClocks = .standard,
                               staffing: ConcernStaffing = .assumeStaffed)
        throws(ConcernChangeError) -> (concern: Concern, change: ConcernChange)
    {
        guard let body = submission.handlingBody(at: submission.pathway) else { throw .educationProviderUnknown }
        var concern = Concern(reference: reference, submission: submission, submittedOn: day)
        let route = ConcernRouting.route(body, region: submission.placement.region, staffing: staffing)
        let stage = ConcernStage(pathway: submission.pathway, route: route, startedOn: day, clocks: clocks)
        let flagged = needsSafetyFlag(submission.category, at: submission.pathway)
        let change = concern.record(.received(stage, safetyFlagged: flagged), by: .system, on: day,
                                    action: "concern.receive", before: nil,
                                    after: concern.auditFields(status: .received, stage: stage, extra: [
                                        "category": submission.category.rawValue,
                                        "howRaised": submission.howRaised.rawValue,
                                        "safetyFlagged": String(flagged),
                                    ]))
        return (concern, change)
    }

    // MARK: Handlers' transitions

    public mutating func acknowledge(by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try statusChange(.acknowledge, to: .acknowledged, kind: .acknowledged, by: handler, on: day)
    }

    public mutating func startWork(by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try statusChange(.startWork, to: .inProgress, kind: .workStarted, by: handler, on: day)
    }

    /// Resolves the case with an outcome the reporter will read.
    public mutating func resolve(outcome: String, by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(.resolve)
        let text = try Self.text(outcome)
        return try statusChange(.resolve, to: .resolved, kind: .resolved(outcome: text), by: handler, on: day)
    }

    /// Back to work after a resolution (the reporter added something, or the outcome fell through).
    /// The response clock of the stage keeps its original date.
    public mutating func reopen(by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try statusChange(.reopen, to: .inProgress, kind: .reopened, by: handler, on: day)
    }

    public mutating func close(by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try statusChange(.close, to: .closed, kind: .closed, by: handler, on: day)
    }

    /// Moves the case to the next pathway and its body, with its whole timeline, new clocks from
    /// `day`, and no assignee (the old one belongs to the old body).
    /// A handler may escalate at any time before the case is closed. The reporter may escalate an
    /// unresolved case once its response date has passed, a resolved case whose outcome does not
    /// satisfy them, or, at any time, a case for which they say why this pathway is not
    /// appropriate (the person handling it is part of the problem, say): the reason is then
    /// required. `educationProvider` supplies the pathway-2 body when none is known yet; a body
    /// without handlers in `staffing` is stood in for by the region's quality team.
    public mutating func escalate(by requester: EscalationRequester, reason: String? = nil, on day: CalendarDay,
                                  educationProvider: String? = nil, clocks: ConcernClocks = .standard,
                                  staffing: ConcernStaffing = .assumeStaffed)
        throws(ConcernChangeError) -> ConcernChange
    {
        try check(.escalate)
        guard let next = pathway.next else { throw .noFurtherPathway }
        let why = try reason.flatMap { text throws(ConcernChangeError) in try Self.optionalText(text) }
        let trigger: EscalationTrigger
        if requester != .reporter {
            trigger = .handler
        } else if status == .resolved {
            trigger = .outcomeNotSatisfactory
        } else if day > currentStage.respondBy {
            trigger = .noOutcomeInTime
        } else if why != nil {
            trigger = .pathwayNotAppropriate
        } else {
            throw .reporterMayNotEscalateYet(respondBy: currentStage.respondBy)
        }
        let provider = NewConcernForm.clean(educationProvider) ?? self.educationProvider
        let body: HandlingBody
        switch next {
        case .placementProvider: preconditionFailure("pathway 1 is never the next pathway")
        case .educationProvider:
            guard let provider else { throw .educationProviderUnknown }
            body = .organisation(provider, site: nil)
        case .regionalQualityTeam:
            body = .region(submission.placement.region)
        }
        let route = ConcernRouting.route(body, region: submission.placement.region, staffing: staffing)
        let stage = ConcernStage(pathway: next, route: route, startedOn: day, clocks: clocks)
        let flagged = !isSafetyFlagged && Self.needsSafetyFlag(category, at: next)
        let before = auditFields(status: status, stage: currentStage)
        return record(.escalated(stage, from: pathway, by: requester, reason: why, safetyFlagged: flagged),
                      by: requester.author, on: day, action: "concern.escalate", before: before,
                      after: auditFields(status: .escalated, stage: stage, extra: [
                          "requestedBy": requester == .reporter ? "reporter" : "handler",
                          "trigger": trigger.rawValue,
                          "safetyFlagged": String(flagged || isSafetyFlagged),
                      ]))
    }

    /// Hands the case to another body on the same pathway (a different site, the organisation's
    /// guardians, another region), with its whole timeline and new clocks from `day`.
    public mutating func transfer(to body: HandlingBody, reason: String, by handler: String, on day: CalendarDay,
                                  clocks: ConcernClocks = .standard) throws(ConcernChangeError) -> ConcernChange {
        try check(.transfer)
        guard body != handlingBody else { throw .sameHandlingBody }
        guard body.servesConcerns(at: pathway) else { throw .handlingBodyNotOnPathway(pathway) }
        let why = try Self.text(reason)
        let stage = ConcernStage(pathway: pathway, handlingBody: body, startedOn: day, clocks: clocks)
        let before = auditFields(status: status, stage: currentStage)
        return record(.transferred(stage, from: handlingBody, reason: why), by: .handler(userID: handler), on: day,
                      action: "concern.transfer", before: before, after: auditFields(status: .transferred, stage: stage))
    }

    // MARK: Case work that leaves the status alone

    public mutating func messageReporter(_ message: String, by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(.messageReporter)
        return record(.messageToReporter(try Self.text(message)), by: .handler(userID: handler), on: day,
                      action: "concern.message-reporter")
    }

    /// The reporter replies or adds information (through the receipt code or their account).
    public mutating func receiveReporterMessage(_ message: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(.receiveReporterMessage)
        return record(.messageFromReporter(try Self.text(message)), by: .reporter, on: day,
                      action: "concern.receive-reporter-message")
    }

    /// A note for the handlers only; never shown to the reporter.
    public mutating func addInternalNote(_ note: String, by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(.addInternalNote)
        return record(.internalNote(try Self.text(note)), by: .handler(userID: handler), on: day,
                      action: "concern.add-internal-note")
    }

    /// Assigns the case to a colleague (their user ID), or unassigns it with nil. That the colleague
    /// works on this queue is for the caller to check with `Authorization`.
    public mutating func assign(to colleague: String?, by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(.assign)
        let target = NewConcernForm.clean(colleague)
        guard target != assignee else { throw .unchanged }
        return record(.assigned(to: target), by: .handler(userID: handler), on: day, action: "concern.assign",
                      before: ["assignee": assignee ?? ""], after: ["assignee": target ?? ""])
    }

    public mutating func addLabel(_ label: String, by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(.addLabel)
        let cleaned = try Self.label(label)
        guard !labels.contains(cleaned) else { throw .unchanged }
        return record(.labelAdded(cleaned), by: .handler(userID: handler), on: day, action: "concern.add-label",
                      after: ["label": cleaned])
    }

    public mutating func removeLabel(_ label: String, by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(.removeLabel)
        let cleaned = try Self.label(label)
        guard labels.contains(cleaned) else { throw .unchanged }
        return record(.labelRemoved(cleaned), by: .handler(userID: handler), on: day, action: "concern.remove-label",
                      before: ["label": cleaned])
    }

    // MARK: The reporter's own changes

    /// The reporter's view of how the concern was handled: a rating from 1 (very poor) to 5 (very
    /// good) and an optional comment. Possible once there is an outcome, also after closure.
    public mutating func recordFeedback(rating: Int, comment: String?, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(.recordFeedback)
        guard (1...5).contains(rating) else { throw .ratingOutOfRange }
        let text = try comment.flatMap { c throws(ConcernChangeError) in try Self.optionalText(c) }
        return record(.feedback(rating: rating, comment: text), by: .reporter, on: day,
                      action: "concern.record-feedback", after: ["rating": String(rating)])
    }

    /// A confidential reporter agrees that their name may be shared with the bodies that handle the
    /// case after the first one.
    public mutating func grantNameSharingConsent(on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(.grantNameSharingConsent)
        guard howRaised == .confidential else { throw .notConfidential }
        guard !nameSharingConsent else { throw .unchanged }
        return record(.nameSharingConsentGiven, by: .reporter, on: day, action: "concern.grant-name-sharing-consent",
                      before: ["nameSharingConsent": "false"], after: ["nameSharingConsent": "true"])
    }

    // MARK: Rebuilding a stored concern

    /// Rebuilds a concern from its submission and stored timeline by replaying every entry through
    /// the legality table, so a stored status can never be set by hand. Refuses a timeline that
    /// does not start with `received`, skips a sequence number, or breaks a transition.
    public static func restore(reference: ConcernReference, submission: ConcernSubmission, submittedOn: CalendarDay,
                               timeline: [ConcernTimelineEntry]) throws(ConcernChangeError) -> Concern {
        var concern = Concern(reference: reference, submission: submission, submittedOn: submittedOn)
        for (index, entry) in timeline.enumerated() {
            guard entry.sequence == index else { throw .corruptTimeline(sequence: index) }
            if case .received = entry.kind {
                guard index == 0 else { throw .corruptTimeline(sequence: index) }
            } else {
                guard index > 0, let event = entry.kind.event, event.isAllowed(from: concern.status) else {
                    throw .corruptTimeline(sequence: index)
                }
            }
            concern.apply(entry)
        }
        guard !concern.stages.isEmpty else { throw .corruptTimeline(sequence: 0) }
        return concern
    }

    // MARK: Internals

    private func check(_ event: ConcernEvent) throws(ConcernChangeError) {
        guard event.isAllowed(from: status) else { throw .notAllowed(event, from: status) }
    }

    private mutating func statusChange(_ event: ConcernEvent, to newStatus: ConcernStatus, kind: ConcernTimelineEntry.Kind,
                                       by handler: String, on day: CalendarDay) throws(ConcernChangeError) -> ConcernChange {
        try check(event)
        let before = ["status": status.rawValue]
        return record(kind, by: .handler(userID: handler), on: day, action: "concern.\(event.rawValue)",
                      before: before, after: ["status": newStatus.rawValue])
    }

    /// Appends the entry, applies it, and describes it for the audit log. Audit fields never carry
    /// the text of a message, note or outcome, nor anything about the reporter.
    private mutating func record(_ kind: ConcernTimelineEntry.Kind, by author: TimelineAuthor, on day: CalendarDay,
                                 action: String, before: [String: String]? = nil,
                                 after: [String: String]? = nil) -> ConcernChange {
        let entry = ConcernTimelineEntry(sequence: timeline.count, day: day, author: author, kind: kind)
        apply(entry)
        var fields = after ?? [:]
        fields["timelineEntry"] = String(entry.sequence)
        fields["entryKind"] = kind.name
        return ConcernChange(audit: AuditEvent(action: action, entityType: "concern", entityID: reference.value,
                                               before: before, after: fields),
                             entry: entry)
    }

    /// The one place state follows from an entry: used when recording and when restoring.
    private mutating func apply(_ entry: ConcernTimelineEntry) {
        timeline.append(entry)
        switch entry.kind {
        case .received(let stage, let flagged):
            status = .received
            stages = [stage]
            if flagged { safetyFlaggedOn = entry.day }
        case .acknowledged:
            status = .acknowledged
            stages[stages.count - 1].acknowledgedOn = entry.day
        case .workStarted:
            status = .inProgress
        case .resolved:
            status = .resolved
            stages[stages.count - 1].resolvedOn = entry.day
        case .reopened:
            status = .inProgress
            stages[stages.count - 1].resolvedOn = nil
        case .closed:
            status = .closed
        case .escalated(let stage, _, _, _, let flagged):
            status = .escalated
            stages.append(stage)
            assignee = nil
            // The provider chosen is kept even when the regional team stands in for it.
            if case .organisation(let code, site: nil) = stage.rerouting?.intended ?? stage.handlingBody,
               stage.pathway == .educationProvider {
                educationProvider = code
            }
            if flagged { safetyFlaggedOn = entry.day }
        case .transferred(let stage, _, _):
            status = .transferred
            stages.append(stage)
            assignee = nil
        case .assigned(let colleague):
            assignee = colleague
        case .labelAdded(let label):
            labels.insert(label)
        case .labelRemoved(let label):
            labels.remove(label)
        case .nameSharingConsentGiven:
            nameSharingConsent = true
        case .messageToReporter, .messageFromReporter, .internalNote, .feedback:
            break
        }
    }

    func auditFields(status: ConcernStatus, stage: ConcernStage, extra: [String: String] = [:]) -> [String: String] {
        var fields = extra
        fields["status"] = status.rawValue
        fields["pathway"] = String(stage.pathway.rawValue)
        fields["handlingBody"] = stage.handlingBody.concernAuditText
        fields["acknowledgeBy"] = stage.acknowledgeBy.iso
        fields["respondBy"] = stage.respondBy.iso
        if let rerouting = stage.rerouting {
            fields["reroutedFrom"] = rerouting.intended.concernAuditText
            fields["reroutedBecause"] = rerouting.reason.rawValue
        }
        return fields
    }

    static func text(_ raw: String) throws(ConcernChangeError) -> String {
        guard let text = NewConcernForm.clean(raw) else { throw .emptyText }
        guard text.count <= maxTextLength else { throw .textTooLong(limit: maxTextLength) }
        return text
    }

    static func optionalText(_ raw: String) throws(ConcernChangeError) -> String? {
        NewConcernForm.clean(raw) == nil ? nil : try text(raw)
    }

    static func label(_ raw: String) throws(ConcernChangeError) -> String {
        guard let text = NewConcernForm.clean(raw), text.count <= maxLabelLength,
              !text.contains(where: \.isNewline) else { throw .invalidLabel }
        return text
    }
}

extension ConcernTimelineEntry.Kind {
    /// The event an entry records; nil for `received`, which only starts a timeline.
    var event: ConcernEvent? {
        switch self {
        case .received: nil
        case .acknowledged: .acknowledge
        case .workStarted: .startWork
        case .resolved: .resolve
        case .reopened: .reopen
        case .closed: .close
        case .escalated: .escalate
        case .transferred: .transfer
        case .messageToReporter: .messageReporter
        case .messageFromReporter: .receiveReporterMessage
        case .internalNote: .addInternalNote
        case .assigned: .assign
        case .labelAdded: .addLabel
        case .labelRemoved: .removeLabel
        case .feedback: .recordFeedback
        case .nameSharingConsentGiven: .grantNameSharingConsent
        }
    }
}
