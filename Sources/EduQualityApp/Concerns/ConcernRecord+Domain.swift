import EduQualityDomain
import Foundation

extension ConcernRecord {
    /// Fills the submission columns; the reporter's identity only when not anonymous.
    convenience init(reference: ConcernReference, submission s: ConcernSubmission, submittedOn: CalendarDay) {
        self.init()
        self.reference = reference.value
        self.submittedOn = submittedOn.iso
        self.howRaised = s.howRaised.rawValue
        self.reporterName = s.reporter.identity?.name
        self.reporterEmail = s.reporter.identity?.email
        self.accountID = s.reporter.identity?.accountID
        self.region = s.placement.region
        self.organisation = s.placement.organisation
        self.site = s.placement.site
        self.category = s.category.rawValue
        self.whatHappened = s.whatHappened
        self.desiredOutcome = s.desiredOutcome
        self.initialPathway = s.pathway.rawValue
        self.recipient = s.recipient.rawValue
        self.educationProvider = s.educationProvider
    }

    func submission() throws -> ConcernSubmission {
        guard let how = HowRaised(rawValue: howRaised), let category = ConcernCategory(rawValue: category),
              let pathway = EscalationPathway(rawValue: initialPathway),
              let recipient = ConcernRecipient(rawValue: recipient) else {
            throw ConcernStoreError.corrupt(reference)
        }
        let identity = ReporterIdentity(name: reporterName ?? "", email: reporterEmail, accountID: accountID)
        let reporter: ConcernReporter = switch how {
        case .anonymous: .anonymous
        case .open: .open(identity)
        case .confidential: .confidential(identity)
        }
        return ConcernSubmission(reporter: reporter,
                                 placement: ConcernPlacement(region: region, organisation: organisation, site: site),
                                 category: category, whatHappened: whatHappened, desiredOutcome: desiredOutcome,
                                 pathway: pathway, recipient: recipient, educationProvider: educationProvider)
    }

    /// Rewrites the state projection from the concern (the only way the projection changes).
    func project(_ concern: Concern) {
        status = concern.status.rawValue
        pathway = concern.pathway.rawValue
        let body = concern.handlingBody
        handlingBody = body.concernAuditText
        switch body {
        case .organisation(let code, let site):
            handlingKind = "organisation"
            handlingCode = code
            handlingSite = site
        case .guardian(let code):
            handlingKind = "guardian"
            handlingCode = code
            handlingSite = nil
        case .region(let code):
            handlingKind = "region"
            handlingCode = code
            handlingSite = nil
        }
        acknowledgeBy = concern.currentStage.acknowledgeBy.iso
        respondBy = concern.currentStage.respondBy.iso
        assignee = concern.assignee
        safetyRegion = concern.regionalSafetyVisibility
        educationProvider = concern.educationProvider
        timelineLength = concern.timeline.count
    }
}

enum ConcernStoreError: Error, CustomStringConvertible {
    case corrupt(String)
    var description: String {
        switch self {
        case .corrupt(let reference): "The stored concern \(reference) cannot be read"
        }
    }
}
