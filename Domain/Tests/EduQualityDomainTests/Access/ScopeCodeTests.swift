import Testing
@testable import EduQualityDomain

@Suite("Which code a role's grant names")
struct ScopeCodeTests {
    @Test("educators name a site, organisation roles an organisation, regional teams a region, the rest nothing")
    func codeKinds() {
        let expected: [Role: ScopeCodeKind?] = [
            .learner: nil, .educator: .site, .providerEducationLead: .organisation, .educationProviderLead: .organisation,
            .ftsuGuardian: .organisation, .regionalQualityTeam: .region, .nationalQualityLead: nil, .administrator: nil,
            .regulatorLiaison: .organisation, .reviewer: nil,
        ]
        #expect(Set(expected.keys) == Set(Role.allCases))
        for role in Role.allCases {
            #expect(role.scopeCodeKind == expected[role]!, "\(role)")
        }
    }

    @Test("messages for the users page and the command line", arguments: [
        (ScopeCodeKind.region, Role.regionalQualityTeam, "Enter the code of the region this role covers",
         "--scope must be a region code for regional-quality-team"),
        (.organisation, .ftsuGuardian, "Enter the code of the organisation this role covers",
         "--scope must be an organisation code for ftsu-guardian"),
        (.site, .educator, "Enter the code of the site this role covers", "--scope must be a site code for educator"),
    ])
    func messages(kind: ScopeCodeKind, role: Role, form: String, commandLine: String) {
        let problem = UnknownScopeCode(role: role, kind: kind)
        #expect(problem.field == kind.rawValue)
        #expect(problem.formMessage == form)
        #expect(problem.commandLineMessage == commandLine)
    }
}
