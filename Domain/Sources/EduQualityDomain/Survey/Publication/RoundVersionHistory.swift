/// A round's versions, oldest first, and the rules for adding one.
///
/// - A round is published by a national lead once it has closed (never while it is upcoming or
///   open), and from then on its public figures are frozen: a late import or a correction waits
///   until the round is published again.
/// - Until its first publication, quality staff see interim versions, cut at most once a day
///   while responses are waiting; no interim version follows a publication.
/// - Every new version adds only the waiting responses that `TemporalDisclosure` admits, so no
///   figure anyone could have seen moves by 1 to threshold−1 respondents; the rest keep waiting.
public struct RoundVersionHistory: Hashable, Sendable {
    public let round: SurveyRound
    public private(set) var versions: [RoundVersion]

    public init(round: SurveyRound, versions: [RoundVersion]) {
        self.round = round
        self.versions = versions.sorted { $0.number < $1.number }
    }

    public var isPublished: Bool { latestPublication != nil }
    public var latestPublication: RoundVersion? { versions.last { $0.kind == .publication } }
    /// Responses in all versions so far.
    public var responses: Int { versions.reduce(0) { $0 + $1.responses } }

    /// Whether the daily job should cut an interim version now.
    public func interimCutIsDue(today: CalendarDay, waiting: Int) -> Bool {
        guard !isPublished, waiting > 0, round.state(on: today) != .upcoming else { return false }
        guard let last = versions.last else { return true }
        return last.madeOn < today
    }

    /// Adds an interim version of the admitted responses; nil when it is not due or none was admitted.
    public mutating func cutInterim(today: CalendarDay, waiting: Int, admitted: Int) -> RoundVersion? {
        guard interimCutIsDue(today: today, waiting: waiting), admitted > 0 else { return nil }
        let version = RoundVersion(number: versions.count + 1, kind: .interim, madeOn: today, responses: admitted)
        versions.append(version)
        return version
    }

    /// Why the round cannot be published now, or nil. `waiting` responses are in no version yet;
    /// `admitted` of them may join the next one.
    public func publicationRefusal(today: CalendarDay, waiting: Int, admitted: Int,
                                   threshold: DisclosureThreshold) -> RoundPublicationRefusal? {
        switch round.state(on: today) {
        case .upcoming: return .notYetOpen(round.code, opens: round.opens)
        case .open: return .stillOpen(round.code, closes: round.closes)
        case .closed: break
        }
        if waiting == 0 {
            return isPublished ? .nothingNew(round.code) : (responses == 0 ? .noResponses(round.code) : nil)
        }
        if admitted == 0, isPublished || responses > 0 {
            return .changeTooSmall(round.code, waiting: waiting, threshold: threshold.value)
        }
        return nil
    }

    /// Publishes (or re-publishes) the round with the admitted responses; returns the new version
    /// and the audit event.
    public mutating func publish(today: CalendarDay, waiting: Int, admitted: Int,
                                 threshold: DisclosureThreshold) throws(RoundPublicationRefusal) -> (RoundVersion, AuditEvent) {
        if let refusal = publicationRefusal(today: today, waiting: waiting, admitted: admitted, threshold: threshold) {
            throw refusal
        }
        let republication = isPublished
        let version = RoundVersion(number: versions.count + 1, kind: .publication, madeOn: today, responses: admitted)
        versions.append(version)
        let event = AuditEvent(
            action: republication ? "survey-round.republish" : "survey-round.publish",
            entityType: SurveyRound.entityType, entityID: round.code.rawValue,
            after: ["version": String(version.number), "added": String(admitted),
                    "held-back": String(waiting - admitted), "responses": String(responses)])
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
            "Round \(code): the \(waiting) waiting \(waiting == 1 ? "response" : "responses") would change some figure by "
                + "fewer than \(threshold) respondents, so \(waiting == 1 ? "it waits" : "they wait") until more arrive."
        }
    }
}
