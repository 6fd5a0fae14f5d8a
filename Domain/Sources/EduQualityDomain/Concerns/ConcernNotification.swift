/// An email-style message for the outbox. Templates below put in it the case reference, the
/// pathway, fixed wording and a link, and nothing else: no text the reporter or handlers
/// wrote, no category, no names, no dates. A notification sits in mailboxes and logs that the
/// case's access rules do not reach, so it says only that there is something to look at.
public struct ConcernNotification: Hashable, Sendable {
    public let subject: String
    public let body: String

    /// Handlers of a body: a new case has arrived (by receipt, escalation or transfer).
    /// `link` is the case's page as an absolute address, e.g. `https://eduquality.example/concerns/cases/CN-7KQ2M-X9D4C`.
    public static func newCase(_ concern: Concern, link: String) -> ConcernNotification {
        let arrival = switch concern.status {
        case .escalated: "has been escalated to your team"
        case .transferred: "has been transferred to your team"
        default: "has been sent to your team"
        }
        let standIn = concern.currentStage.rerouting.map {
            "\n\nYour team has it because \($0.explanation): please handle it in their place."
        } ?? ""
        return ConcernNotification(
            subject: "New concern \(concern.reference.value)",
            body: """
            Concern \(concern.reference.value) \(arrival) at pathway \(concern.pathway.rawValue).\(standIn)

            Please acknowledge it within the agreed time. Sign in to read it:
            \(link)

            This message deliberately contains no details of the concern.
            """)
    }

    /// Handlers of a body: a case has run past a clock.
    public static func overdueCase(_ concern: Concern, overdue: OverdueStatus, link: String) -> ConcernNotification {
        let what = overdue.acknowledgement && !overdue.response ? "acknowledgement" : "a response"
        return ConcernNotification(
            subject: "Overdue concern \(concern.reference.value)",
            body: """
            Concern \(concern.reference.value) is overdue for \(what).

            Sign in to see it:
            \(link)

            This message deliberately contains no details of the concern.
            """)
    }

    /// The reporter, by their account's email: handlers have replied or acted. Nil for a concern
    /// without a linked account — every anonymous one — which is followed up by receipt code only.
    public static func replyReceived(_ concern: Concern, link: String) -> ConcernNotification? {
        guard concern.submission.reporter.accountID != nil else { return nil }
        return ConcernNotification(
            subject: "Update on your concern \(concern.reference.value)",
            body: """
            There is an update on your concern \(concern.reference.value).

            Sign in to read it:
            \(link)

            For your privacy this message does not repeat what was written.
            """)
    }
}
