/// One run of the learner survey: a code, an opening and a closing day (both inclusive) and the
/// questionnaire version learners answer.
public struct SurveyRound: Hashable, Sendable {
    public let code: SurveyRoundCode
    public private(set) var opens: CalendarDay
    public private(set) var closes: CalendarDay
    /// Nil until a version is attached; a round without one accepts no submissions.
    public private(set) var questionnaireVersion: String?

    /// Past dates are allowed: rounds are also created to import earlier years.
    public init(code: SurveyRoundCode, opens: CalendarDay, closes: CalendarDay,
                questionnaireVersion: String? = nil) throws(SurveyRoundRefusal) {
        guard closes > opens else { throw .closesNotAfterOpens(opens: opens, closes: closes) }
        self.code = code
        self.opens = opens
        self.closes = closes
        self.questionnaireVersion = questionnaireVersion
    }

    /// Accepts the code as typed (validated and upper-cased).
    public init(code: String, opens: CalendarDay, closes: CalendarDay,
                questionnaireVersion: String? = nil) throws(SurveyRoundRefusal) {
        guard let valid = SurveyRoundCode(code) else { throw .invalidCode(code) }
        try self.init(code: valid, opens: opens, closes: closes, questionnaireVersion: questionnaireVersion)
    }

    public func state(on day: CalendarDay) -> SurveyRoundState {
        if day < opens { return .upcoming }
        return day <= closes ? .open : .closed
    }

    public func acceptsSubmissions(on day: CalendarDay) -> Bool {
        state(on: day) == .open && questionnaireVersion != nil
    }

    /// What the audit log records when the round is created.
    public var creationEvent: AuditEvent {
        AuditEvent(action: "survey-round.create", entityType: Self.entityType, entityID: code.rawValue,
                   after: auditFields)
    }

    /// Moves the dates. Once open, the opening day is history and stays; once closed, nothing
    /// moves. Closing early means setting the closing day to today.
    public mutating func reschedule(opens newOpens: CalendarDay, closes newCloses: CalendarDay,
                                    today: CalendarDay) throws(SurveyRoundRefusal) -> AuditEvent {
        switch state(on: today) {
        case .closed:
            throw .alreadyClosed(code, closed: closes)
        case .open where newOpens != opens:
            throw .alreadyOpened(code, opened: opens)
        case .upcoming where newOpens < today:
            throw .opensInPast(opens: newOpens, today: today)
        case .open, .upcoming:
            break
        }
        guard newCloses > newOpens else { throw .closesNotAfterOpens(opens: newOpens, closes: newCloses) }
        guard newCloses >= today else { throw .closesInPast(closes: newCloses, today: today) }
        let before = auditFields
        opens = newOpens
        closes = newCloses
        return AuditEvent(action: "survey-round.reschedule", entityType: Self.entityType, entityID: code.rawValue,
                          before: before, after: auditFields)
    }

    /// Attaches a questionnaire version. Refused once learners may have seen the current one:
    /// the round has opened with a version attached, or it has any responses.
    public mutating func attachQuestionnaire(_ version: String, today: CalendarDay,
                                             hasResponses: Bool) throws(SurveyRoundRefusal) -> AuditEvent {
        if let current = questionnaireVersion, hasResponses || state(on: today) != .upcoming {
            throw .questionnaireInUse(code, version: current)
        }
        let before = auditFields
        questionnaireVersion = version
        return AuditEvent(action: "survey-round.attach-questionnaire", entityType: Self.entityType,
                          entityID: code.rawValue, before: before, after: auditFields)
    }

    /// Opening and closing happen by the calendar, not by a command; a daily job compares the
    /// state it last recorded with today's and logs the change this returns.
    public func stateChangeEvent(since recorded: SurveyRoundState, on today: CalendarDay) -> AuditEvent? {
        let now = state(on: today)
        guard now != recorded else { return nil }
        let action = switch now {
        case .upcoming: "survey-round.reschedule"
        case .open: "survey-round.open"
        case .closed: "survey-round.close"
        }
        return AuditEvent(action: action, entityType: Self.entityType, entityID: code.rawValue,
                          before: ["state": recorded.rawValue], after: ["state": now.rawValue])
    }

    static let entityType = "survey-round"

    private var auditFields: [String: String] {
        var fields = ["opens": opens.description, "closes": closes.description]
        fields["questionnaire"] = questionnaireVersion
        return fields
    }
}
