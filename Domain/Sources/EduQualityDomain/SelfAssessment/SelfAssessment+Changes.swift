extension SelfAssessment {
    /// A provider's first save of the year: refused before its window opens. The standards are
    /// those of `framework`, the version the window fixed.
    public static func start(window: SelfAssessmentWindow, organisation: String, region: String, framework: QualityFramework,
                             today: CalendarDay) throws(InvalidForm) -> (SelfAssessment, SelfAssessmentChange) {
        guard window.state(on: today) != .upcoming else {
            throw InvalidForm(field: "year", "The \(window.year.label) self-assessment opens on \(window.opensOn.longDescription).")
        }
        let assessment = SelfAssessment(year: window.year, organisation: organisation, region: region,
                                        frameworkVersion: framework.version, standards: framework.standardCodes, startedOn: today)
        return (assessment, SelfAssessmentChange(
            lines: ["Started against version \(framework.version) of the Quality Framework"],
            audit: AuditEvent(action: "self-assessment.start", entityType: "self-assessment", entityID: assessment.entityID,
                              after: assessment.auditFields)))
    }

    /// Saves ratings, evidence and actions of the standards given (a blank field clears it), as a
    /// draft: nothing needs to be complete yet. Nil when nothing changed.
    public mutating func save(_ typed: [String: TypedSelfRating]) throws(InvalidForm) -> SelfAssessmentChange? {
        guard status.isEditableByProvider else {
            throw InvalidForm(field: "standards", "This self-assessment has been submitted and can no longer be changed.")
        }
        var problems = FormProblems()
        if let unknown = typed.keys.sorted().first(where: { !standards.contains($0) }) {
            problems.add("standards", "There is no standard \(unknown) in version \(frameworkVersion) of the Quality Framework.")
        }
        var next = ratings
        for code in standards {
            guard let t = typed[code] else { continue }
            var entry = rating(code)
            if let text = FormProblems.clean(t.rating) {
                if let r = SelfRating(rawValue: text) { entry.rating = r } else {
                    problems.add(Self.field("rating", code), "Rate standard \(code) as meets, partly meets or does not meet.")
                }
            } else if t.rating != nil {
                entry.rating = nil
            }
            if t.evidence != nil {
                entry.evidence = problems.optionalText(Self.field("evidence", code), t.evidence, maxLength: Self.maxEvidence) ?? ""
            }
            if t.actions != nil {
                entry.actions = problems.optionalText(Self.field("actions", code), t.actions, maxLength: Self.maxActions) ?? ""
            }
            next[code] = entry == StandardSelfAssessment() ? nil : entry
        }
        try problems.check()
        guard next != ratings else { return nil }
        let before = auditFields
        let changed = standards.filter { next[$0] != ratings[$0] }
        ratings = next
        return SelfAssessmentChange(
            lines: ["Draft saved: standards \(changed.joined(separator: ", ")) changed; \(ratedCount) of \(standards.count) rated"],
            audit: AuditEvent(action: "self-assessment.save", entityType: "self-assessment", entityID: entityID,
                              before: before, after: auditFields))
    }

    /// Submits the assessment: every standard rated with its evidence, and actions for each one
    /// not fully met. After the window's closing day it is accepted and marked late.
    public mutating func submit(window: SelfAssessmentWindow, today: CalendarDay) throws(InvalidForm) -> SelfAssessmentChange {
        guard status.next.contains(.submitted) else {
            throw InvalidForm(field: "standards", "This self-assessment is \(status.displayName.lowercased()) and cannot be submitted again.")
        }
        var problems = FormProblems()
        for code in standards {
            let entry = rating(code)
            guard let r = entry.rating else {
                problems.add(Self.field("rating", code), "Rate standard \(code) before submitting."); continue
            }
            if entry.evidence.isEmpty { problems.add(Self.field("evidence", code), "Give the evidence for your rating of standard \(code).") }
            if r.needsActions, entry.actions.isEmpty {
                problems.add(Self.field("actions", code), "Say what you will do to meet standard \(code) fully.")
            }
        }
        try problems.check()
        let before = auditFields
        let resubmission = status == .returned
        if !resubmission { submittedLate = window.isLate(today) }
        submittedOn = today
        status = .submitted
        reviews = [:]
        returnReason = nil
        let counts = ratingCounts()
        let summary = SelfRating.allCases.map { "\(counts[$0] ?? 0) \($0.displayName.lowercased())" }.joined(separator: ", ")
        return SelfAssessmentChange(
            lines: ["\(resubmission ? "Submitted again" : "Submitted")\(submittedLate && !resubmission ? " late, after the window closed on \(window.closesOn.longDescription)" : ""): \(summary)"],
            audit: AuditEvent(action: resubmission ? "self-assessment.resubmit" : "self-assessment.submit", entityType: "self-assessment",
                              entityID: entityID, before: before, after: auditFields))
    }

    /// Records the team's agreement or challenge (with a note) of the standards given; with
    /// `complete`, every standard must then have one and the review is final.
    public mutating func review(_ typed: [String: TypedReview], complete: Bool, by reviewer: String,
                                today: CalendarDay) throws(InvalidForm) -> SelfAssessmentChange {
        guard status == .submitted else {
            throw InvalidForm(field: "standards", status == .reviewed ? "The review of this self-assessment is complete."
                              : "Only a submitted self-assessment can be reviewed.")
        }
        var problems = FormProblems()
        if let unknown = typed.keys.sorted().first(where: { !standards.contains($0) }) {
            problems.add("standards", "There is no standard \(unknown) in version \(frameworkVersion) of the Quality Framework.")
        }
        var next = reviews
        var lines: [String] = []
        for code in standards {
            guard let t = typed[code] else { continue }
            let noteField = Self.field("note", code)
            let note = problems.optionalText(noteField, t.note, maxLength: Self.maxNote)
            guard let text = FormProblems.clean(t.verdict) else {
                if note != nil, reviews[code] == nil { problems.add(Self.field("verdict", code), "Agree with or challenge standard \(code), or clear the note.") }
                continue
            }
            guard let verdict = ReviewVerdict(rawValue: text) else {
                problems.add(Self.field("verdict", code), "Agree with or challenge standard \(code)."); continue
            }
            if verdict == .challenge, note == nil {
                problems.add(noteField, "Say why you challenge the rating of standard \(code)."); continue
            }
            let old = reviews[code]
            guard old?.verdict != verdict || old?.note != (note ?? "") else { continue }
            next[code] = StandardReview(verdict: verdict, note: note ?? "", by: reviewer, on: today)
            lines.append("\(code) \(verdict.displayName.lowercased())\(note.map { ": \($0)" } ?? "")")
        }
        if complete {
            for code in standards where next[code] == nil {
                problems.add(Self.field("verdict", code), "Agree with or challenge standard \(code) before completing the review.")
            }
        } else if lines.isEmpty, problems.isEmpty {
            problems.add(standards.first.map { Self.field("verdict", $0) } ?? "standards",
                         "Agree with or challenge at least one standard, or complete the review.")
        }
        try problems.check()
        let before = auditFields
        reviews = next
        if complete {
            status = .reviewed
            reviewedOn = today
            let counts = verdictCounts()
            lines.append("Review completed: \(counts[.agree] ?? 0) agreed, \(counts[.challenge] ?? 0) challenged")
        }
        return SelfAssessmentChange(
            lines: lines,
            audit: AuditEvent(action: complete ? "self-assessment.complete-review" : "self-assessment.review", entityType: "self-assessment",
                              entityID: entityID, before: before, after: auditFields))
    }

    /// Sends a submitted assessment back to the provider, with the reason. The verdicts so far
    /// are cleared (the audit log keeps them): the resubmission is reviewed afresh.
    public mutating func returnToProvider(reason: String?, today: CalendarDay) throws(InvalidForm) -> SelfAssessmentChange {
        guard status.next.contains(.returned) else {
            throw InvalidForm(field: "reason", "Only a submitted self-assessment not yet reviewed can be returned.")
        }
        var problems = FormProblems()
        let text = problems.text("reason", reason, maxLength: Self.maxReason, missing: "Say why the self-assessment is returned and what to change.")
        try problems.check()
        let before = auditFields
        status = .returned
        returnReason = text
        reviews = [:]
        return SelfAssessmentChange(
            lines: ["Returned to the provider: \(text!)"],
            audit: AuditEvent(action: "self-assessment.return", entityType: "self-assessment", entityID: entityID, before: before,
                              after: auditFields.merging(["reason": text!]) { a, _ in a }))
    }
}
