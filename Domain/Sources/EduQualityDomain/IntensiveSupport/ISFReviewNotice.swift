/// The notices about an ISF review: a reminder to the decision's owner a week before it falls
/// due, and a notice when it is overdue. They name the subject and the date, and link to the page.
public struct ISFReviewNotice: Hashable, Sendable {
    public enum Kind: String, Sendable { case reminder = "isf-review-reminder", overdue = "isf-review-overdue" }

    public let kind: Kind
    public let subject: String
    public let body: String

    public init(kind: Kind, subjectName: String, decision: ISFDecision, link: String) {
        self.kind = kind
        switch kind {
        case .reminder:
            subject = "ISF review due: \(subjectName)"
            body = "The Intensive Support Framework review of \(subjectName) (currently ISF \(decision.category)) is due on "
                + "\(decision.nextReview.iso). Record the review as a new decision, keeping or changing the category: \(link)"
        case .overdue:
            subject = "ISF review overdue: \(subjectName)"
            body = "The Intensive Support Framework review of \(subjectName) (currently ISF \(decision.category)) was due on "
                + "\(decision.nextReview.iso) and has not been recorded: \(link)"
        }
    }

    /// Which notice a subject's current decision needs on `today`, if any.
    public static func due(for decision: ISFDecision, on today: CalendarDay) -> Kind? {
        if decision.nextReview < today { return .overdue }
        if ISFReviewReminder.isDue(decision, on: today) { return .reminder }
        return nil
    }
}
