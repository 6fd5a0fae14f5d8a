/// Red, amber or green.
public enum RAG: String, CaseIterable, Codable, Sendable, Hashable {
    case red, amber, green

    public var displayName: String {
        switch self {
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        }
    }
}

/// A RAG status with the reason the rule gave it.
public struct RAGStatus: Hashable, Sendable {
    public let rag: RAG
    public let reason: String
}

/// How a requirement's RAG status follows from its due date and progress. Configurable
/// (`Seed/reference/requirement-rules.json`); by default:
/// - red: past its due date and not closed;
/// - amber: returned for more evidence, or due within `amberWithinDays` with no update awaiting
///   a decision;
/// - green: closed, an update awaiting a decision, or on track.
public struct RAGRule: Hashable, Sendable, Codable {
    public var amberWithinDays: Int
    public var returnedIsAmber: Bool

    public init(amberWithinDays: Int = 14, returnedIsAmber: Bool = true) {
        self.amberWithinDays = amberWithinDays
        self.returnedIsAmber = returnedIsAmber
    }

    public static let standard = RAGRule()

    /// Nil for good practice (no due date: nothing to rate).
    public func status(of status: RequirementStatus, due: CalendarDay?, on today: CalendarDay) -> RAGStatus? {
        guard let due, status != .noted else { return nil }
        if status == .closed { return RAGStatus(rag: .green, reason: "Accepted as met.") }
        if today > due {
            let days = due.days(to: today)
            return RAGStatus(rag: .red, reason: "Overdue by \(days) day\(days == 1 ? "" : "s") (due \(due.iso)).")
        }
        if status == .returned, returnedIsAmber {
            return RAGStatus(rag: .amber, reason: "Returned for more evidence; due \(due.iso).")
        }
        if status == .awaitingDecision { return RAGStatus(rag: .green, reason: "An update is awaiting the quality team's decision.") }
        let left = today.days(to: due)
        if left <= amberWithinDays {
            return RAGStatus(rag: .amber, reason: left == 0 ? "Due today with no update awaiting a decision."
                             : "Due in \(left) day\(left == 1 ? "" : "s") with no update awaiting a decision.")
        }
        return RAGStatus(rag: .green, reason: "On track: due \(due.iso).")
    }
}

/// The requirements' configurable rules, as one data file.
public struct RequirementRules: Hashable, Sendable, Codable {
    public var due: RequirementDueRule
    public var rag: RAGRule

    public init(due: RequirementDueRule = .standard, rag: RAGRule = .standard) {
        self.due = due
        self.rag = rag
    }

    public static let standard = RequirementRules()

    /// Nil when the numbers make sense, else what is wrong.
    public var problem: String? {
        if due.immediateWorkingDays < 1 || due.immediateWorkingDays > 60 { return "immediateWorkingDays must be 1 to 60" }
        if due.mandatoryDays < 1 || due.recommendationDays < 1 { return "mandatoryDays and recommendationDays must be at least 1" }
        if rag.amberWithinDays < 0 || rag.amberWithinDays > 365 { return "amberWithinDays must be 0 to 365" }
        return nil
    }
}
