import Foundation

/// A finding of a review that asks something of the provider (or notes its good practice), tagged
/// with the Quality Framework standards it touches, with an owner at the provider, a due date, a
/// status and the updates and decisions that moved it.
public struct Requirement: Hashable, Sendable {
    /// `RV-00012-MR2`: the review's reference, the kind's prefix and its number within the kind.
    public var reference: String
    public var review: String
    public var organisation: String
    public var region: String
    public var kind: RequirementKind
    public var text: String
    public var standards: [String]
    /// The role or person at the provider who owns it, as the team writes it.
    public var owner: String?
    public var due: CalendarDay?
    public var status: RequirementStatus
    public var updates: [RequirementUpdate]
    public var decisions: [RequirementDecision]
    /// The register entry it opened or updated, when it did.
    public var registerEntry: String?
    public var raisedOn: CalendarDay

    public init(reference: String, review: String, organisation: String, region: String, kind: RequirementKind,
                text: String, standards: [String], owner: String?, due: CalendarDay?, status: RequirementStatus,
                updates: [RequirementUpdate] = [], decisions: [RequirementDecision] = [],
                registerEntry: String? = nil, raisedOn: CalendarDay) {
        self.reference = reference
        self.review = review
        self.organisation = organisation
        self.region = region
        self.kind = kind
        self.text = text
        self.standards = standards
        self.owner = owner
        self.due = due
        self.status = status
        self.updates = updates
        self.decisions = decisions
        self.registerEntry = registerEntry
        self.raisedOn = raisedOn
    }

    public static let maxText = 4_000
    public static let maxUpdate = 4_000
    public static let maxReason = 2_000

    public var location: Location { Location(region: region, organisation: organisation) }

    /// How a review lists its findings: immediate first, then mandatory, recommendations and good
    /// practice, each by its number.
    public var order: (kind: Int, number: Int) {
        let tail = reference.split(separator: "-").last ?? ""
        return (RequirementKind.allCases.firstIndex(of: kind)!, Int(tail.drop { !$0.isNumber }) ?? 0)
    }

    public func rag(_ rule: RAGRule, on today: CalendarDay) -> RAGStatus? { rule.status(of: status, due: due, on: today) }

    /// Live and past its due date.
    public func isOverdue(on today: CalendarDay) -> Bool {
        guard let due, status.isLive else { return false }
        return today > due
    }

    /// The provider posts an update: what has been done, with the names of any evidence files.
    public mutating func postUpdate(text: String?, evidence: [String], by actor: String,
                                    on today: CalendarDay) throws(InvalidForm) -> ReviewChange {
        var problems = FormProblems()
        let what = problems.text("text", text, maxLength: Self.maxUpdate, missing: "Say what has been done.")
        guard let next = status.after(.postUpdate) else {
            throw InvalidForm(field: "text", status == .noted
                ? "Good practice is noted; it takes no updates."
                : "This requirement is closed; it takes no more updates.")
        }
        try problems.check()
        let update = RequirementUpdate(number: updates.count + 1, text: what!, by: actor, on: today, evidence: evidence)
        let before = status
        updates.append(update)
        status = next
        let files = evidence.isEmpty ? "" : " with \(evidence.count) evidence file\(evidence.count == 1 ? "" : "s")"
        return ReviewChange(lines: ["\(reference): update \(update.number) posted\(files)"],
                            audit: AuditEvent(action: "requirement.update", entityType: "requirement", entityID: reference,
                                              before: ["status": before.rawValue],
                                              after: ["status": next.rawValue, "update": String(update.number),
                                                      "evidenceFiles": String(evidence.count)]))
    }

    /// The quality team accepts (closes) the requirement or returns it; either needs a reason.
    public mutating func decide(_ decision: String?, reason: String?, by actor: String,
                                on today: CalendarDay) throws(InvalidForm) -> ReviewChange {
        var problems = FormProblems()
        let choice = FormProblems.clean(decision).flatMap(RequirementDecision.Outcome.init(rawValue:))
        if choice == nil { problems.add("decision", "Choose accept or return.") }
        let why = problems.text("reason", reason, maxLength: Self.maxReason,
                                missing: choice == .return ? "Say what more the provider must show." : "Say why the requirement is met.")
        try problems.check()
        let event: RequirementStatus.Event = choice! == .accept ? .accept : .return
        guard let next = status.after(event) else {
            throw InvalidForm(field: "decision", choice! == .return
                ? "Only an update awaiting a decision can be returned."
                : "A requirement that is \(status.displayName.lowercased()) cannot be accepted.")
        }
        let before = status
        status = next
        decisions.append(RequirementDecision(outcome: choice!, reason: why!, by: actor, on: today))
        return ReviewChange(lines: ["\(reference): \(choice! == .accept ? "accepted" : "returned"): \(why!)"],
                            audit: AuditEvent(action: "requirement.\(choice!.rawValue)", entityType: "requirement", entityID: reference,
                                              before: ["status": before.rawValue],
                                              after: ["status": next.rawValue, "reason": why!]))
    }

    /// Records the register entry this requirement opened or updated.
    public mutating func link(registerEntry entry: String) -> ReviewChange? {
        guard registerEntry != entry else { return nil }
        registerEntry = entry
        return ReviewChange(lines: ["\(reference): linked to register entry \(entry)"],
                            audit: AuditEvent(action: "requirement.link-register", entityType: "requirement",
                                              entityID: reference, after: ["registerEntry": entry]))
    }
}

/// An update posted by the provider.
public struct RequirementUpdate: Hashable, Sendable, Codable {
    public var number: Int
    public var text: String
    public var by: String
    public var on: CalendarDay
    /// Ids of the evidence files sent with it.
    public var evidence: [String]

    public init(number: Int, text: String, by: String, on: CalendarDay, evidence: [String]) {
        self.number = number
        self.text = text
        self.by = by
        self.on = on
        self.evidence = evidence
    }
}

/// The quality team's decision on a requirement.
public struct RequirementDecision: Hashable, Sendable, Codable {
    public enum Outcome: String, Codable, Sendable, Hashable, CaseIterable { case accept, `return` }
    public var outcome: Outcome
    public var reason: String
    public var by: String
    public var on: CalendarDay

    public init(outcome: Outcome, reason: String, by: String, on: CalendarDay) {
        self.outcome = outcome
        self.reason = reason
        self.by = by
        self.on = on
    }
}

/// What a change did, for a review's history (one line each) and the audit log.
public struct ReviewChange: Equatable, Sendable {
    public let lines: [String]
    public let audit: AuditEvent

    public init(lines: [String], audit: AuditEvent) {
        self.lines = lines
        self.audit = audit
    }
}

/// A requirement as typed: its kind, text, standards and, optionally, its owner and due date.
public struct NewRequirementForm: Hashable, Sendable {
    public var kind: String?
    public var text: String?
    public var standards: [String]
    public var owner: String?
    public var due: String?

    public init(kind: String? = nil, text: String? = nil, standards: [String] = [], owner: String? = nil, due: String? = nil) {
        self.kind = kind
        self.text = text
        self.standards = standards
        self.owner = owner
        self.due = due
    }

    /// The requirement, numbered after `existing` of the review. Findings are recorded once the
    /// visit has happened and until the review closes; the due date defaults by `rules` from the
    /// visit date and may not be before the visit.
    public func validated(for review: Review, existing: [Requirement], standards known: Set<String>,
                          rules: RequirementDueRule, calendar: WorkingCalendar) throws(InvalidForm) -> Requirement {
        var problems = FormProblems()
        let kind = FormProblems.clean(kind).flatMap(RequirementKind.init(rawValue:))
        if kind == nil {
            problems.add("kind", "Choose a kind: " + RequirementKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let text = problems.text("text", text, maxLength: Requirement.maxText, missing: "Say what the finding is.")
        let codes = standards.compactMap(FormProblems.clean).map { $0.uppercased() }
        if codes.isEmpty { problems.add("standards", "Tag at least one Quality Framework standard.") }
        if let unknown = codes.first(where: { !known.contains($0) }) {
            problems.add("standards", "\(unknown) is not a standard of the current Quality Framework.")
        }
        let owner = problems.optionalText("owner", owner, maxLength: 200)
        var due: CalendarDay?
        if FormProblems.clean(self.due) != nil { due = problems.day("due", self.due, missing: "") }
        guard let visit = review.visitedOn, review.status.isVisited, review.status != .closed else {
            throw InvalidForm(field: "kind", review.status == .closed
                ? "The review is closed; it takes no more findings."
                : "Record the visit before its findings.")
        }
        if let kind, kind == .goodPractice, due != nil { problems.add("due", "Good practice has no due date.") }
        if let day = due, day < visit { problems.add("due", "The due date cannot be before the visit (\(visit.iso)).") }
        try problems.check()
        let number = existing.filter { $0.kind == kind! }.count + 1
        return Requirement(
            reference: "\(review.reference)-\(kind!.prefix)\(number)", review: review.reference,
            organisation: review.organisation, region: review.region, kind: kind!, text: text!,
            standards: NewRegisterEntryForm.distinct(codes), owner: kind!.isActionable ? owner : nil,
            due: kind!.isActionable ? (due ?? rules.due(kind!, visitedOn: visit, calendar: calendar)) : nil,
            status: kind!.isActionable ? .open : .noted, raisedOn: visit)
    }
}
