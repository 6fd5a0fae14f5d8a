import Testing
@testable import EduQualityDomain

@Suite("Organisation types: who hosts placements")
struct OrganisationTypeTests {
    @Test("trusts, primary care and independent providers host placements; nobody else does", arguments: [
        (OrganisationType.nhsTrust, true), (.primaryCareProvider, true), (.independentProvider, true),
        (.integratedCareBoard, false), (.higherEducationInstitution, false), (.regulator, false), (.nationalBody, false),
    ])
    func hostsPlacements(type: OrganisationType, hosts: Bool) {
        #expect(type.hostsPlacements == hosts)
    }

    @Test("a concern's placement can also be at a commissioner or a university, never a regulator or national body", arguments: [
        (OrganisationType.nhsTrust, true), (.primaryCareProvider, true), (.independentProvider, true),
        (.integratedCareBoard, true), (.higherEducationInstitution, true), (.regulator, false), (.nationalBody, false),
    ])
    func concernPlacement(type: OrganisationType, may: Bool) {
        #expect(type.mayBeAConcernsPlacement == may)
    }

    @Test("every host of placements may be named in a concern")
    func hostsAreConcernPlacements() {
        let hostsNotNamed = OrganisationType.allCases.filter { $0.hostsPlacements && !$0.mayBeAConcernsPlacement }
        #expect(hostsNotNamed.isEmpty)
    }
}
