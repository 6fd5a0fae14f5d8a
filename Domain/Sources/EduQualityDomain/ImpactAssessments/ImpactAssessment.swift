/// An impact assessment on educational opportunities: a provider or commissioner's account of a
/// proposed service change and its effect on learners, rated section by section on the configured
/// form, and the regional quality team's decision with its conditions tracked to completion.
/// Every change goes through a method here returning its history line and audit event.
public struct ImpactAssessment: Hashable, Sendable {
    /// `IA-` and a five-digit sequence number.
    public var reference: String
    /// The provider's region: the regional team that decides it.
    public var region: String
    public var commissioner: String
    public var commissionerRegion: String
    public var provider: String
    public var service: String
    public var description: String
    public var proposedStart: CalendarDay
    public var proposedEnd: CalendarDay?
    public private(set) var learners: [LearnersAffected]
    /// Section code → rating.
    public private(set) var ratings: [String: SectionRating]
    public private(set) var mitigations: String?
    public private(set) var overallRating: String?
    public private(set) var status: ImpactAssessmentStatus
    public private(set) var decision: ImpactDecision?
    public private(set) var comments: [ImpactComment]
    /// The register entry a decision opened, when it did.
    public private(set) var registerEntry: String?
    public var createdBy: String
    public var createdOn: CalendarDay
    public private(set) var submittedOn: CalendarDay?

    public init(reference: String, region: String, commissioner: String, commissionerRegion: String, provider: String,
                service: String, description: String, proposedStart: CalendarDay, proposedEnd: CalendarDay? = nil,
                learners: [LearnersAffected] = [], ratings: [String: SectionRating] = [:], mitigations: String? = nil,
                overallRating: String? = nil, status: ImpactAssessmentStatus = .draft, decision: ImpactDecision? = nil,
                comments: [ImpactComment] = [], registerEntry: String? = nil, createdBy: String, createdOn: CalendarDay,
                submittedOn: CalendarDay? = nil) {
        self.reference = reference
        self.region = region
        self.commissioner = commissioner
        self.commissionerRegion = commissionerRegion
        self.provider = provider
        self.service = service
        self.description = description
        self.proposedStart = proposedStart
        self.proposedEnd = proposedEnd
        self.learners = learners
        self.ratings = ratings
        self.mitigations = mitigations
        self.overallRating = overallRating
        self.status = status
        self.decision = decision
        self.comments = comments
        self.registerEntry = registerEntry
        self.createdBy = createdBy
        self.createdOn = createdOn
        self.submittedOn = submittedOn
    }

    public static let maxText = 4_000

    public static func reference(number: Int) -> String {
        let digits = String(number)
        return "IA-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Where the authorisation rule places it: at the provider (the team of its region decides it,
    /// its leads submit it) and at the commissioner (whose leads may submit it too).
    public var providerLocation: Location { Location(region: region, organisation: provider) }
    public var commissionerLocation: Location { Location(region: commissionerRegion, organisation: commissioner) }

    public var totalLearners: Int { learners.reduce(0) { $0 + $1.count } }

    /// Required sections of `form` not yet rated.
    public func unrated(in form: ImpactAssessmentForm) -> [ImpactSection] {
        form.requiredSections.filter { ratings[$0.code] == nil }
    }

    public var openConditions: [ImpactCondition] { decision?.conditions.filter { $0.status == .open } ?? [] }

    /// Checks one section's rating: the section is on the form, the rating on the scale, and any
    /// rating above the lowest has its evidence.
    static func rating(_ code: String, _ typed: NewImpactAssessmentForm.TypedRating, form: ImpactAssessmentForm,
                       _ problems: inout FormProblems) -> SectionRating? {
        guard let section = form.section(code) else {
            problems.add("ratings.\(code)", "\(code) is not a section of the impact assessment form."); return nil
        }
        guard let rating = FormProblems.clean(typed.rating) else {
            problems.add("ratings.\(code)", "Rate \(section.title.lowercased()) \(form.scaleList)."); return nil
        }
        guard let severity = form.severity(of: rating) else {
            problems.add("ratings.\(code)", "\(rating) is not on the rating scale: rate \(section.title.lowercased()) \(form.scaleList)."); return nil
        }
        let evidence = problems.optionalText("evidence.\(code)", typed.evidence, maxLength: maxText)
        if severity > 0, evidence == nil {
            problems.add("evidence.\(code)", "Give the evidence for rating \(section.title.lowercased()) \(rating)."); return nil
        }
        return SectionRating(rating: rating, evidence: evidence)
    }

    private func change(_ line: String, _ action: String, before: [String: String]? = nil, after: [String: String]) -> ImpactAssessmentChange {
        ImpactAssessmentChange(lines: [line], audit: AuditEvent(action: "impact-assessment.\(action)", entityType: "impact-assessment",
                                                                entityID: reference, before: before, after: after))
    }

    private func step(_ event: ImpactAssessmentStatus.Event, field: String) throws(InvalidForm) -> ImpactAssessmentStatus {
        guard let next = status.after(event) else {
            let verb = event == .startReview ? "be taken under review" : "be \(event == .submit ? "submitted" : event == .decide ? "decided" : "withdrawn")"
            throw InvalidForm(field: field, "An assessment that is \(status.displayName.lowercased()) cannot \(verb).")
        }
        return next
    }

    /// Replaces the draft's details, learners, ratings, mitigations and overall rating with
    /// `typed` (the same checks as a new one). Only a draft may be revised.
    public mutating func revise(_ typed: NewImpactAssessmentForm, form: ImpactAssessmentForm, professions: Set<String>,
                                regionOf: (String) -> String?) throws(InvalidForm) -> ImpactAssessmentChange {
        guard status == .draft else {
            throw InvalidForm(field: "service", "Only a draft can be changed; this assessment is \(status.displayName.lowercased()).")
        }
        let revised = try typed.validated(reference: reference, form: form, professions: professions, regionOf: regionOf,
                                          by: createdBy, today: createdOn)
        self = revised
        return change("Draft revised: \(ratings.count) of \(form.sections.count) sections rated", "revise",
                      after: ["provider": provider, "commissioner": commissioner, "rated": String(ratings.count)])
    }

    /// Rates one section of a draft (again, replacing the earlier rating).
    public mutating func rate(section code: String, rating: String?, evidence: String?,
                              form: ImpactAssessmentForm) throws(InvalidForm) -> ImpactAssessmentChange {
        guard status == .draft else {
            throw InvalidForm(field: "ratings.\(code)", "Only a draft can be rated; this assessment is \(status.displayName.lowercased()).")
        }
        var problems = FormProblems()
        let rated = Self.rating(code, .init(rating: rating, evidence: evidence), form: form, &problems)
        try problems.check()
        let before = ratings[code]?.rating
        ratings[code] = rated!
        return change("\(form.section(code)!.title) rated \(rated!.rating)", "rate",
                      before: before.map { ["section": code, "rating": $0] }, after: ["section": code, "rating": rated!.rating])
    }

    /// Submits the draft: every required section rated on the current scale, and the overall
    /// rating given.
    public mutating func submit(form: ImpactAssessmentForm, on today: CalendarDay) throws(InvalidForm) -> ImpactAssessmentChange {
        let next = try step(.submit, field: "status")
        var problems = FormProblems()
        for section in unrated(in: form) {
            problems.add("ratings.\(section.code)", "Rate \(section.title.lowercased()) before submitting.")
        }
        for code in ratings.keys.sorted() where form.level(ratings[code]!.rating) == nil || form.section(code) == nil {
            problems.add("ratings.\(code)", "The rating of \(code) is no longer on the form; rate it again \(form.scaleList).")
        }
        if overallRating.flatMap(form.level) == nil { problems.add("overallRating", "Give the overall rating, \(form.scaleList).") }
        try problems.check()
        status = next
        submittedOn = today
        return change("Submitted, overall impact \(overallRating!)", "submit", before: ["status": "draft"],
                      after: ["status": next.rawValue, "overallRating": overallRating!])
    }

    /// The quality team takes a submitted assessment under review.
    public mutating func startReview() throws(InvalidForm) -> ImpactAssessmentChange {
        let next = try step(.startReview, field: "status")
        status = next
        return change("Taken under review", "start-review", before: ["status": "submitted"], after: ["status": next.rawValue])
    }

    /// Decides an assessment under review. Every decision needs a reason; supported with
    /// conditions needs at least one condition, and the other outcomes take none.
    public mutating func decide(_ typed: String?, conditions typedConditions: [String] = [], reason: String?,
                                by actor: String, on today: CalendarDay) throws(InvalidForm) -> ImpactAssessmentChange {
        var problems = FormProblems()
        let outcome = FormProblems.clean(typed).flatMap(ImpactDecisionOutcome.init(rawValue:))
        if outcome == nil {
            problems.add("decision", "Choose a decision: " + ImpactDecisionOutcome.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let why = problems.text("reason", reason, maxLength: Self.maxText, missing: "Give the reason for the decision.")
        let conditions = typedConditions.compactMap(FormProblems.clean)
        if outcome == .supportedWithConditions, conditions.isEmpty {
            problems.add("conditions", "List the conditions the support depends on.")
        }
        if let outcome, outcome != .supportedWithConditions, !conditions.isEmpty {
            problems.add("conditions", "Only a decision of supported with conditions has conditions.")
        }
        if conditions.contains(where: { $0.count > 2_000 }) { problems.add("conditions", "Keep each condition to 2000 characters or fewer.") }
        let next = try step(.decide, field: "decision")
        try problems.check()
        status = next
        decision = ImpactDecision(outcome: outcome!, reason: why!,
                                  conditions: conditions.enumerated().map { ImpactCondition(number: $0.offset + 1, text: $0.element) },
                                  by: actor, on: today)
        var line = "Decided: \(outcome!.displayName.lowercased()): \(why!)"
        if !conditions.isEmpty { line += " (\(conditions.count) condition\(conditions.count == 1 ? "" : "s"))" }
        return change(line, "decide", before: ["status": "under-review"],
                      after: ["status": next.rawValue, "decision": outcome!.rawValue, "reason": why!, "conditions": String(conditions.count)])
    }

    /// Marks condition `number` met, with how the team judged it.
    public mutating func meetCondition(_ number: Int, note: String?, on today: CalendarDay) throws(InvalidForm) -> ImpactAssessmentChange {
        guard var decision, let index = decision.conditions.firstIndex(where: { $0.number == number }) else {
            throw InvalidForm(field: "condition", "This assessment has no condition \(number).")
        }
        guard decision.conditions[index].status == .open else { throw InvalidForm(field: "condition", "Condition \(number) is already met.") }
        var problems = FormProblems()
        let note = problems.optionalText("note", note, maxLength: 2_000)
        try problems.check()
        decision.conditions[index].status = .met
        decision.conditions[index].metOn = today
        decision.conditions[index].note = note
        self.decision = decision
        let remaining = openConditions.count
        return change("Condition \(number) met" + (remaining == 0 ? "; all conditions met" : "; \(remaining) still open"),
                      "meet-condition", before: ["condition": String(number), "status": "open"],
                      after: ["condition": String(number), "status": "met"])
    }

    /// Withdraws an assessment not yet decided.
    public mutating func withdraw(reason: String?, on today: CalendarDay) throws(InvalidForm) -> ImpactAssessmentChange {
        let next = try step(.withdraw, field: "status")
        var problems = FormProblems()
        let why = problems.optionalText("reason", reason, maxLength: 2_000)
        try problems.check()
        let before = status
        status = next
        return change("Withdrawn" + (why.map { ": \($0)" } ?? ""), "withdraw", before: ["status": before.rawValue],
                      after: ["status": next.rawValue, "reason": why ?? ""])
    }

    /// A comment from the team or the submitter, once the assessment is submitted and until it
    /// is withdrawn.
    public mutating func comment(_ text: String?, from side: ImpactComment.Side, by actor: String,
                                 on today: CalendarDay) throws(InvalidForm) -> ImpactAssessmentChange {
        var problems = FormProblems()
        let what = problems.text("comment", text, maxLength: 2_000, missing: "Write the comment.")
        guard status.takesComments else {
            throw InvalidForm(field: "comment", status == .draft ? "Submit the assessment before comments are exchanged."
                                                                 : "The assessment is withdrawn; it takes no comments.")
        }
        try problems.check()
        let comment = ImpactComment(number: comments.count + 1, side: side, by: actor, text: what!, on: today)
        comments.append(comment)
        return change("Comment \(comment.number) from the \(side == .team ? "quality team" : "submitter")", "comment",
                      after: ["comment": String(comment.number), "side": side.rawValue])
    }

    /// Records the register entry a decided assessment opened.
    public mutating func link(registerEntry entry: String) throws(InvalidForm) -> ImpactAssessmentChange? {
        guard status == .decided else { throw InvalidForm(field: "registerEntry", "Decide the assessment before opening a register entry from it.") }
        guard registerEntry != entry else { return nil }
        registerEntry = entry
        return change("Register entry \(entry) opened from the decision", "link-register", after: ["registerEntry": entry])
    }
}
