import EduQualityDomain
import Vapor

/// Following a regulatory review panel up to closure, for the pages and the API alike: convening
/// it, recording the meeting, agreeing actions per organisation and marking them done, following
/// up and closing. Only a signatory taking part in the panel (its requester or one invited) may
/// change it; every step is in the concern's history, audit and access log, and the panel's
/// other parties are told of each step by reference only.
extension EmergingConcernIntake {
    enum PanelStep: Sendable {
        case convene(date: String?)
        case hold(attendees: [RegulatoryPanelAttendee], information: [String], decisions: [String])
        case addAction(organisation: String?, text: String?, owner: String?, due: String?)
        case completeAction(Int)
        case followUp
        case close
    }

    @discardableResult
    static func panel(_ found: EmergingConcernStore.Found, _ reference: String, _ step: PanelStep,
                      _ req: Request) async throws -> RegulatoryReviewPanel {
        guard let by = req.signatory else { throw AppError.forbidden }
        guard let index = found.panels.firstIndex(where: { $0.reference == reference.uppercased() }) else {
            throw AppError.notFound("There is no panel \(reference) on emerging concern \(found.concern.reference)")
        }
        var panels = found.panels
        guard panels[index].parties.contains(by) else { throw AppError.forbidden }
        let today = CalendarDay.today()
        let change: EmergingConcernChange
        let what: String
        switch step {
        case .convene(let date):
            change = try panels[index].convene(date: date, today: today)
            what = "convened panel \(reference)"
        case .hold(let attendees, let information, let decisions):
            change = try panels[index].hold(attendees: attendees, information: information, decisions: decisions, today: today)
            what = "recorded the meeting of panel \(reference)"
        case .addAction(let organisation, let text, let owner, let due):
            change = try panels[index].addAction(organisation: organisation, text: text, owner: owner, due: due, today: today)
            what = "agreed an action on panel \(reference)"
        case .completeAction(let number):
            change = try panels[index].completeAction(number, today: today)
            what = "marked action \(number) of panel \(reference) done"
        case .followUp:
            change = try panels[index].followUp()
            what = "moved panel \(reference) to follow-up"
        case .close:
            change = try panels[index].close()
            what = "closed panel \(reference)"
        }
        try await EmergingConcernStore.save(found, found.concern, panels: panels, change, what: what,
                                            panelNotice: panels[index], req)
        return panels[index]
    }

    /// Links a register entry to the concern: one `opened` from it, or one typed in by a quality
    /// team member who may read it (about the same organisation).
    static func link(_ found: EmergingConcernStore.Found, registerEntry typed: String?, opened: Bool = false, _ req: Request) async throws {
        let reference = try await RegisterStore.entryToLink(typed, about: found.concern.about.organisation, allowing: .viewQualityRegister, req)
        var concern = found.concern
        guard let change = concern.link(registerEntry: reference) else {
            throw InvalidForm(field: "registerEntry", "This concern is already linked to \(reference).")
        }
        try await EmergingConcernStore.save(found, concern, panels: found.panels, change,
                                            what: opened ? "opened register entry \(reference) from the concern" : "linked register entry \(reference)", req)
    }

    /// Links an ISF decision about the concern's organisation (or one of its sites) that the
    /// visitor may read.
    static func link(_ found: EmergingConcernStore.Found, isfDecision typed: String?, _ req: Request) async throws {
        guard let text = FormProblems.clean(typed) else {
            throw InvalidForm(field: "isfDecision", "Enter the ISF decision's identifier, as shown on the organisation's ISF page.")
        }
        guard let id = UUID(uuidString: text), let record = try await ISFDecisionRecord.find(id, on: req.db),
              Authorization.isAllowed(req.actor, .viewQualityRegister, .located(record.location)) else {
            throw InvalidForm(field: "isfDecision", "There is no ISF decision \(text) you can read.")
        }
        guard record.organisationCode == found.concern.about.organisation else {
            throw InvalidForm(field: "isfDecision", "ISF decision \(text) is about another organisation.")
        }
        var concern = found.concern
        guard let change = concern.link(isfDecision: id.uuidString) else {
            throw InvalidForm(field: "isfDecision", "This concern is already linked to that ISF decision.")
        }
        try await EmergingConcernStore.save(found, concern, panels: found.panels, change, what: "linked an ISF decision", req)
    }
}
