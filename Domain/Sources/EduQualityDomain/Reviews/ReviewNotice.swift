/// The notices the reviews send (through the outbox): to the provider when a report comes to it
/// for factual accuracy or is published, and to the regional team when an immediate mandatory
/// requirement is overdue. Notices name the review and link to it; they carry no learner's details.
public struct ReviewNotice: Hashable, Sendable {
    public let subject: String
    public let body: String

    public static func factualAccuracy(review: String, provider: String, due: CalendarDay, link: String) -> ReviewNotice {
        ReviewNotice(subject: "Review report \(review): factual accuracy check by \(due.longDescription)",
                     body: "The draft report of review \(review) of \(provider) is ready for your factual accuracy check.\n\n"
                        + "Comment on any section by \(due.longDescription), or say that you have no more comments:\n\(link)\n")
    }

    public static func published(review: String, provider: String, link: String) -> ReviewNotice {
        ReviewNotice(subject: "Review report \(review) published",
                     body: "The report of review \(review) of \(provider) has been published:\n\(link)\n")
    }

    public static func overdueImmediate(_ requirement: Requirement, provider: String, link: String) -> ReviewNotice {
        ReviewNotice(subject: "Overdue immediate mandatory requirement \(requirement.reference) at \(provider)",
                     body: "Immediate mandatory requirement \(requirement.reference) at \(provider) was due by "
                        + "\(requirement.due?.longDescription ?? "its due date") and is \(requirement.status.displayName.lowercased()).\n\n"
                        + "\(requirement.text)\n\n\(link)\n")
    }
}
