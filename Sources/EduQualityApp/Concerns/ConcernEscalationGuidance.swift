import EduQualityDomain

/// What the follow-up page tells a learner about taking their concern further: whether they can,
/// from when, and how, from the same rule that decides whether an escalation is accepted.
enum ConcernEscalationGuidance {
    static func sentence(_ view: ConcernReporterView) -> String {
        guard let next = view.pathway.next else {
            return "\(view.pathway.title) is the last pathway, so this concern cannot be escalated any further."
        }
        guard view.canEscalateWithReason else {
            return "This concern is closed, so it can no longer be escalated. If you are still concerned, raise a new concern."
        }
        let to = next.title.prefix(1).lowercased() + next.title.dropFirst()
        if view.canEscalate {
            let why = view.status == .resolved ? "if you are not satisfied with the outcome" : "because there was no outcome by \(view.respondBy.longDescription)"
            return "You can escalate it to \(to) now, \(why), with the form below."
        }
        return "You can escalate it to \(to) with the form below: now, if this pathway is not appropriate for your concern (say why); "
            + "after \(view.respondBy.longDescription), if there is no outcome by then; or once there is an outcome you are not satisfied with."
    }
}
