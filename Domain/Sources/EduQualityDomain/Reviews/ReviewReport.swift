/// A review report's stages: draft → factual accuracy (the provider comments per section by a
/// deadline; the team records each comment's outcome) → final → published. Going from draft to
/// final without the factual-accuracy step needs a recorded waiver with a reason. A published
/// report is corrected by publishing a new version with a note of the change.
public enum ReportStage: String, CaseIterable, Codable, Sendable, Hashable {
    case draft
    case factualAccuracy = "factual-accuracy"
    case final
    case published

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .factualAccuracy: "With the provider for factual accuracy"
        case .final: "Final"
        case .published: "Published"
        }
    }
}

/// The report's written sections. The serious concerns, requirements, ISF ratings and panel come
/// from the review itself.
public enum ReportSection: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Hashable {
    case whatWorksWell = "what-works-well"
    case areasForImprovement = "areas-for-improvement"
    case overview
    case background
    case followUp = "follow-up"

    public var displayName: String {
        switch self {
        case .whatWorksWell: "What works well"
        case .areasForImprovement: "Areas for improvement"
        case .overview: "Review overview"
        case .background: "Background"
        case .followUp: "Follow-up planned"
        }
    }

    /// A report cannot leave draft without these.
    public var isRequired: Bool { self != .followUp }
}

public struct FactualAccuracyComment: Hashable, Sendable, Codable {
    public enum Outcome: String, CaseIterable, Codable, Sendable, Hashable {
        case accepted
        case partlyAccepted = "partly-accepted"
        case notAccepted = "not-accepted"

        public var displayName: String {
            switch self {
            case .accepted: "Accepted: the report was corrected"
            case .partlyAccepted: "Partly accepted"
            case .notAccepted: "Not accepted"
            }
        }
    }

    public var number: Int
    public var section: ReportSection
    public var text: String
    public var by: String
    public var on: CalendarDay
    public var outcome: Outcome?
    public var response: String?

    public init(number: Int, section: ReportSection, text: String, by: String, on: CalendarDay,
                outcome: Outcome? = nil, response: String? = nil) {
        self.number = number
        self.section = section
        self.text = text
        self.by = by
        self.on = on
        self.outcome = outcome
        self.response = response
    }
}

public struct ReportWaiver: Hashable, Sendable, Codable {
    public var reason: String
    public var by: String
    public var on: CalendarDay
}

/// One published version: the first publication or a later correction.
public struct ReportVersion: Hashable, Sendable, Codable {
    public var number: Int
    public var publishedOn: CalendarDay
    public var note: String
}

public struct ReviewReport: Hashable, Sendable, Codable {
    public var stage: ReportStage
    public var sections: [ReportSection: String]
    public var sentOn: CalendarDay?
    public var commentsDue: CalendarDay?
    public var comments: [FactualAccuracyComment]
    /// The provider said it has no more comments.
    public var providerDoneOn: CalendarDay?
    public var waiver: ReportWaiver?
    public var finalOn: CalendarDay?
    public var versions: [ReportVersion]

    public static let maxSection = 20_000
    public static let maxComment = 4_000

    public init(stage: ReportStage = .draft, sections: [ReportSection: String] = [:], sentOn: CalendarDay? = nil,
                commentsDue: CalendarDay? = nil, comments: [FactualAccuracyComment] = [], providerDoneOn: CalendarDay? = nil,
                waiver: ReportWaiver? = nil, finalOn: CalendarDay? = nil, versions: [ReportVersion] = []) {
        self.stage = stage
        self.sections = sections
        self.sentOn = sentOn
        self.commentsDue = commentsDue
        self.comments = comments
        self.providerDoneOn = providerDoneOn
        self.waiver = waiver
        self.finalOn = finalOn
        self.versions = versions
    }

    public func text(_ section: ReportSection) -> String { sections[section] ?? "" }

    /// The team edits the sections while the report is a draft or with the provider (to make the
    /// corrections it accepts). A published report changes only by `correct`.
    public mutating func edit(_ typed: [ReportSection: String?]) throws(InvalidForm) -> [String] {
        guard stage == .draft || stage == .factualAccuracy else {
            throw InvalidForm(field: "sections", stage == .published
                ? "A published report is changed by publishing a correction."
                : "A final report no longer changes; publish it, then correct it if needed.")
        }
        return try apply(typed)
    }

    private mutating func apply(_ typed: [ReportSection: String?]) throws(InvalidForm) -> [String] {
        var problems = FormProblems()
        var next = sections
        for (section, value) in typed {
            next[section] = problems.optionalText(section.rawValue, value, maxLength: Self.maxSection)
        }
        try problems.check()
        let changed = ReportSection.allCases.filter { next[$0] != sections[$0] }
        sections = next
        return changed.map { "Report: \($0.displayName.lowercased()) edited" }
    }

    /// Publishes a corrected version: the changed sections and a note of what changed and why.
    public mutating func correct(_ typed: [ReportSection: String?], note: String?, today: CalendarDay) throws(InvalidForm) -> [String] {
        guard stage == .published else { throw InvalidForm(field: "note", "Only a published report is corrected.") }
        var problems = FormProblems()
        let why = problems.text("note", note, maxLength: 2_000, missing: "Say what the correction changes and why.")
        try problems.check()
        var next = self
        let lines = try next.apply(typed)
        if let missing = ReportSection.allCases.first(where: { $0.isRequired && next.text($0).isEmpty }) {
            throw InvalidForm(field: missing.rawValue, "A published report keeps its \(missing.displayName.lowercased()).")
        }
        next.versions.append(ReportVersion(number: versions.count + 1, publishedOn: today, note: why!))
        self = next
        return lines + ["Report: version \(versions.count) published: \(why!)"]
    }

    /// The provider comments on a section while the report is with it, by the deadline.
    public mutating func comment(on section: String?, _ text: String?, by actor: String, today: CalendarDay) throws(InvalidForm) -> [String] {
        guard stage == .factualAccuracy, let due = commentsDue else {
            throw InvalidForm(field: "text", "The report is not with the provider for factual accuracy.")
        }
        guard today <= due else { throw InvalidForm(field: "text", "Comments were due by \(due.iso).") }
        guard providerDoneOn == nil else { throw InvalidForm(field: "text", "The provider has already said it has no more comments.") }
        var problems = FormProblems()
        let part = FormProblems.clean(section).flatMap(ReportSection.init(rawValue:))
        if part == nil { problems.add("section", "Choose the section the comment is about.") }
        let what = problems.text("text", text, maxLength: Self.maxComment, missing: "Say what is factually inaccurate and why.")
        try problems.check()
        comments.append(FactualAccuracyComment(number: comments.count + 1, section: part!, text: what!, by: actor, on: today))
        return ["Factual accuracy: comment \(comments.count) on \(part!.displayName.lowercased())"]
    }

    /// The provider has finished commenting.
    public mutating func providerDone(today: CalendarDay) throws(InvalidForm) -> [String] {
        guard stage == .factualAccuracy else {
            throw InvalidForm(field: "text", "The report is not with the provider for factual accuracy.")
        }
        guard providerDoneOn == nil else { return [] }
        providerDoneOn = today
        return ["Factual accuracy: the provider has no more comments"]
    }

    /// The team records a comment's outcome, with its response.
    public mutating func recordOutcome(of number: Int, _ outcome: String?, response: String?) throws(InvalidForm) -> [String] {
        guard stage == .factualAccuracy else { throw InvalidForm(field: "outcome", "The report is not at factual accuracy.") }
        guard let index = comments.firstIndex(where: { $0.number == number }) else {
            throw InvalidForm(field: "outcome", "There is no comment \(number).")
        }
        var problems = FormProblems()
        let choice = FormProblems.clean(outcome).flatMap(FactualAccuracyComment.Outcome.init(rawValue:))
        if choice == nil { problems.add("outcome", "Choose accepted, partly-accepted or not-accepted.") }
        let answer = problems.text("response", response, maxLength: Self.maxComment, missing: "Give the provider the team's response.")
        try problems.check()
        comments[index].outcome = choice
        comments[index].response = answer
        return ["Factual accuracy: comment \(number) \(choice!.rawValue.replacingOccurrences(of: "-", with: " "))"]
    }

    /// The next step. From draft: to factual accuracy (sent today, comments due in
    /// `factualAccuracyWorkingDays` working days), or to final with a waiver. From factual accuracy
    /// to final once every comment has its outcome and the provider is done or the deadline has
    /// passed. From final to published (version 1). Draft straight to published is final with its
    /// waiver, then published.
    public mutating func move(to typed: String?, waiver: String?, by actor: String, today: CalendarDay,
                              calendar: WorkingCalendar, factualAccuracyWorkingDays: Int) throws(InvalidForm) -> [String] {
        guard let target = FormProblems.clean(typed).flatMap(ReportStage.init(rawValue:)), target != .draft else {
            throw InvalidForm(field: "to", "Choose factual-accuracy, final or published.")
        }
        var next = self
        var lines: [String] = []
        if next.stage == .draft {
            if let missing = ReportSection.allCases.first(where: { $0.isRequired && text($0).isEmpty }) {
                throw InvalidForm(field: missing.rawValue, "Write the report's \(missing.displayName.lowercased()) first.")
            }
            if target == .factualAccuracy {
                next.stage = .factualAccuracy
                next.sentOn = today
                next.commentsDue = calendar.adding(workingDays: factualAccuracyWorkingDays, to: today)
                self = next
                return ["Report sent to the provider for factual accuracy, comments due \(next.commentsDue!.iso)"]
            }
            var problems = FormProblems()
            guard let reason = problems.text("waiver", waiver, maxLength: 2_000,
                                             missing: "Without the factual-accuracy step, record a waiver with its reason.") else {
                try problems.check(); return []
            }
            next.waiver = ReportWaiver(reason: reason, by: actor, on: today)
            next.stage = .final
            next.finalOn = today
            lines.append("Report final without factual accuracy; waiver: \(reason)")
        } else if target == .factualAccuracy {
            throw InvalidForm(field: "to", "The report has already been \(stage == .factualAccuracy ? "sent for" : "through") factual accuracy.")
        }
        if next.stage == .factualAccuracy {
            if let open = next.comments.first(where: { $0.outcome == nil }) {
                throw InvalidForm(field: "to", "Record the outcome of comment \(open.number) first.")
            }
            if next.providerDoneOn == nil, let due = next.commentsDue, today <= due {
                throw InvalidForm(field: "to", "The provider has until \(due.iso) to comment, unless it says it has finished.")
            }
            next.stage = .final
            next.finalOn = today
            lines.append("Report final")
        }
        if target == .published {
            guard next.stage == .final else {
                throw InvalidForm(field: "to", stage == .published ? "The report is already published; publish a correction instead."
                                                                  : "Only a final report is published.")
            }
            next.stage = .published
            next.versions.append(ReportVersion(number: 1, publishedOn: today, note: "First published"))
            lines.append("Report published")
        } else if target == .final, lines.isEmpty {
            throw InvalidForm(field: "to", "The report is already \(stage.displayName.lowercased()).")
        }
        self = next
        return lines
    }
}
