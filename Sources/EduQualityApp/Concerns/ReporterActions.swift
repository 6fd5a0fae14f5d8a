import EduQualityDomain
import Fluent
import Vapor

/// What a reporter can do on their own case, by receipt code or from their account: add
/// information, escalate to the next pathway, give feedback, agree to share their name.
struct ReporterActionForm: Content {
    var receiptCode: String?
    var action: String?
    var message: String?
    var educationProvider: String?
    /// Why the pathway is not appropriate (needed to escalate before the response date).
    var reason: String?
    var rating: String?
    var comment: String?
}

enum ReporterActions {
    /// Applies the action to the case and returns the flash message for the page.
    static func perform(_ form: ReporterActionForm, on reference: String, req: Request) async throws -> String {
        let today = CalendarDay.today()
        let clocks = req.config.concernClocks
        switch form.action ?? "" {
        case "message":
            let text = form.message ?? ""
            try await req.concerns.change(reference, actor: AuditActor.reporter,
                                          notices: ConcernNotifier.newCase(siteURL: req.application.siteURL)) { c in
                [try c.receiveReporterMessage(text, on: today)]
            }
            return "Your message has been added. The team handling your concern will see it."
        case "escalate":
            var provider = form.educationProvider?.trimmingWhitespace
            if provider?.isEmpty == true { provider = nil }
            if let code = provider, try await Organisation.query(on: req.db).filter(\.$code == code).count() == 0 {
                throw AppError.invalid([FieldError("educationProvider", "Choose your education provider from the list")])
            }
            let chosen = provider
            let reason = form.reason
            let staffing = try await ConcernStaffing.current(on: req.db)
            let concern = try await req.concerns.change(reference, actor: AuditActor.reporter,
                                                        notices: ConcernNotifier.newCase(siteURL: req.application.siteURL)) { c in
                // The page's "not appropriate" form always sends a reason field: an empty one is a
                // field error there, not a refused escalation.
                if let reason, reason.trimmingWhitespace.isEmpty, !c.reporterMayEscalate(on: today) {
                    throw AppError.invalid([FieldError("reason", "Say why this pathway is not appropriate for your concern")])
                }
                return [try c.escalate(by: .reporter, reason: reason, on: today, educationProvider: chosen, clocks: clocks,
                                       staffing: staffing)]
            }
            let handledBy = ConcernHandledBy(concern.reporterView(on: today), regionNames: try await RegionNames.load(req.db))
            return "Your concern has been escalated to \(concern.pathway.title.lowercased()). \(handledBy.sentence)"
        case "feedback":
            guard let rating = Int(form.rating ?? "") else {
                throw AppError.invalid([FieldError("rating", "Choose a rating from 1 to 5")])
            }
            let comment = form.comment?.trimmingWhitespace
            try await req.concerns.change(reference, actor: AuditActor.reporter) { c in
                [try c.recordFeedback(rating: rating, comment: comment?.isEmpty == false ? comment : nil, on: today)]
            }
            return "Thank you for your feedback."
        case "consent":
            try await req.concerns.change(reference, actor: AuditActor.reporter) { c in [try c.grantNameSharingConsent(on: today)] }
            return "You have agreed that your name may be shared with the teams handling your concern."
        default:
            throw AppError.badRequest("Unknown action.")
        }
    }
}
