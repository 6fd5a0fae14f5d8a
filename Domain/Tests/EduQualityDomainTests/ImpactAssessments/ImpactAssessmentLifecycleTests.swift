import Testing
@testable import EduQualityDomain

@Suite("Impact assessments: the lifecycle, decisions, conditions and comments")
struct ImpactAssessmentLifecycleTests {
    typealias F = ImpactAssessmentFixtures
    typealias S = ImpactAssessmentStatus

    /// Every status × event, written out.
    static let moves: [S: [S.Event: S]] = [
        .draft: [.submit: .submitted, .withdraw: .withdrawn],
        .submitted: [.startReview: .underReview, .withdraw: .withdrawn],
        .underReview: [.decide: .decided, .withdraw: .withdrawn],
        .decided: [:],
        .withdrawn: [:],
    ]

    @Test("the state machine allows exactly the listed moves", arguments: S.allCases)
    func table(status: S) {
        for event in S.Event.allCases {
            #expect(status.after(event) == Self.moves[status]![event], "\(status) \(event)")
        }
    }

    /// Applies `event` through the assessment's own method.
    static func apply(_ event: S.Event, to a: inout ImpactAssessment) throws -> ImpactAssessmentChange {
        switch event {
        case .submit: try a.submit(form: F.form, on: F.today)
        case .startReview: try a.startReview()
        case .decide: try a.decide("supported", reason: "Little impact on learners.", by: "user-team", on: F.today)
        case .withdraw: try a.withdraw(reason: nil, on: F.today)
        }
    }

    @Test("every method moves the assessment exactly as the table says, and a refused move changes nothing",
          arguments: S.allCases)
    func methods(status: S) throws {
        for event in S.Event.allCases {
            // setup
            var a = try F.assessment(status)
            let before = a
            // MUT, validate
            if let target = Self.moves[status]![event] {
                let change = try Self.apply(event, to: &a)
                #expect(a.status == target, "\(status) \(event)")
                #expect(change.audit.before?["status"] == status.rawValue && change.audit.after?["status"] == target.rawValue)
            } else {
                #expect(throws: InvalidForm.self, "\(status) \(event)") { try Self.apply(event, to: &a) }
                #expect(a == before)
            }
        }
    }

    @Test("submission needs every required section rated and the overall rating")
    func submitNeedsRatings() throws {
        var ratings = F.allRated()
        ratings["travel"] = nil
        ratings["wellbeing"] = nil
        var a = try F.draft(F.typed(ratings: ratings, overall: nil))
        let error = #expect(throws: InvalidForm.self) { try a.submit(form: F.form, on: F.today) }
        #expect(error?.problems.map(\.field) == ["ratings.travel", "ratings.wellbeing", "overallRating"])
        #expect(error?.message(for: "ratings.travel") == "Rate travel before submitting.")
        #expect(a.status == .draft)
        _ = try a.rate(section: "travel", rating: "high", evidence: "Forty minutes each way", form: F.form)
        _ = try a.rate(section: "wellbeing", rating: "none", evidence: nil, form: F.form)
        _ = try a.revise(F.typed(ratings: a.ratings.mapValues { .init(rating: $0.rating, evidence: $0.evidence) }, overall: "high"),
                         form: F.form, professions: F.professions, regionOf: { F.regions[$0] })
        let change = try a.submit(form: F.form, on: F.today)
        #expect(change.lines == ["Submitted, overall impact high"])
        #expect(a.submittedOn == F.today)
    }

    @Test("an optional section may stay unrated; a section added since drafting must be rated")
    func configuredSections() throws {
        let extended = try ImpactAssessmentForm(scale: F.form.scale, sections: F.form.sections + [
            ImpactSection(code: "research", title: "Research time", help: "", required: true),
            ImpactSection(code: "library", title: "Library", help: "", required: false),
        ])
        var a = try F.draft()
        let error = #expect(throws: InvalidForm.self) { try a.submit(form: extended, on: F.today) }
        #expect(error?.problems.map(\.field) == ["ratings.research"])
        _ = try a.rate(section: "research", rating: "low", evidence: "One session lost", form: extended)
        _ = try a.submit(form: extended, on: F.today)
        #expect(a.status == .submitted)
    }

    @Test("a rating outside the configured scale is refused, and rating stops after submission")
    func ratingScale() throws {
        var a = try F.draft()
        let error = #expect(throws: InvalidForm.self) { try a.rate(section: "travel", rating: "extreme", evidence: "x", form: F.form) }
        #expect(error?.message(for: "ratings.travel") == "extreme is not on the rating scale: rate travel none, low, medium or high.")
        let change = try a.rate(section: "travel", rating: "medium", evidence: "Longer journeys", form: F.form)
        #expect(change.lines == ["Travel rated medium"] && change.audit.before?["rating"] == "low")
        var submitted = try F.assessment(.submitted)
        #expect(throws: InvalidForm.self) { try submitted.rate(section: "travel", rating: "low", evidence: "x", form: F.form) }
        #expect(throws: InvalidForm.self) {
            try submitted.revise(F.typed(), form: F.form, professions: F.professions, regionOf: { F.regions[$0] })
        }
    }

    @Test("a decision needs a known outcome and a reason; conditions go with supported with conditions only", arguments: [
        ("supported", [String](), nil as String?, "reason", "Give the reason for the decision."),
        ("supported", [], " ", "reason", "Give the reason for the decision."),
        ("maybe", [], "x", "decision", "Choose a decision: supported, supported-with-conditions, not-supported."),
        ("supported-with-conditions", [], "x", "conditions", "List the conditions the support depends on."),
        ("supported-with-conditions", [" "], "x", "conditions", "List the conditions the support depends on."),
        ("not-supported", ["Do something"], "x", "conditions", "Only a decision of supported with conditions has conditions."),
    ])
    func badDecisions(decision: String, conditions: [String], reason: String?, field: String, message: String) throws {
        var a = try F.assessment(.underReview)
        let before = a
        let error = #expect(throws: InvalidForm.self) {
            try a.decide(decision, conditions: conditions, reason: reason, by: "user-team", on: F.today)
        }
        #expect(error?.message(for: field) == message, "\(String(describing: error))")
        #expect(a == before)
    }

    @Test("each decision outcome is recorded with its reason", arguments: ImpactDecisionOutcome.allCases)
    func outcomes(outcome: ImpactDecisionOutcome) throws {
        var a = try F.assessment(.underReview)
        let conditions = outcome == .supportedWithConditions ? ["Named supervisors"] : []
        let change = try a.decide(outcome.rawValue, conditions: conditions, reason: "Because.", by: "user-team", on: F.today)
        #expect(a.decision?.outcome == outcome && a.decision?.reason == "Because.")
        #expect(change.audit.after?["decision"] == outcome.rawValue)
        #expect(a.openConditions.count == conditions.count)
    }

    @Test("conditions are tracked one by one until all are met")
    func conditions() throws {
        var a = try F.assessment(.decided)
        #expect(a.openConditions.map(\.number) == [1, 2])
        let first = try a.meetCondition(1, note: "Rota shows named supervisors", on: F.today)
        #expect(first.lines == ["Condition 1 met; 1 still open"])
        #expect(throws: InvalidForm.self) { try a.meetCondition(1, note: nil, on: F.today) }
        #expect(throws: InvalidForm.self) { try a.meetCondition(3, note: nil, on: F.today) }
        let second = try a.meetCondition(2, note: nil, on: F.today)
        #expect(second.lines == ["Condition 2 met; all conditions met"])
        #expect(a.openConditions.isEmpty)
        #expect(a.decision?.conditions.first?.note == "Rota shows named supervisors")
        var plain = try F.assessment(.underReview)
        _ = try plain.decide("supported", reason: "Fine.", by: "t", on: F.today)
        #expect(throws: InvalidForm.self) { try plain.meetCondition(1, note: nil, on: F.today) }
    }

    @Test("comments pass between team and submitter from submission, not on a draft or a withdrawn assessment",
          arguments: S.allCases)
    func comments(status: S) throws {
        var a = try F.assessment(status)
        if status.takesComments {
            let change = try a.comment("Please send the rota.", from: .team, by: "user-team", on: F.today)
            _ = try a.comment("Attached.", from: .submitter, by: "user-provider", on: F.today)
            #expect(change.lines == ["Comment 1 from the quality team"])
            #expect(a.comments.map(\.side) == [.team, .submitter])
            #expect(throws: InvalidForm.self) { try a.comment(" ", from: .team, by: "user-team", on: F.today) }
        } else {
            #expect(throws: InvalidForm.self) { try a.comment("Hello", from: .team, by: "user-team", on: F.today) }
            #expect(a.comments.isEmpty)
        }
        #expect(status.takesComments == [.submitted, .underReview, .decided].contains(status))
    }

    @Test("a decision can open a register entry, recorded once; not before the decision")
    func registerEntry() throws {
        var a = try F.assessment(.decided)
        #expect(try a.link(registerEntry: "QR-00009")?.lines == ["Register entry QR-00009 opened from the decision"])
        #expect(try a.link(registerEntry: "QR-00009") == nil)
        var b = try F.assessment(.underReview)
        #expect(throws: InvalidForm.self) { try b.link(registerEntry: "QR-00009") }
    }

    @Test("withdrawal records its reason")
    func withdrawal() throws {
        var a = try F.assessment(.underReview)
        let change = try a.withdraw(reason: "The service change is cancelled.", on: F.today)
        #expect(change.lines == ["Withdrawn: The service change is cancelled."])
        #expect(a.status == .withdrawn)
    }
}
