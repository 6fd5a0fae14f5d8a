/// Whom the learner sends the concern to at pathway 1: the placement provider's education team
/// (at the site, or the whole organisation when no site is given), or the organisation's Freedom
/// to Speak Up guardian, whose cases stay with the guardians.
public enum ConcernRecipient: String, CaseIterable, Codable, Sendable, Hashable {
    case pathwayHandler = "pathway-handler"
    case guardian
}
