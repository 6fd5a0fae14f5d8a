/// The notices to a provider's education leads about a year's self-assessment: a reminder two
/// weeks before the window closes while it is not submitted, and a notice once the window has
/// closed without it. Each is sent once per organisation and year.
public struct SelfAssessmentNotice: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case reminder = "self-assessment-reminder"
        case overdue = "self-assessment-overdue"
    }

    /// Days before the closing day the reminder goes.
    public static let reminderDays = 14

    public let kind: Kind
    public let subject: String
    public let body: String

    public init(kind: Kind, organisationName: String, window: SelfAssessmentWindow, link: String) {
        self.kind = kind
        let year = window.year.label
        switch kind {
        case .reminder:
            subject = "Self-assessment \(year) closes on \(window.closesOn.longDescription): \(organisationName)"
            body = "The \(year) self-assessment of \(organisationName) against the Quality Framework has not been submitted. "
                + "The window closes on \(window.closesOn.longDescription). Complete and submit it here: \(link)"
        case .overdue:
            subject = "Self-assessment \(year) overdue: \(organisationName)"
            body = "The \(year) self-assessment window closed on \(window.closesOn.longDescription) and the self-assessment of "
                + "\(organisationName) has not been submitted. It can still be submitted, and will be marked late: \(link)"
        }
    }

    /// Which notice an organisation needs on `today`, if any.
    public static func due(window: SelfAssessmentWindow, progress: SelfAssessmentProgress, on today: CalendarDay) -> Kind? {
        guard !progress.isSubmitted else { return nil }
        switch window.state(on: today) {
        case .upcoming: return nil
        case .closed: return .overdue
        case .open: return today.days(to: window.closesOn) <= reminderDays ? .reminder : nil
        }
    }
}
