/// The kinds of record the service keeps only for a set time, what happens to each when its time
/// is up, and the day its time counts from. Anonymising keeps what the statistics and the early
/// warning count (organisation, category, dates, status) and removes who and what was said;
/// deleting removes the record.
public enum RetainedRecords: String, CaseIterable, Sendable, Hashable, Codable {
    case closedConcerns = "closed-concerns"
    case speakUpCases = "speak-up-cases"
    case surveyFreeText = "survey-free-text"
    case surveyDrafts = "survey-drafts"
    case outbox = "outbox"

    public enum Disposal: String, Sendable {
        case delete
        case anonymise
    }

    public var disposal: Disposal {
        switch self {
        case .closedConcerns, .surveyFreeText: .anonymise
        case .speakUpCases, .surveyDrafts, .outbox: .delete
        }
    }

    public var title: String {
        switch self {
        case .closedConcerns: "Closed learner concerns"
        case .speakUpCases: "Speak-up case records"
        case .surveyFreeText: "Survey free-text answers"
        case .surveyDrafts: "Saved survey drafts"
        case .outbox: "Notification outbox"
        }
    }

    /// The day a record's time counts from, as the administration page says it.
    public var countedFrom: String {
        switch self {
        case .closedConcerns: "the day the concern was closed"
        case .speakUpCases: "the day the case was raised"
        case .surveyFreeText: "the day the response was submitted"
        case .surveyDrafts: "the day the draft was last saved"
        case .outbox: "the day the notice was sent, or queued if it never was"
        }
    }

    /// What the purge does to a record past its time.
    public var whatHappens: String {
        switch self {
        case .closedConcerns:
            "Anonymised: the reporter's name, email and account, what they wrote, and every message, note, reason and outcome are removed. The category, places, dates and steps stay for the statistics."
        case .speakUpCases: "Deleted, with its themes."
        case .surveyFreeText:
            "Anonymised: the text and any triage note are removed. The placement, keyword score and triage status stay for the counts."
        case .surveyDrafts: "Deleted. Its resume code no longer works."
        case .outbox: "Deleted."
        }
    }
}

/// What replaces removed text, so pages and exports show that something was there.
public enum RetentionText {
    public static let removed = "[removed under the retention policy]"
}
