/// A questionnaire version as the service keeps it: editable until a round puts it in front of
/// learners, frozen from then on so that every answer keeps the wording it was given to.
public struct QuestionnaireVersion: Hashable, Sendable {
    public private(set) var questionnaire: Questionnaire
    public private(set) var isFrozen: Bool

    public init(_ questionnaire: Questionnaire, isFrozen: Bool = false) {
        self.questionnaire = questionnaire
        self.isFrozen = isFrozen
    }

    public var code: String { questionnaire.version }

    /// A version is in use once a round using it has opened or has any responses.
    public func isInUse(by round: SurveyRound, roundHasResponses: Bool, today: CalendarDay) -> Bool {
        round.questionnaireVersion == code && (roundHasResponses || round.state(on: today) != .upcoming)
    }

    /// Freezes the version if `round` uses it; returns the event the first time only. Call it for
    /// each round using the version before any edit, and when a round opens or gets a response.
    public mutating func freezeIfInUse(by round: SurveyRound, roundHasResponses: Bool,
                                       today: CalendarDay) -> AuditEvent? {
        guard !isFrozen, isInUse(by: round, roundHasResponses: roundHasResponses, today: today) else { return nil }
        isFrozen = true
        return AuditEvent(action: "questionnaire-version.freeze", entityType: Self.entityType, entityID: code,
                          before: ["frozen": "false"], after: ["frozen": "true", "round": round.code.rawValue])
    }

    /// Replaces the content of an unfrozen version. The version code cannot change: rounds
    /// refer to it.
    public mutating func revise(to revised: Questionnaire) throws(QuestionnaireVersionRefusal) -> AuditEvent {
        guard !isFrozen else { throw .frozen(version: code) }
        guard revised.version == code else { throw .versionCodeChanged(from: code, to: revised.version) }
        let before = auditFields
        questionnaire = revised
        return AuditEvent(action: "questionnaire-version.revise", entityType: Self.entityType, entityID: code,
                          before: before, after: auditFields)
    }

    static let entityType = "questionnaire-version"

    private var auditFields: [String: String] {
        ["title": questionnaire.title, "themes": "\(questionnaire.themes.count)",
         "items": "\(questionnaire.items.count)", "freeText": "\(questionnaire.freeTextQuestions.count)"]
    }
}

public enum QuestionnaireVersionRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case frozen(version: String)
    case versionCodeChanged(from: String, to: String)

    public var description: String {
        switch self {
        case .frozen(let version):
            "Questionnaire \(version) is in use by a survey round and can no longer change; upload a new version instead."
        case .versionCodeChanged(let from, let to):
            "A revision of \(from) must keep its version code (the file says \(to)); upload \(to) as a new version instead."
        }
    }
}
