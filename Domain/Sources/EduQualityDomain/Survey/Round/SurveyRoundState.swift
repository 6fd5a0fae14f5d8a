/// Where a round stands on a given day. Derived from its dates, never stored, so it cannot
/// disagree with them.
public enum SurveyRoundState: String, Hashable, Sendable, Codable, CaseIterable {
    case upcoming
    case open
    case closed
}
