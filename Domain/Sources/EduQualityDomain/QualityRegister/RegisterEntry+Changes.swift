/// A change to an entry's status, risk, review date or owner as typed (the page's form, the API's
/// PATCH body): absent fields stay as they are.
public struct RegisterEntryUpdate: Hashable, Sendable {
    public var status: String?
    public var likelihood: String?
    public var impact: String?
    public var reviewDue: String?
    /// The new owner's user id, resolved by the caller from what was typed.
    public var owner: String?
    public var reason: String?

    public static let maxReason = 2_000

    public init(status: String? = nil, likelihood: String? = nil, impact: String? = nil,
                reviewDue: String? = nil, owner: String? = nil, reason: String? = nil) {
        self.status = status
        self.likelihood = likelihood
        self.impact = impact
        self.reviewDue = reviewDue
        self.owner = owner
        self.reason = reason
    }
}

extension RegisterEntry {
    /// Applies `update`. A status change must be one `RegisterEntryStatus.next` allows; changing
    /// the status or the risk needs a reason (the history says why the team changed its mind).
    /// Nothing changes when any field is wrong.
    public mutating func apply(_ update: RegisterEntryUpdate, by actor: String, on today: CalendarDay,
                               bands: RiskBands, ownerName: (String) -> String = { $0 }) throws(InvalidForm) -> RegisterChange {
        var problems = FormProblems()
        let fields = [update.status, update.likelihood, update.impact, update.reviewDue, update.owner]
        guard fields.contains(where: { FormProblems.clean($0) != nil }) else {
            throw InvalidForm(field: "status", "Change at least one of status, likelihood, impact, review date or owner.")
        }
        var next = self
        var lines: [String] = []
        let reason = problems.optionalText("reason", update.reason, maxLength: RegisterEntryUpdate.maxReason)

        if let text = FormProblems.clean(update.status) {
            if let status = RegisterEntryStatus(rawValue: text) {
                if status != self.status {
                    if !self.status.next.contains(status) {
                        problems.add("status", "An entry that is \(self.status.rawValue) cannot become \(status.rawValue).")
                    } else {
                        next.status = status
                        lines.append("Status \(self.status.rawValue) → \(status.rawValue)")
                    }
                }
            } else {
                problems.add("status", "Status must be one of open, monitoring or closed.")
            }
        }
        let l = FormProblems.clean(update.likelihood) == nil ? risk.likelihood
            : NewRegisterEntryForm.scalePoint("likelihood", update.likelihood, &problems)
        let i = FormProblems.clean(update.impact) == nil ? risk.impact
            : NewRegisterEntryForm.scalePoint("impact", update.impact, &problems)
        if let l, let i, let newRisk = RiskScore(likelihood: l, impact: i), newRisk != risk {
            next.risk = newRisk
            let (was, now) = (bands.band(for: risk), bands.band(for: newRisk))
            lines.append("Risk \(risk.likelihood) × \(risk.impact) = \(risk.score) (\(was.name.lowercased())) → "
                         + "\(l) × \(i) = \(newRisk.score) (\(now.name.lowercased()))")
        }
        if FormProblems.clean(update.reviewDue) != nil,
           let day = problems.day("reviewDue", update.reviewDue, missing: "") {
            if day < today, next.status != .closed {
                problems.add("reviewDue", "The review date must be today or later.")
            } else if day != reviewDue {
                next.reviewDue = day
                lines.append("Review date \(reviewDue.iso) → \(day.iso)")
            }
        }
        if let owner = FormProblems.clean(update.owner), owner != self.owner {
            next.owner = owner
            lines.append("Owner \(ownerName(self.owner)) → \(ownerName(owner))")
        }
        let needsReason = next.status != status || next.risk != risk
        if needsReason, reason == nil {
            problems.add("reason", next.status != status
                ? (status.needsReason(toward: next.status) ? "Say why the entry is reopened." : "Say why the status changes.")
                : "Say why the risk score changes.")
        }
        try problems.check()
        if let reason, !lines.isEmpty { lines.append("Reason: \(reason)") }
        let audit = AuditEvent(action: next.status != status ? "register-entry.\(Self.verb(from: status, to: next.status))" : "register-entry.update",
                               entityType: "register-entry", entityID: reference,
                               before: auditFields(bands: bands), after: next.auditFields(bands: bands).merging(reason.map { ["reason": $0] } ?? [:]) { a, _ in a })
        self = next
        return RegisterChange(lines: lines, audit: audit)
    }

    /// Adds an action with its owner and due date.
    public mutating func addAction(text: String?, owner: String?, due: String?, on today: CalendarDay) throws(InvalidForm) -> RegisterChange {
        var problems = FormProblems()
        let what = problems.text("actionText", text, maxLength: 2_000, missing: "Say what will be done.")
        let who = problems.text("actionOwner", owner, maxLength: 200, missing: "Say who will do it.")
        let day = problems.day("actionDue", due, missing: "Enter the date it is due.")
        if let day, day < today { problems.add("actionDue", "The due date must be today or later.") }
        guard status != .closed else { throw InvalidForm(field: "actionText", "Reopen the entry before adding actions to it.") }
        try problems.check()
        let action = RegisterAction(number: (actions.map(\.number).max() ?? 0) + 1, text: what!, owner: who!, due: day!)
        actions.append(action)
        return RegisterChange(
            lines: ["Action \(action.number) added: \(action.text) (\(action.owner), due \(action.due.iso))"],
            audit: AuditEvent(action: "register-entry.add-action", entityType: "register-entry", entityID: reference,
                              after: ["action": String(action.number), "owner": action.owner, "due": action.due.iso]))
    }

    /// Marks action `number` done.
    public mutating func completeAction(_ number: Int, on today: CalendarDay) throws(InvalidForm) -> RegisterChange {
        guard let index = actions.firstIndex(where: { $0.number == number }) else {
            throw InvalidForm(field: "action", "This entry has no action \(number).")
        }
        if actions[index].completedOn != nil { throw InvalidForm(field: "action", "Action \(number) is already complete.") }
        actions[index].completedOn = today
        return RegisterChange(
            lines: ["Action \(number) completed"],
            audit: AuditEvent(action: "register-entry.complete-action", entityType: "register-entry", entityID: reference,
                              before: ["action": String(number), "completedOn": ""],
                              after: ["action": String(number), "completedOn": today.iso]))
    }

    /// Links one more source (checked for existence by the caller). Linking one already linked
    /// changes nothing.
    public mutating func link(_ source: RegisterSource) -> RegisterChange? {
        guard !sources.contains(source) else { return nil }
        sources.append(source)
        return RegisterChange(
            lines: ["Source linked: \(source.kind.displayName) \(source.reference)"],
            audit: AuditEvent(action: "register-entry.link-source", entityType: "register-entry", entityID: reference,
                              after: ["kind": source.kind.rawValue, "reference": source.reference]))
    }

    /// The fields the audit log records before and after a change. Descriptions and source
    /// contents are not copied into it.
    public func auditFields(bands: RiskBands) -> [String: String] {
        var fields = [
            "organisation": organisation, "status": status.rawValue, "likelihood": String(risk.likelihood),
            "impact": String(risk.impact), "score": String(risk.score), "band": bands.band(for: risk).code,
            "reviewDue": reviewDue.iso, "owner": owner, "standards": standards.joined(separator: ","),
            "frameworkVersion": String(frameworkVersion),
        ]
        if let site { fields["site"] = site }
        if let specialty { fields["specialty"] = specialty }
        return fields
    }

    static func verb(from: RegisterEntryStatus, to: RegisterEntryStatus) -> String {
        switch to {
        case .closed: "close"
        case .monitoring: "monitor"
        case .open: from == .closed ? "reopen" : "resume"
        }
    }
}
