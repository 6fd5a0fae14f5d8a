/// A new ISF decision as typed on the page or sent to the API, every field a string.
public struct ISFDecisionForm: Hashable, Sendable {
    public var category: String?
    public var rationale: String?
    public var evidence: [String]
    public var supportPlan: [TypedPlanAction]
    public var nextReview: String?
    public var conditionsMet: String?

    public static let maxRationale = 10_000
    public static let maxPlanActions = 20

    public init(category: String? = nil, rationale: String? = nil, evidence: [String] = [],
                supportPlan: [TypedPlanAction] = [], nextReview: String? = nil, conditionsMet: String? = nil) {
        self.category = category
        self.rationale = rationale
        self.evidence = evidence
        self.supportPlan = supportPlan
        self.nextReview = nextReview
        self.conditionsMet = conditionsMet
    }

    /// The decision about `subject`, which `history` holds every earlier decision of. `evidence`
    /// must name register entries the decider may see (`knownEntries`, from the caller).
    public func validated(subject: ISFSubject, history: ISFHistory, scale: ISFCategoryScale,
                          knownEntries: Set<String>, id: String, decidedBy: String,
                          today: CalendarDay) throws(InvalidForm) -> ISFDecision {
        var problems = FormProblems()
        let levels = scale.categories.map { String($0.level) }.joined(separator: ", ")
        var level: Int?
        if let text = FormProblems.clean(category) {
            if let n = Int(text), scale.category(n) != nil { level = n } else {
                problems.add("category", "Category must be one of \(levels).")
            }
        } else {
            problems.add("category", "Choose the category.")
        }
        let why = problems.text("rationale", rationale, maxLength: Self.maxRationale,
                                missing: "Give the rationale for the decision.")
        let references = NewRegisterEntryForm.distinct(evidence)
        if references.isEmpty {
            problems.add("evidence", "Link at least one register entry as evidence.")
        } else if let unknown = references.first(where: { !knownEntries.contains($0) }) {
            problems.add("evidence", "There is no register entry \(unknown) you can see.")
        }
        var plan: [ISFPlanAction] = []
        let typed = supportPlan.filter { !$0.isBlank }
        if typed.count > Self.maxPlanActions { problems.add("supportPlan", "Give at most \(Self.maxPlanActions) actions.") }
        for row in typed.prefix(Self.maxPlanActions) {
            guard let action = FormProblems.clean(row.action), action.count <= 2_000,
                  let owner = FormProblems.clean(row.owner), owner.count <= 200 else {
                problems.add("supportPlan", "Each action of the support plan needs what will be done and who owns it."); continue
            }
            guard let due = FormProblems.clean(row.due).flatMap(CalendarDay.init(iso:)), due >= today else {
                problems.add("supportPlan", "Each action of the support plan needs a due date, today or later, as YYYY-MM-DD."); continue
            }
            plan.append(ISFPlanAction(action: action, owner: owner, due: due))
        }
        if let level, level >= 2, typed.isEmpty {
            problems.add("supportPlan", "A category \(level) decision needs a support plan: at least one action with an owner and a due date.")
        }
        let review = problems.day("nextReview", nextReview, missing: "Enter the date of the next review.")
        if let review {
            if review <= today { problems.add("nextReview", "The next review must be after today.") }
            else if review > today.adding(days: 366) { problems.add("nextReview", "The next review must be within a year.") }
        }
        let previous = history.current?.category
        let conditions = problems.optionalText("conditionsMet", conditionsMet, maxLength: 4_000)
        if let level, let previous, level < previous, conditions == nil {
            problems.add("conditionsMet", "Record the conditions the subject met to come down from category \(previous).")
        }
        try problems.check()
        return ISFDecision(id: id, subject: subject, category: level!, previousCategory: previous, rationale: why!,
                           evidence: references, supportPlan: plan, nextReview: review!, decidedBy: decidedBy,
                           decidedOn: today, conditionsMet: level! < (previous ?? 0) ? conditions : nil)
    }

    /// The suggested next review for a category: its review interval from today.
    public static func suggestedReview(for level: Int, scale: ISFCategoryScale, today: CalendarDay) -> CalendarDay? {
        scale.category(level).map { today.adding(days: 7 * $0.reviewWeeks) }
    }
}

/// A support-plan row as typed.
public struct TypedPlanAction: Hashable, Sendable {
    public var action: String?
    public var owner: String?
    public var due: String?

    public init(action: String? = nil, owner: String? = nil, due: String? = nil) {
        self.action = action
        self.owner = owner
        self.due = due
    }

    var isBlank: Bool { [action, owner, due].allSatisfy { FormProblems.clean($0) == nil } }
}
