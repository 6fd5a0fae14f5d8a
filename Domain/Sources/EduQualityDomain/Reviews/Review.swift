/// A quality intervention: a review of a provider (some of its sites, a specialty or programme,
/// some professions), its panel, the evidence it considered, the learners and educators it met,
/// the placements it graded and its report. Findings are `Requirement`s, kept apart because the
/// provider works on them long after the review closes. Changes go through the methods here,
/// each returning the lines for the review's history and the audit event.
public struct Review: Hashable, Sendable {
    public var reference: String
    public var type: String
    public var organisation: String
    public var region: String
    public var sites: [String]
    public var specialty: String?
    /// The specialty or programme group, as published reports name it (e.g. "Medicine").
    public var programmeGroup: String?
    public var professions: [String]
    public var plannedOn: CalendarDay
    public var visitedOn: CalendarDay?
    public var status: ReviewStatus
    public var panel: [PanelMember]
    public var evidence: [ReviewEvidence]
    public var met: [MetGroup]
    public var grades: [PlacementGrade]
    public var report: ReviewReport

    public init(reference: String, type: String, organisation: String, region: String, sites: [String] = [],
                specialty: String? = nil, programmeGroup: String? = nil, professions: [String] = [],
                plannedOn: CalendarDay, visitedOn: CalendarDay? = nil, status: ReviewStatus = .planned,
                panel: [PanelMember] = [], evidence: [ReviewEvidence] = [], met: [MetGroup] = [],
                grades: [PlacementGrade] = [], report: ReviewReport = ReviewReport()) {
        self.reference = reference
        self.type = type
        self.organisation = organisation
        self.region = region
        self.sites = sites
        self.specialty = specialty
        self.programmeGroup = programmeGroup
        self.professions = professions
        self.plannedOn = plannedOn
        self.visitedOn = visitedOn
        self.status = status
        self.panel = panel
        self.evidence = evidence
        self.met = met
        self.grades = grades
        self.report = report
    }

    /// `RV-` and a five-digit sequence number, in order of planning.
    public static func reference(number: Int) -> String {
        let digits = String(number)
        return "RV-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    public var location: Location { Location(region: region, organisation: organisation) }

    /// User ids of the panel members who have accounts: the reviewers who may see the review.
    public var panelUserIDs: Set<String> { Set(panel.compactMap(\.userID)) }

    /// The ISF programme subjects the review covered (its specialty at the provider).
    public var programmes: [ISFSubject] {
        guard let specialty else { return [] }
        return ISFSubject(kind: .programme, code: "\(organisation)/\(specialty)").map { [$0] } ?? []
    }

    private func change(_ line: String, _ action: String, before: [String: String]? = nil,
                        after: [String: String]) -> ReviewChange {
        ReviewChange(lines: [line], audit: AuditEvent(action: "review.\(action)", entityType: "review", entityID: reference,
                                                      before: before, after: after))
    }

    /// Moves the review one step on. `visited` records the visit date (`on`, by default the planned
    /// date; not in the future); closing needs the report published.
    public mutating func move(to text: String?, on day: String?, today: CalendarDay) throws(InvalidForm) -> ReviewChange {
        guard let target = FormProblems.clean(text).flatMap(ReviewStatus.init(rawValue:)), target != .planned else {
            throw InvalidForm(field: "to", "Choose the next status: evidence-gathering, visited, report-drafting or closed.")
        }
        guard status.next == target else {
            throw InvalidForm(field: "to", status == target
                ? "The review is already \(target.displayName.lowercased())."
                : "A review that is \(status.displayName.lowercased()) cannot move to \(target.displayName.lowercased())"
                    + (status.next.map { "; next is \($0.displayName.lowercased())." } ?? "."))
        }
        var after = ["status": target.rawValue]
        var line = "Status \(status.displayName.lowercased()) → \(target.displayName.lowercased())"
        switch target {
        case .visited:
            var visit = plannedOn
            if FormProblems.clean(day) != nil {
                guard let typed = CalendarDay(iso: day!.trimmingWhitespace) else {
                    throw InvalidForm(field: "on", "Enter a real date, as YYYY-MM-DD.")
                }
                visit = typed
            }
            if visit > today { throw InvalidForm(field: "on", "The visit date cannot be in the future.") }
            visitedOn = visit
            after["visitedOn"] = visit.iso
            line += " on \(visit.iso)"
        case .closed:
            guard report.stage == .published else {
                throw InvalidForm(field: "to", "Publish the review's report before closing the review.")
            }
        default:
            break
        }
        let before = ["status": status.rawValue]
        status = target
        return change(line, "status", before: before, after: after)
    }

    /// Adds a panel member, refusing one with a declared conflict of interest for the provider or
    /// already on the panel.
    public mutating func addPanelMember(_ member: PanelMember) throws(InvalidForm) -> ReviewChange {
        if member.isConflicted(for: organisation) {
            throw InvalidForm(field: "conflicts",
                              "\(member.name) declared a conflict of interest for \(organisation) and cannot sit on this panel.")
        }
        if panel.contains(where: { $0.name.caseInsensitiveCompare(member.name) == .orderedSame && $0.role == member.role }) {
            throw InvalidForm(field: "name", "\(member.name) is already on the panel as \(member.role.displayName.lowercased()).")
        }
        if member.role == .lead, panel.contains(where: { $0.role == .lead }) {
            throw InvalidForm(field: "role", "The panel already has a lead.")
        }
        guard status != .closed else { throw InvalidForm(field: "name", "The review is closed.") }
        panel.append(member)
        return change("Panel: \(member.name) added as \(member.role.displayName.lowercased())", "panel-add",
                      after: ["role": member.role.rawValue, "account": member.userID ?? ""])
    }

    public mutating func removePanelMember(at index: Int) throws(InvalidForm) -> ReviewChange {
        guard panel.indices.contains(index) else { throw InvalidForm(field: "member", "There is no such panel member.") }
        guard status != .closed else { throw InvalidForm(field: "member", "The review is closed.") }
        let member = panel.remove(at: index)
        return change("Panel: \(member.name) (\(member.role.displayName.lowercased())) removed", "panel-remove",
                      before: ["role": member.role.rawValue], after: [:])
    }

    /// Links one more item to the evidence pack (its existence checked by the caller).
    public mutating func addEvidence(_ item: ReviewEvidence) throws(InvalidForm) -> ReviewChange? {
        guard status != .closed else { throw InvalidForm(field: "reference", "The review is closed.") }
        guard !evidence.contains(item) else { return nil }
        evidence.append(item)
        return change("Evidence linked: \(item.kind) \(item.reference)", "evidence-add",
                      after: ["kind": item.kind, "reference": item.reference])
    }

    /// Records a group of learners or educators met; a second entry for the same profession and
    /// level replaces the first.
    public mutating func recordMet(_ group: MetGroup) throws(InvalidForm) -> ReviewChange {
        guard status.isVisited else { throw InvalidForm(field: "count", "Record the visit before whom the panel met.") }
        met.removeAll { $0.profession == group.profession && $0.level == group.level }
        met.append(group)
        return change("Met: \(group.count) \(group.profession) (\(group.level.displayName.lowercased()))", "met",
                      after: ["profession": group.profession, "level": group.level.rawValue, "count": String(group.count)])
    }

    /// Grades a placement; grading again replaces the earlier grade.
    public mutating func grade(_ grade: PlacementGrade) throws(InvalidForm) -> ReviewChange {
        guard status.isVisited, status != .closed else {
            throw InvalidForm(field: "grade", "Placements are graded after the visit and before the review closes.")
        }
        grades.removeAll { $0.placement.caseInsensitiveCompare(grade.placement) == .orderedSame }
        grades.append(grade)
        return change("Graded \(grade.placement): \(grade.grade.displayName.lowercased())", "grade",
                      after: ["placement": grade.placement, "grade": grade.grade.rawValue])
    }

    /// The report's lifecycle step, checked against the review: a report goes out once the review
    /// is drafting it.
    public mutating func moveReport(to text: String?, waiver: String?, by actor: String, today: CalendarDay,
                                    calendar: WorkingCalendar, factualAccuracyWorkingDays: Int) throws(InvalidForm) -> ReviewChange {
        if report.stage == .draft, status != .reportDrafting {
            throw InvalidForm(field: "to", "Move the review to report drafting before its report goes out.")
        }
        let before = report.stage
        let lines = try report.move(to: text, waiver: waiver, by: actor, today: today, calendar: calendar,
                                    factualAccuracyWorkingDays: factualAccuracyWorkingDays)
        var after = ["stage": report.stage.rawValue]
        if let waiver = report.waiver, before == .draft { after["waiver"] = waiver.reason }
        return ReviewChange(lines: lines, audit: AuditEvent(action: "review-report.\(report.stage.rawValue)", entityType: "review",
                                                            entityID: reference, before: ["stage": before.rawValue], after: after))
    }
}
