@testable import EduQualityDomain

enum EmergingConcernFixtures {
    static let today = CalendarDay(iso: "2026-12-02")!
    static let signatories = SignatoryList.standard
    static let regions = ["RJ1": "LDN", "RM2": "NW"]

    static func form(shareWith: [String] = ["NMC"], type: String = "systems-and-environment") -> NewEmergingConcernForm {
        NewEmergingConcernForm(organisation: "RJ1", setting: "Ward 7", group: "Foundation doctors", type: type,
                               summary: "Learners report unsafe staffing at night.",
                               risk: "Patients and learners without senior cover.", sources: ["Survey comments"],
                               shareWith: shareWith)
    }

    /// Raised by the GMC, shared with `shareWith`.
    static func concern(shareWith: [String] = ["NMC"], organisation: String = "RJ1") throws -> EmergingConcern {
        var typed = form(shareWith: shareWith)
        typed.organisation = organisation
        return try typed.validated(raisedBy: "GMC", user: "user-gmc", signatories: signatories, regionOf: { regions[$0] },
                                   number: 1, today: today)
    }

    static func actor(_ role: Role, _ scope: Scope, id: String = "someone") -> Actor {
        Actor(userID: id, assignments: [try! RoleAssignment(role: role, scope: scope)])
    }

    static let gmc = actor(.regulatorLiaison, .organisation("GMC"))
    static let nmc = actor(.regulatorLiaison, .organisation("NMC"))
    static let cqc = actor(.regulatorLiaison, .organisation("CQC"))
    static let provider = actor(.providerEducationLead, .organisation("RJ1"))
    static let londonTeam = actor(.regionalQualityTeam, .region("LDN"))
    static let northWestTeam = actor(.regionalQualityTeam, .region("NW"))
    static let nationalLead = actor(.nationalQualityLead, .national)
    static let administrator = actor(.administrator, .national)

    static func panel(on concern: EmergingConcern, invite: [String] = ["NMC"], date: String = "2026-12-10") throws -> RegulatoryReviewPanel {
        try RegulatoryReviewPanel.request(on: concern, by: "GMC", user: "user-gmc", date: date, invite: invite, existing: 0,
                                          signatories: signatories, today: today).0
    }
}
