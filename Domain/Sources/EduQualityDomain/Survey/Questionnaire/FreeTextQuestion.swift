/// A question answered in the learner's own words. Answers are never published; patient-safety
/// and bullying comments go to the regional triage queue.
public struct FreeTextQuestion: Hashable, Sendable {
    public let code: String
    public let text: String
    public let kind: FreeTextKind

    /// Long enough for a detailed account, short enough to read in triage.
    public static let characterLimit = 5_000
}

public enum FreeTextKind: String, CaseIterable, Hashable, Sendable, Codable {
    case workedWell = "worked-well"
    case couldBeImproved = "could-be-improved"
    case patientSafety = "patient-safety"
}
