/// The grades a review may give a placement or post, best first.
public enum PlacementGradeLevel: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case excellent, good
    case requiresImprovement = "requires-improvement"
    case inadequate

    public var displayName: String {
        switch self {
        case .excellent: "Excellent"
        case .good: "Good"
        case .requiresImprovement: "Requires improvement"
        case .inadequate: "Inadequate"
        }
    }

    /// The two lower grades need time-bound actions.
    public var needsActions: Bool { self == .requiresImprovement || self == .inadequate }

    /// The grade one step up, when there is one.
    public var oneUp: PlacementGradeLevel? {
        let all = Self.allCases
        let i = all.firstIndex(of: self)!
        return i == 0 ? nil : all[i - 1]
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! > allCases.firstIndex(of: b)!
    }
}

/// A graded placement: what it was graded, what it needs to reach the next grade, and (for the
/// lower two grades) the actions with their due dates.
public struct PlacementGrade: Hashable, Sendable, Codable {
    public var placement: String
    public var grade: PlacementGradeLevel
    public var toMoveUp: String?
    public var actions: [ISFPlanAction]

    public init(placement: String, grade: PlacementGradeLevel, toMoveUp: String?, actions: [ISFPlanAction]) {
        self.placement = placement
        self.grade = grade
        self.toMoveUp = toMoveUp
        self.actions = actions
    }

    /// A grade as typed. Below excellent, what is needed to move up is required; below good, at
    /// least one action with an owner and a due date no earlier than today.
    public static func validated(placement: String?, grade: String?, toMoveUp: String?,
                                 action: String?, actionOwner: String?, actionDue: String?,
                                 today: CalendarDay) throws(InvalidForm) -> PlacementGrade {
        var problems = FormProblems()
        let place = problems.text("placement", placement, maxLength: 200, missing: "Say which placement or post is graded.")
        let level = FormProblems.clean(grade).flatMap(PlacementGradeLevel.init(rawValue:))
        if level == nil { problems.add("grade", "Choose a grade.") }
        let needed = problems.optionalText("toMoveUp", toMoveUp, maxLength: 2_000)
        if let level, level.oneUp != nil, needed == nil {
            problems.add("toMoveUp", "Say what is needed to reach \(level.oneUp!.displayName.lowercased()).")
        }
        var actions: [ISFPlanAction] = []
        let anyAction = [action, actionOwner, actionDue].contains { FormProblems.clean($0) != nil }
        if let level, level.needsActions || anyAction {
            let what = problems.text("action", action, maxLength: 2_000,
                                     missing: "A placement graded \(level.displayName.lowercased()) needs a time-bound action.")
            let who = problems.text("actionOwner", actionOwner, maxLength: 200, missing: "Say who owns the action.")
            let due = problems.day("actionDue", actionDue, missing: "Enter the date the action is due.")
            if let due, due < today { problems.add("actionDue", "The due date must be today or later.") }
            if let what, let who, let due { actions.append(ISFPlanAction(action: what, owner: who, due: due)) }
        }
        try problems.check()
        return PlacementGrade(placement: place!, grade: level!, toMoveUp: needed, actions: actions)
    }
}
