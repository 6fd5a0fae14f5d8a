/// Why a suspension step was refused.
public enum SuspensionRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case notAtTopCategory(current: Int?, top: Int)
    case regionIsNotASubject
    case professionNotCovered(String)
    case noProfessions
    case outOfOrder(expected: TrainingSuspension.Step?, attempted: TrainingSuspension.Step)
    case outOfScope(String)
    case invalid(field: String, message: String)
    case notANationalLead

    public var description: String {
        switch self {
        case .notAtTopCategory(let current, let top):
            "Suspension of training is considered only for a subject at ISF category \(top); this one is "
                + (current.map { "at category \($0)" } ?? "not categorised") + "."
        case .regionIsNotASubject:
            "Training is suspended at a provider, site or programme, not across a region."
        case .professionNotCovered(let code):
            "The policy covers doctors in training only; \(code) is not covered."
        case .noProfessions:
            "Choose the doctors in training whose training is affected."
        case .outOfOrder(let expected, let attempted):
            expected.map { "Record step \($0.rawValue), \($0.title.lowercased()), before step \(attempted.rawValue), \(attempted.title.lowercased())." }
                ?? "This suspension's workflow has ended; no step can be recorded."
        case .outOfScope(let message): message
        case .invalid(_, let message): message
        case .notANationalLead: "The panel's decision must be confirmed by a national quality lead."
        }
    }

    public var field: String {
        switch self {
        case .invalid(let field, _): field
        case .outOfScope: "triggers"
        case .professionNotCovered, .noProfessions: "professions"
        default: "step"
        }
    }
}

extension TrainingSuspension {
    /// Opens the workflow for `subject`, refused unless its current ISF category is the top one,
    /// it is not a whole region, and the learners are doctors in training.
    public static func open(reference: String, subject: ISFSubject, history: ISFHistory, scale: ISFCategoryScale,
                            professions: [String], reasons: SuspensionReasons, by actor: String,
                            on day: CalendarDay) throws(SuspensionRefusal) -> (TrainingSuspension, AuditEvent) {
        guard subject.kind != .region else { throw .regionIsNotASubject }
        guard history.isAtTop(of: scale) else { throw .notAtTopCategory(current: history.current?.category, top: scale.top.level) }
        guard !professions.isEmpty else { throw .noProfessions }
        if let other = professions.first(where: { !reasons.professions.contains($0) }) { throw .professionNotCovered(other) }
        let suspension = TrainingSuspension(reference: reference, subject: subject, openedOn: day, openedBy: actor)
        return (suspension, AuditEvent(action: "suspension.open", entityType: "training-suspension", entityID: reference,
                                       after: ["subject": subject.description, "professions": professions.joined(separator: ",")]))
    }

    /// The step to record next; nil once the suspension is lifted or the panel decided not to suspend.
    public var nextStep: Step? {
        if lift != nil { return nil }
        if let decision, !decision.suspend { return nil }
        if localResolution == nil { return .localResolution }
        if triggers.isEmpty { return .triggers }
        if decision == nil { return .decision }
        if notifications == nil { return .notifications }
        if learners.isEmpty { return .affectedLearners }
        if returnConditions.isEmpty { return .returnConditions }
        return .lift
    }

    public var isSuspended: Bool { decision?.suspend == true && lift == nil }
    public var isFinished: Bool { nextStep == nil }

    public mutating func recordLocalResolution(_ resolution: LocalResolution, by actor: String, on day: CalendarDay) throws(SuspensionRefusal) -> AuditEvent {
        try expect(.localResolution)
        switch resolution {
        case .offered(let outcome): localResolution = .offered(outcome: try Self.text("localOutcome", outcome, "Record the outcome of the local resolution offered."))
        case .skipped(let reason): localResolution = .skipped(urgentSafetyReason: try Self.text("urgentReason", reason, "Record the urgent patient or learner safety reason for not offering local resolution first."))
        }
        let fields: [String: String] = switch localResolution! {
        case .offered: ["localResolution": "offered"]
        case .skipped: ["localResolution": "skipped-urgent-safety"]
        }
        return done(.localResolution, by: actor, on: day, fields)
    }

    /// Records the confirmed triggers; any out-of-scope reason refuses the whole step.
    public mutating func recordTriggers(_ codes: [String], reasons: SuspensionReasons, by actor: String, on day: CalendarDay) throws(SuspensionRefusal) -> AuditEvent {
        try expect(.triggers)
        let chosen = NewRegisterEntryForm.distinct(codes)
        if let excluded = chosen.compactMap(reasons.outOfScopeReason).first { throw .outOfScope(reasons.refusal(for: excluded)) }
        if let unknown = chosen.first(where: { reasons.trigger($0) == nil }) {
            throw .invalid(field: "triggers", message: "There is no trigger \(unknown).")
        }
        guard !chosen.isEmpty else { throw .invalid(field: "triggers", message: "Choose at least one confirmed trigger.") }
        triggers = chosen
        return done(.triggers, by: actor, on: day, ["triggers": chosen.joined(separator: ",")])
    }

    /// The panel's decision, confirmed by a national quality lead (`confirmerIsNationalLead`, from
    /// the caller's roles).
    public mutating func recordDecision(panel: [PanelMember], suspend: Bool, rationale: String, confirmedBy: String,
                                        confirmerIsNationalLead: Bool, on day: CalendarDay) throws(SuspensionRefusal) -> AuditEvent {
        try expect(.decision)
        guard confirmerIsNationalLead else { throw .notANationalLead }
        let members = panel.filter { !$0.name.trimmingWhitespace.isEmpty }
        guard members.count >= 2, members.allSatisfy({ !$0.role.trimmingWhitespace.isEmpty }) else {
            throw .invalid(field: "panel", message: "Name at least two panel members, each with their role.")
        }
        let why = try Self.text("rationale", rationale, "Record the panel's rationale.")
        decision = Decision(panel: members, suspend: suspend, rationale: why, decidedOn: day, confirmedBy: confirmedBy)
        return done(.decision, by: confirmedBy, on: day, ["suspend": String(suspend), "panel": String(members.count)])
    }

    public mutating func recordNotifications(provider: CalendarDay?, learners: CalendarDay?, regulator: CalendarDay?,
                                             by actor: String, on day: CalendarDay) throws(SuspensionRefusal) -> AuditEvent {
        try expect(.notifications)
        guard let provider, let learners, let regulator else {
            throw .invalid(field: "notifications", message: "Record the day the provider, the affected learners and the regulator were each told.")
        }
        let decided = decision!.decidedOn
        guard [provider, learners, regulator].allSatisfy({ $0 >= decided && $0 <= day }) else {
            throw .invalid(field: "notifications", message: "Notifications are dated between the decision (\(decided.iso)) and today.")
        }
        notifications = Notifications(provider: provider, learners: learners, regulator: regulator)
        return done(.notifications, by: actor, on: day,
                    ["provider": provider.iso, "learners": learners.iso, "regulator": regulator.iso])
    }

    /// The affected learners as counts per programme and level, and where each group goes. A named
    /// list is kept only outside this record, as personal data with its lawful basis recorded here.
    public mutating func recordAffectedLearners(_ groups: [LearnerGroup], namedListLawfulBasis: String?,
                                                by actor: String, on day: CalendarDay) throws(SuspensionRefusal) -> AuditEvent {
        try expect(.affectedLearners)
        guard !groups.isEmpty else { throw .invalid(field: "learners", message: "Record at least one group of affected learners.") }
        for group in groups {
            guard !group.programme.trimmingWhitespace.isEmpty, !group.level.trimmingWhitespace.isEmpty, group.count > 0,
                  group.count <= 10_000, !group.relocatedTo.trimmingWhitespace.isEmpty else {
                throw .invalid(field: "learners", message: "Each group needs its programme, level, a number of learners from 1 and where they are relocated.")
            }
        }
        learners = groups
        self.namedListLawfulBasis = FormProblems.clean(namedListLawfulBasis)
        return done(.affectedLearners, by: actor, on: day,
                    ["groups": String(groups.count), "learners": String(groups.map(\.count).reduce(0, +)),
                     "namedList": self.namedListLawfulBasis == nil ? "no" : "yes"])
    }

    public mutating func recordReturnConditions(_ conditions: [String], by actor: String, on day: CalendarDay) throws(SuspensionRefusal) -> AuditEvent {
        try expect(.returnConditions)
        let list = NewRegisterEntryForm.distinct(conditions)
        guard !list.isEmpty, list.allSatisfy({ $0.count <= 2_000 }) else {
            throw .invalid(field: "conditions", message: "Record at least one condition for training to return.")
        }
        returnConditions = list
        return done(.returnConditions, by: actor, on: day, ["conditions": String(list.count)])
    }

    /// The review that found the conditions met and lifts the suspension.
    public mutating func recordLift(findings: String, by actor: String, on day: CalendarDay) throws(SuspensionRefusal) -> AuditEvent {
        try expect(.lift)
        let text = try Self.text("findings", findings, "Record how the review found the conditions for return met.")
        lift = Lift(reviewedOn: day, by: actor, findings: text)
        return done(.lift, by: actor, on: day, ["lifted": day.iso])
    }

    private func expect(_ step: Step) throws(SuspensionRefusal) {
        guard nextStep == step else { throw .outOfOrder(expected: nextStep, attempted: step) }
    }

    private mutating func done(_ step: Step, by actor: String, on day: CalendarDay, _ fields: [String: String]) -> AuditEvent {
        log.append(LogEntry(step: step, on: day, by: actor))
        return AuditEvent(action: "suspension.step-\(step.rawValue)", entityType: "training-suspension", entityID: reference,
                          after: fields.merging(["step": step.title]) { a, _ in a })
    }

    private static func text(_ field: String, _ value: String, _ missing: String) throws(SuspensionRefusal) -> String {
        guard let text = FormProblems.clean(value) else { throw .invalid(field: field, message: missing) }
        guard text.count <= 10_000 else { throw .invalid(field: field, message: "Keep this to 10000 characters or fewer.") }
        return text
    }
}
