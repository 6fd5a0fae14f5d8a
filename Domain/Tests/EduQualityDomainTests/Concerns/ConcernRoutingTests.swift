import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Concern routing: a body with no handlers is stood in for by the region's quality team")
struct ConcernRoutingTests {
    typealias F = ConcernFixtures

    static func assignment(_ role: Role, _ scope: Scope) -> RoleAssignment { try! RoleAssignment(role: role, scope: scope) }

    /// RJ1's lead and UNI1's lead handle; nobody at RJ2, no guardian anywhere, the national lead.
    static let staffing = ConcernStaffing(handlerAssignments: [
        assignment(.providerEducationLead, .organisation("RJ1")),
        assignment(.educationProviderLead, .organisation("UNI1")),
        assignment(.regionalQualityTeam, .region("LDN")),
        assignment(.nationalQualityLead, .national),
    ])

    @Test("a staffed body keeps the case; a region is never re-routed")
    func staffedUnchanged() {
        for body: HandlingBody in [.organisation("RJ1", site: "RJ1-01"), .organisation("RJ1", site: nil),
                                   .organisation("UNI1", site: nil), .region("LDN"), .region("NEY")] {
            let route = ConcernRouting.route(body, region: "LDN", staffing: Self.staffing)
            #expect(route == ConcernRoute(body: body, rerouting: nil), "\(body)")
        }
    }

    @Test("an organisation, site or guardian team without handlers goes to the placement's region",
          arguments: [HandlingBody.organisation("RJ2", site: "RJ2-01"), .organisation("RJ2", site: nil), .guardian("RJ1")])
    func unstaffed(body: HandlingBody) {
        let route = ConcernRouting.route(body, region: "LDN", staffing: Self.staffing)
        #expect(route.body == .region("LDN"))
        #expect(route.rerouting == ConcernRerouting(intended: body, reason: .noHandlers))
    }

    @Test("the national lead alone does not staff a body, and a site educator staffs only their site")
    func nationalAndSite() {
        let national = ConcernStaffing(handlerAssignments: [Self.assignment(.nationalQualityLead, .national)])
        #expect(!national.isStaffed(.organisation("RJ1", site: nil)))
        let educator = ConcernStaffing(handlerAssignments: [Self.assignment(.educator, .site(organisation: "RJ1", site: "RJ1-01"))])
        #expect(educator.isStaffed(.organisation("RJ1", site: "RJ1-01")))
        #expect(!educator.isStaffed(.organisation("RJ1", site: "RJ1-02")))
        #expect(ConcernStaffing.assumeStaffed.isStaffed(.guardian("ANY")))
    }

    @Test("raising at an organisation without handlers: the regional team has it, and the timeline says why")
    func receiveRerouted() throws {
        // setup: a placement at RJ2, where nobody handles concerns
        let submission = ConcernSubmission(reporter: .anonymous,
                                           placement: ConcernPlacement(region: "LDN", organisation: "RJ2", site: "RJ2-01"),
                                           category: .supervision, whatHappened: "No supervision.", desiredOutcome: nil,
                                           pathway: .placementProvider, educationProvider: nil)
        // MUT
        let (concern, change) = try Concern.receive(submission, reference: ConcernReference("CN-AAAAA-00001")!, on: F.monday,
                                                    staffing: Self.staffing)
        // validate
        #expect(concern.handlingBody == .region("LDN"))
        #expect(concern.pathway == .placementProvider, "the learner's pathway is kept")
        #expect(concern.currentStage.rerouting?.intended == .organisation("RJ2", site: "RJ2-01"))
        #expect(change.audit.after?["reroutedFrom"] == "organisation:RJ2/site:RJ2-01")
        #expect(change.audit.after?["handlingBody"] == "region:LDN")
        let view = concern.reporterView(on: F.monday)
        #expect(view.standIn == .init(region: "LDN", explanation: "the organisation has no one to handle concerns here yet"))
        #expect(view.entries.map(\.kind).contains(.sentToRegionalTeam(view.standIn!)))
        #expect(concern.currentStage.rerouting!.timelineText(regionName: "London")
            == "sent to the London regional quality team: the organisation has no one to handle concerns here yet")
        let note = ConcernNotification.newCase(concern, link: "/concerns/cases/CN-AAAAA-00001")
        #expect(note.body.contains("no one to handle concerns here yet"))
        // and it survives storage
        let json = try JSONEncoder().encode(concern.timeline)
        let restored = try Concern.restore(reference: concern.reference, submission: submission, submittedOn: F.monday,
                                           timeline: JSONDecoder().decode([ConcernTimelineEntry].self, from: json))
        #expect(restored == concern)
    }

    @Test("raising at an organisation with handlers is unchanged")
    func receiveStaffed() throws {
        let (concern, change) = try Concern.receive(F.submission(), reference: ConcernReference("CN-AAAAA-00001")!,
                                                    on: F.monday, staffing: Self.staffing)
        #expect(concern.handlingBody == .organisation("RJ1", site: "RJ1-01"))
        #expect(concern.currentStage.rerouting == nil && change.audit.after?["reroutedFrom"] == nil)
        #expect(concern.reporterView(on: F.monday).standIn == nil)
        #expect(!ConcernNotification.newCase(concern, link: "/x").body.contains("in their place"))
    }

    @Test("escalating to an education provider without handlers goes to the region, and on to pathway 3 from there")
    func escalateRerouted() throws {
        var concern = F.received(F.submission(educationProvider: "UNI2"))
        // MUT
        _ = try concern.escalate(by: .handler(userID: "h"), on: F.monday, staffing: Self.staffing)
        // validate
        #expect(concern.pathway == .educationProvider)
        #expect(concern.handlingBody == .region("LDN"))
        #expect(concern.currentStage.rerouting?.intended == .organisation("UNI2", site: nil))
        #expect(concern.educationProvider == "UNI2", "the education provider is still known")
        #expect(concern.reporterView(on: F.monday).standIn?.region == "LDN")
        _ = try concern.escalate(by: .handler(userID: "h"), on: F.monday, staffing: Self.staffing)
        #expect(concern.pathway == .regionalQualityTeam && concern.currentStage.rerouting == nil)
        #expect(concern.reporterView(on: F.monday).standIn == nil)
    }

    @Test("an education provider named at escalation is kept though the region stands in for it")
    func providerNamedAtEscalation() throws {
        var concern = F.received(F.submission(educationProvider: nil))
        _ = try concern.escalate(by: .handler(userID: "h"), on: F.monday, educationProvider: "UNI2", staffing: Self.staffing)
        #expect(concern.handlingBody == .region("LDN") && concern.educationProvider == "UNI2")
    }

    @Test("escalating to an education provider with handlers is unchanged")
    func escalateStaffed() throws {
        var concern = F.received()
        _ = try concern.escalate(by: .handler(userID: "h"), on: F.monday, staffing: Self.staffing)
        #expect(concern.handlingBody == .organisation("UNI1", site: nil) && concern.currentStage.rerouting == nil)
    }
}
