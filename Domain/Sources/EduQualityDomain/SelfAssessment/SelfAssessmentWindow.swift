/// The yearly window, set by the national quality lead, in which providers complete their
/// self-assessment: one per assessment year, opening and closing inside that year. The standards
/// assessed are those of the Quality Framework version current when the window opens; the
/// version is fixed then (`frameworkVersion`) and every assessment of the year records it.
///
/// Late submissions are accepted and marked late, not refused: a provider that missed the date
/// still owes the regional team its assessment, and refusing it would only lose the evidence.
public struct SelfAssessmentWindow: Hashable, Sendable {
    public enum State: String, Sendable, CaseIterable {
        case upcoming, open, closed

        public var displayName: String {
            switch self {
            case .upcoming: "Not open yet"
            case .open: "Open"
            case .closed: "Closed"
            }
        }
    }

    public let year: AssessmentYear
    public var opensOn: CalendarDay
    public var closesOn: CalendarDay
    /// Nil until the window has opened.
    public var frameworkVersion: Int?

    public init(year: AssessmentYear, opensOn: CalendarDay, closesOn: CalendarDay, frameworkVersion: Int? = nil) {
        self.year = year
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.frameworkVersion = frameworkVersion
    }

    /// Open from the opening day to the closing day, both included.
    public func state(on today: CalendarDay) -> State {
        if today < opensOn { return .upcoming }
        return today <= closesOn ? .open : .closed
    }

    /// A submission on `day` is late when it comes after the closing day.
    public func isLate(_ day: CalendarDay) -> Bool { day > closesOn }

    /// Days left to the closing day, counting it (0 once closed).
    public func daysLeft(on today: CalendarDay) -> Int { max(0, today.days(to: closesOn) + 1) }

    /// A new window as typed. `existing` are the years that already have one; a window may not
    /// close in the past, and both dates lie inside its year.
    public static func schedule(year text: String?, opensOn: String?, closesOn: String?, existing: Set<AssessmentYear>,
                                today: CalendarDay) throws(InvalidForm) -> SelfAssessmentWindow {
        var problems = FormProblems()
        var year: AssessmentYear?
        if let label = FormProblems.clean(text) {
            year = AssessmentYear(label: label)
            if year == nil { problems.add("year", "Enter the year as in 2026-27: the year it starts, a hyphen, and the next year's last two digits.") }
            else if existing.contains(year!) { problems.add("year", "There is already a window for \(year!.label): change its dates instead.") }
        } else {
            problems.add("year", "Enter the assessment year, such as \(AssessmentYear(containing: today).label).")
        }
        let opens = problems.day("opensOn", opensOn, missing: "Enter the day the window opens.")
        let closes = problems.day("closesOn", closesOn, missing: "Enter the day the window closes.")
        if let year { check(year: year, opens: opens, closes: closes, &problems) }
        if let closes, closes < today { problems.add("closesOn", "The closing day must be today or later.") }
        try problems.check()
        return SelfAssessmentWindow(year: year!, opensOn: opens!, closesOn: closes!)
    }

    /// New dates for this window. Once it has opened its opening day stays; a closed window stays
    /// closed (late submissions are still taken and marked late).
    public mutating func reschedule(opensOn: String?, closesOn: String?, today: CalendarDay) throws(InvalidForm) -> SelfAssessmentChange {
        let state = state(on: today)
        guard state != .closed else {
            throw InvalidForm(field: "closesOn", "The \(year.label) window closed on \(self.closesOn.longDescription); it cannot be changed. Late submissions are still accepted and marked late.")
        }
        var problems = FormProblems()
        let opens = FormProblems.clean(opensOn) == nil ? self.opensOn : problems.day("opensOn", opensOn, missing: "")
        let closes = problems.day("closesOn", closesOn, missing: "Enter the day the window closes.")
        if state == .open, let opens, opens != self.opensOn {
            problems.add("opensOn", "The window opened on \(self.opensOn.longDescription); its opening day cannot change now.")
        }
        Self.check(year: year, opens: opens, closes: closes, &problems)
        if let closes, closes < today { problems.add("closesOn", "The closing day must be today or later.") }
        try problems.check()
        let before = auditFields
        var lines: [String] = []
        if opens! != self.opensOn { lines.append("Opening day \(self.opensOn.iso) → \(opens!.iso)") }
        if closes! != self.closesOn { lines.append("Closing day \(self.closesOn.iso) → \(closes!.iso)") }
        guard !lines.isEmpty else { throw InvalidForm(field: "closesOn", "These are the window's dates already.") }
        self.opensOn = opens!
        self.closesOn = closes!
        return SelfAssessmentChange(lines: lines, audit: AuditEvent(action: "self-assessment-window.reschedule", entityType: "self-assessment-window",
                                                                    entityID: year.label, before: before, after: auditFields))
    }

    private static func check(year: AssessmentYear, opens: CalendarDay?, closes: CalendarDay?, _ problems: inout FormProblems) {
        let span = "\(year.firstDay.longDescription) to \(year.lastDay.longDescription)"
        if let opens, !year.contains(opens) { problems.add("opensOn", "The \(year.label) window must open within its year, \(span).") }
        if let closes, !year.contains(closes) { problems.add("closesOn", "The \(year.label) window must close within its year, \(span).") }
        if let opens, let closes, closes <= opens { problems.add("closesOn", "The closing day must be after the opening day.") }
    }

    public var auditFields: [String: String] {
        var fields = ["year": year.label, "opensOn": opensOn.iso, "closesOn": closesOn.iso]
        if let frameworkVersion { fields["frameworkVersion"] = String(frameworkVersion) }
        return fields
    }

    public var scheduleEvent: AuditEvent {
        AuditEvent(action: "self-assessment-window.schedule", entityType: "self-assessment-window", entityID: year.label, after: auditFields)
    }
}

/// What a change did, for the assessment's history (one line each) and the audit log.
public struct SelfAssessmentChange: Equatable, Sendable {
    public let lines: [String]
    public let audit: AuditEvent
}
