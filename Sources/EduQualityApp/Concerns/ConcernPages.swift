import EduQualityDomain
import Foundation

/// Page models for concerns, built from domain values so templates only print.
struct TimelineLine: Encodable {
    /// As people read it ("31 December 2026").
    let day: String
    /// As the API gives it (YYYY-MM-DD).
    let isoDay: String
    let who: String
    let what: String
    var text: String? = nil
    /// Internal notes are marked so handlers never mistake them for messages the reporter saw.
    var isInternal = false

    init(day: CalendarDay, who: String, what: String, text: String? = nil, isInternal: Bool = false) {
        self.day = day.longDescription
        isoDay = day.iso
        self.who = who
        self.what = what
        self.text = text
        self.isInternal = isInternal
    }
}

struct ReporterCase: Encodable {
    let reference: String
    let submittedOn: String
    let howRaised: String
    let category: String
    let status: String
    let pathway: String
    let pathwayNumber: Int
    let respondBy: String
    /// False once there is an outcome or the case is closed: nothing more to expect by a date.
    let awaitsOutcome: Bool
    /// When and how the concern can be taken to the next pathway.
    let escalation: String
    let whatHappened: String
    let desiredOutcome: String?
    let canEscalate: Bool
    let canEscalateWithReason: Bool
    let canGiveFeedback: Bool
    let canMessage: Bool
    let needsEducationProvider: Bool
    let nextPathway: String?
    let handledBy: ConcernHandledBy
    let lines: [TimelineLine]

    init(_ view: ConcernReporterView, concern: Concern, regionNames: [String: String]) {
        reference = view.reference.value
        submittedOn = view.submittedOn.longDescription
        howRaised = view.howRaised.displayName
        category = view.category.displayName
        status = view.status.displayName
        pathway = view.pathway.title
        pathwayNumber = view.pathway.rawValue
        respondBy = view.respondBy.longDescription
        awaitsOutcome = view.status != .resolved && view.status != .closed
        escalation = ConcernEscalationGuidance.sentence(view)
        whatHappened = view.whatHappened
        desiredOutcome = view.desiredOutcome
        canEscalate = view.canEscalate
        canEscalateWithReason = view.canEscalateWithReason
        canGiveFeedback = view.canGiveFeedback
        canMessage = ConcernEvent.receiveReporterMessage.isAllowed(from: view.status)
        needsEducationProvider = view.pathway == .placementProvider && concern.educationProvider == nil
        nextPathway = view.pathway.next?.title
        handledBy = ConcernHandledBy(view, regionNames: regionNames)
        lines = view.entries.map { e in
            let day = e.day
            return switch e.kind {
            case .received(let p): TimelineLine(day: day, who: "EduQuality", what: "Received at \(p.title.lowercased())")
            case .acknowledged: TimelineLine(day: day, who: "The team handling your concern", what: "Acknowledged")
            case .workStarted: TimelineLine(day: day, who: "The team handling your concern", what: "Started looking into it")
            case .outcome(let text): TimelineLine(day: day, who: "The team handling your concern", what: "Outcome", text: text)
            case .reopened: TimelineLine(day: day, who: "The team handling your concern", what: "Reopened")
            case .closed: TimelineLine(day: day, who: "The team handling your concern", what: "Closed")
            case .escalated(let to, let byYou):
                TimelineLine(day: day, who: byYou ? "You" : "The team handling your concern", what: "Escalated to \(to.title.lowercased())")
            case .sentToRegionalTeam(let standIn):
                TimelineLine(day: day, who: "EduQuality", what: "Sent to \(ConcernRerouting.teamName(regionName: regionNames[standIn.region] ?? standIn.region)): \(standIn.explanation)")
            case .passedToAnotherTeam: TimelineLine(day: day, who: "The team handling your concern", what: "Passed to another team on the same pathway")
            case .messageFromHandlers(let text): TimelineLine(day: day, who: "The team handling your concern", what: "Message", text: text)
            case .yourMessage(let text): TimelineLine(day: day, who: "You", what: "Message", text: text)
            case .yourFeedback(let rating, let comment):
                TimelineLine(day: day, who: "You", what: "Feedback: \(rating) out of 5", text: comment)
            case .youConsentedToShareYourName: TimelineLine(day: day, who: "You", what: "Agreed that your name may be shared")
            }
        }
    }
}

struct HandlerCase: Encodable {
    let reference: String
    let submittedOn: String
    let howRaised: String
    let reporter: String
    let reporterEmail: String?
    let category: String
    let safetyFlagged: Bool
    let status: String
    let pathway: String
    let pathwayNumber: Int
    let handlingBody: String
    let organisation: String
    let site: String?
    let educationProvider: String?
    let acknowledgeBy: String
    let respondBy: String
    let overdue: String?
    let assignee: String?
    let labels: [String]
    let whatHappened: String
    let desiredOutcome: String?
    let lines: [TimelineLine]
    let stages: Int
    /// Set when this team stands in for a body with no handlers: the alert on the case page.
    let standIn: String?
    let reroutedFrom: String?

    init(_ c: Concern, today: CalendarDay, names: [String: String], places: ConcernPlaceNames) {
        let regionNames = places.regions
        reference = c.reference.value
        submittedOn = c.submittedOn.longDescription
        howRaised = c.howRaised.displayName
        switch c.reporterAsSeenByHandlers {
        case .anonymous: (reporter, reporterEmail) = ("Anonymous", nil)
        case .nameWithheld: (reporter, reporterEmail) = ("Confidential: name withheld at this pathway", nil)
        case .named(let identity, _): (reporter, reporterEmail) = (identity.name, identity.email)
        }
        category = c.category.displayName
        safetyFlagged = c.isSafetyFlagged
        status = c.status.displayName
        pathway = c.pathway.title
        pathwayNumber = c.pathway.rawValue
        handlingBody = places.team(c.handlingBody)
        organisation = places.organisation(c.submission.placement.organisation)
        site = c.submission.placement.site.map(places.site)
        educationProvider = c.educationProvider.map(places.organisation)
        acknowledgeBy = c.currentStage.acknowledgeBy.longDescription
        respondBy = c.currentStage.respondBy.longDescription
        let o = c.overdue(on: today)
        overdue = o.response ? "Response overdue" : o.acknowledgement ? "Acknowledgement overdue" : nil
        assignee = c.assignee.map { names[$0] ?? "a colleague" }
        labels = c.labels.sorted()
        whatHappened = c.submission.whatHappened
        desiredOutcome = c.submission.desiredOutcome
        stages = c.stages.count
        func rerouted(_ stage: ConcernStage) -> String? {
            guard let rerouting = stage.rerouting, case .region(let region) = stage.handlingBody else { return nil }
            return rerouting.timelineText(regionName: regionNames[region] ?? region)
        }
        let current = rerouted(c.currentStage)
        standIn = current.map { "This case was meant for \(places.team(c.currentStage.rerouting!.intended)) and was \($0). Handle it in their place, or transfer it once they have handlers." }
        reroutedFrom = c.currentStage.rerouting.map { places.team($0.intended) }
        lines = c.timeline.map { entry in
            let who: String = switch entry.author {
            case .reporter: "Reporter"
            case .system: "EduQuality"
            case .handler(let id): names[id] ?? "A handler"
            }
            let day = entry.day
            return switch entry.kind {
            case .received(let stage, let flagged):
                TimelineLine(day: day, who: who, what: "Received at \(stage.pathway.title.lowercased()) by \(places.team(stage.handlingBody))\(flagged ? " (safety: regional team informed)" : "")\(rerouted(stage).map { " — \($0)" } ?? "")")
            case .acknowledged: TimelineLine(day: day, who: who, what: "Acknowledged")
            case .workStarted: TimelineLine(day: day, who: who, what: "Work started")
            case .resolved(let outcome): TimelineLine(day: day, who: who, what: "Resolved", text: outcome)
            case .reopened: TimelineLine(day: day, who: who, what: "Reopened")
            case .closed: TimelineLine(day: day, who: who, what: "Closed")
            case .escalated(let stage, let from, _, let reason, _):
                TimelineLine(day: day, who: who, what: "Escalated from pathway \(from.rawValue) to \(stage.pathway.title.lowercased()), now with \(places.team(stage.handlingBody))\(rerouted(stage).map { " — \($0)" } ?? "")", text: reason)
            case .transferred(let stage, let from, let reason):
                TimelineLine(day: day, who: who, what: "Transferred from \(places.team(from)) to \(places.team(stage.handlingBody))", text: reason)
            case .messageToReporter(let text): TimelineLine(day: day, who: who, what: "Message to the reporter", text: text)
            case .messageFromReporter(let text): TimelineLine(day: day, who: who, what: "Message from the reporter", text: text)
            case .internalNote(let text): TimelineLine(day: day, who: who, what: "Internal note", text: text, isInternal: true)
            case .assigned(let to): TimelineLine(day: day, who: who, what: to.map { "Assigned to \(names[$0] ?? "a colleague")" } ?? "Unassigned")
            case .labelAdded(let label): TimelineLine(day: day, who: who, what: "Label added: \(label)")
            case .labelRemoved(let label): TimelineLine(day: day, who: who, what: "Label removed: \(label)")
            case .feedback(let rating, let comment): TimelineLine(day: day, who: who, what: "Reporter's feedback: \(rating) out of 5", text: comment)
            case .nameSharingConsentGiven: TimelineLine(day: day, who: who, what: "Reporter agreed that their name may be shared")
            }
        }
    }
}
