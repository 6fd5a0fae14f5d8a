/// Why a change to a survey round was refused, worded for an administrator.
public enum SurveyRoundRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidCode(String)
    case closesNotAfterOpens(opens: CalendarDay, closes: CalendarDay)
    case opensInPast(opens: CalendarDay, today: CalendarDay)
    case closesInPast(closes: CalendarDay, today: CalendarDay)
    case alreadyOpened(SurveyRoundCode, opened: CalendarDay)
    case alreadyClosed(SurveyRoundCode, closed: CalendarDay)
    case questionnaireInUse(SurveyRoundCode, version: String)

    public var description: String {
        switch self {
        case .invalidCode(let code):
            "\"\(code)\" is not a round code: use letters, digits and single hyphens, e.g. NETS-2026."
        case .closesNotAfterOpens(let opens, let closes):
            "The closing date \(closes) must be after the opening date \(opens)."
        case .opensInPast(let opens, let today):
            "The opening date \(opens) is before today (\(today))."
        case .closesInPast(let closes, let today):
            "The closing date \(closes) is before today (\(today))."
        case .alreadyOpened(let code, let opened):
            "Round \(code) opened on \(opened); its opening date can no longer change."
        case .alreadyClosed(let code, let closed):
            "Round \(code) closed on \(closed) and can no longer change."
        case .questionnaireInUse(let code, let version):
            "Round \(code) is already using questionnaire \(version) (it has opened or has responses)."
        }
    }
}
