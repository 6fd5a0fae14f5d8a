/// A round's publications, oldest first, and the rules for adding one.
///
/// - A round is published by a national lead once it has closed (never while it is upcoming or
///   open), and from then on its public figures are frozen: a late import or a correction waits
///   until the round is published again.
/// - A re-publication adds every response waiting, and needs at least the threshold number of
///   them: fewer would move the round's own figures (and with them every benchmark) by 1 to
///   threshold−1. Figures that the late responses would move by too little are suppressed in the
///   new publication (`RoundHistory`).
public struct RoundVersionHistory: Hashable, Sendable {
    public let round: SurveyRound
    public private(set) var versions: [RoundVersion]

    public init(round: SurveyRound, versions: [RoundVersion]) {
        self.round = round
        self.versions = versions.sorted { $0.number < $1.number }
    }

    public var isPublished: Bool { !versions.isEmpty }
    public var latestPublication: RoundVersion? { versions.last }
    /// Responses in all publications so far.
    public var responses: Int { versions.reduce(0) { $0 + $1.responses } }

    /// Why the round cannot be published now with `waiting` responses in no publication yet, or nil.
    public func publicationRefusal(today: CalendarDay, waiting: Int, threshold: DisclosureThreshold) -> RoundPublicationRefusal? {
        switch round.state(on: today) {
        case .upcoming: return .notYetOpen(round.code, opens: round.opens)
        case .open: return .stillOpen(round.code, closes: round.closes)
        case .closed: break
        }
        if waiting == 0 { return isPublished ? .nothingNew(round.code) : .noResponses(round.code) }
        if isPublished, !threshold.allows(waiting) {
            return .changeTooSmall(round.code, waiting: waiting, threshold: threshold.value)
        }
        return nil
    }

    /// Publishes (or re-publishes) the round with every waiting response; returns the new version
    /// and the audit event.
    public mutating func publish(today: CalendarDay, waiting: Int,
                                 threshold: DisclosureThreshold) throws(RoundPublicationRefusal) -> (RoundVersion, AuditEvent) {
        if let refusal = publicationRefusal(today: today, waiting: waiting, threshold: threshold) { throw refusal }
        let republication = isPublished
        let version = RoundVersion(number: versions.count + 1, madeOn: today, responses: waiting)
        versions.append(version)
        let event = AuditEvent(
            action: republication ? "survey-round.republish" : "survey-round.publish",
            entityType: SurveyRound.entityType, entityID: round.code.rawValue,
            after: ["version": String(version.number), "added": String(waiting), "responses": String(responses)])
        return (version, event)
    }
}

/// Why a round was not published, worded for the national lead.
public enum RoundPublicationRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case notYetOpen(SurveyRoundCode, opens: CalendarDay)
    case stillOpen(SurveyRoundCode, closes: CalendarDay)
    case noResponses(SurveyRoundCode)
    case nothingNew(SurveyRoundCode)
    case changeTooSmall(SurveyRoundCode, waiting: Int, threshold: Int)

    public var description: String {
        switch self {
        case .notYetOpen(let code, let opens):
            "Round \(code) has not opened yet (it opens on \(opens)); a round is published once it has closed."
        case .stillOpen(let code, let closes):
            "Round \(code) is open until \(closes); a round is published once it has closed."
        case .noResponses(let code):
            "Round \(code) has no responses to publish."
        case .nothingNew(let code):
            "Round \(code) is published and no response has arrived since."
        case .changeTooSmall(let code, let waiting, let threshold):
            "Round \(code): \(waiting) \(waiting == 1 ? "response is" : "responses are") waiting; publishing again needs at least "
                + "\(threshold), or the round's figures would move by fewer than \(threshold) respondents."
        }
    }
}
