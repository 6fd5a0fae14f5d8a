import Testing
@testable import EduQualityDomain

@Suite("Impact assessments and early warning: who may do what, where")
struct ImpactAssessmentAccessTests {
    typealias F = ImpactAssessmentFixtures

    static func actor(_ role: Role, _ scope: Scope) -> Actor {
        Actor(userID: "u", assignments: [try! RoleAssignment(role: role, scope: scope)])
    }

    @Test("the provider's lead submits for its own organisation, the commissioner's lead for its own, no one else's")
    func submitters() throws {
        let a = try F.draft()
        let providerLead = Self.actor(.providerEducationLead, .organisation("RJ1"))
        let commissionerLead = Self.actor(.providerEducationLead, .organisation("ICB-NCL"))
        let otherLead = Self.actor(.providerEducationLead, .organisation("RM2"))
        #expect(Authorization.isAllowed(providerLead, .submitImpactAssessment, .located(a.providerLocation)))
        #expect(Authorization.isAllowed(commissionerLead, .submitImpactAssessment, .located(a.commissionerLocation)))
        #expect(!Authorization.isAllowed(otherLead, .submitImpactAssessment, .located(a.providerLocation)))
        #expect(!Authorization.isAllowed(otherLead, .submitImpactAssessment, .located(a.commissionerLocation)))
        #expect(!Authorization.isAllowed(providerLead, .decideImpactAssessment, .located(a.providerLocation)))
    }

    @Test("the region's team reviews and decides, another region's does not; the national lead does everywhere")
    func deciders() throws {
        let a = try F.draft()
        let place = Resource.located(a.providerLocation)
        for action in [Action.viewImpactAssessments, .manageImpactAssessments, .decideImpactAssessment] {
            #expect(Authorization.isAllowed(Self.actor(.regionalQualityTeam, .region("LDN")), action, place))
            #expect(!Authorization.isAllowed(Self.actor(.regionalQualityTeam, .region("NW")), action, place))
            #expect(Authorization.isAllowed(Self.actor(.nationalQualityLead, .national), action, place))
            #expect(!Authorization.isAllowed(Self.actor(.regulatorLiaison, .organisation("GMC")), action, place))
        }
    }

    @Test("early warning is for the region's team and the national lead, not providers or regulators")
    func earlyWarning() {
        let place = Resource.located(Location(region: "LDN", organisation: "RJ1"))
        for action in [Action.viewEarlyWarning, .dismissSignal] {
            #expect(Authorization.isAllowed(Self.actor(.regionalQualityTeam, .region("LDN")), action, place))
            #expect(!Authorization.isAllowed(Self.actor(.regionalQualityTeam, .region("NW")), action, place))
            #expect(Authorization.isAllowed(Self.actor(.nationalQualityLead, .national), action, place))
            #expect(!Authorization.isAllowed(Self.actor(.providerEducationLead, .organisation("RJ1")), action, place))
            #expect(!Authorization.isAllowed(Self.actor(.regulatorLiaison, .organisation("GMC")), action, place))
        }
    }
}
