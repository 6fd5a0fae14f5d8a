import Testing
@testable import EduQualityDomain

/// Walks every role × every action × every kind of resource, and checks the answer against a
/// table written out by hand here (not derived from the code under test).
@Suite("Authorisation matrix")
struct AuthorizationMatrixTests {
    // setup: one place in the hierarchy, resources inside and outside each scope
    static let home = Location(region: "LDN", organisation: "RJ1", site: "RJ1-01")
    static let elsewhere = Location(region: "NW", organisation: "RM2", site: "RM2-01")

    static func actor(_ role: Role) -> Actor {
        let scope: Scope = switch role.scopeKind {
        case .personal: .personal
        case .site: .site(organisation: "RJ1", site: "RJ1-01")
        case .organisation: .organisation("RJ1")
        case .region: .region("LDN")
        case .national: .national
        case .assignedReviews: .assignedReviews
        }
        return Actor(userID: "user-\(role.rawValue)", assignments: [try! RoleAssignment(role: role, scope: scope)])
    }

    /// Actions each role may take on something inside its own scope, written out in full.
    static let expectedInScope: [Role: Set<Action>] = [
        .learner: [],
        .reviewer: [],
        .regulatorLiaison: [.viewEmergingConcerns, .raiseEmergingConcern],
        .educator: [.viewConcern, .workOnConcern],
        .providerEducationLead: [.viewConcern, .workOnConcern, .decideConcern, .viewConcernStatistics, .viewSharedComments,
                                 .viewQualityRegister, .viewGMCSurvey, .respondToReview, .completeSelfAssessment, .viewSelfAssessments,
                                 .viewImpactAssessments, .submitImpactAssessment],
        .educationProviderLead: [.viewConcern, .workOnConcern, .decideConcern, .viewConcernStatistics],
        .ftsuGuardian: [.viewConcern, .workOnConcern, .decideConcern, .manageGuardianDirectory,
                        .recordSpeakUpCase, .exportSpeakUpReturn],
        .regionalQualityTeam: [.viewConcern, .workOnConcern, .decideConcern, .viewConcernStatistics,
                               .triageComments, .viewQualityRegister, .editQualityRegister,
                               .decideIntensiveSupport, .importGMCSurvey, .viewGMCSurvey,
                               .viewReviews, .manageReviews, .recordReviewFindings, .reviewSelfAssessment, .viewSelfAssessments,
                               .viewEmergingConcerns, .raiseEmergingConcern, .viewImpactAssessments, .manageImpactAssessments,
                               .decideImpactAssessment, .viewEarlyWarning, .dismissSignal],
        .nationalQualityLead: [.viewConcern, .workOnConcern, .decideConcern, .viewConcernStatistics,
                               .triageComments, .manageQuestionnaires, .manageSurveyRounds,
                               .importSurveyResponses, .publishSurveyRound, .exportSpeakUpReturn,
                               .viewQualityRegister, .editQualityRegister, .decideIntensiveSupport,
                               .confirmTrainingSuspension, .importGMCSurvey, .viewGMCSurvey,
                               .viewReviews, .manageReviews, .recordReviewFindings, .manageSelfAssessmentWindows, .reviewSelfAssessment, .viewSelfAssessments,
                               .viewEmergingConcerns, .raiseEmergingConcern, .viewImpactAssessments, .manageImpactAssessments,
                               .decideImpactAssessment, .viewEarlyWarning, .dismissSignal],
        .administrator: [.manageReferenceData, .manageUsers, .viewAuditLog, .viewOutbox, .manageRetention, .exportSubjectData,
                         .manageQuestionnaires, .manageSurveyRounds, .importSurveyResponses,
                         .manageGuardianDirectory, .manageIntensiveSupportCategories],
    ]

    static let publicActions: Set<Action> = [.viewPublicInformation, .viewReferenceData, .takeSurvey,
                                             .viewSurveyReports, .raiseConcern, .viewGuardianDirectory]

    @Test("the public may take only the public actions", arguments: Action.allCases)
    func publicVisitor(action: Action) {
        for resource in [Resource.service, .located(Self.home), .caseQueue(.region("LDN"))] {
            #expect(Authorization.isAllowed(.publicVisitor, action, resource) == Self.publicActions.contains(action))
        }
    }

    @Test("every role × action on a located resource inside and outside its scope",
          arguments: Role.allCases)
    func locatedResources(role: Role) {
        let actor = Self.actor(role)
        for action in Action.allCases where !action.isPublic && !action.isPersonal {
            // MUT
            let inside = Authorization.isAllowed(actor, action, .located(Self.home))
            let outside = Authorization.isAllowed(actor, action, .located(Self.elsewhere))
            // validate
            let expected = Self.expectedInScope[role]!.contains(action)
            #expect(inside == expected, "\(role) \(action) inside")
            #expect(outside == (expected && role.scopeKind == .national), "\(role) \(action) outside")
        }
    }

    @Test("service-wide actions need a national scope", arguments: Role.allCases)
    func serviceResources(role: Role) {
        let actor = Self.actor(role)
        for action in Action.allCases where !action.isPublic && !action.isPersonal {
            let expected = Self.expectedInScope[role]!.contains(action) && role.scopeKind == .national
            #expect(Authorization.isAllowed(actor, action, .service) == expected, "\(role) \(action)")
        }
    }

    /// Which roles work which queue when the queue is their own body.
    static let queueHandlers: [(HandlingBody, Set<Role>)] = [
        (.organisation("RJ1", site: "RJ1-01"), [.educator, .providerEducationLead, .nationalQualityLead]),
        (.organisation("RJ1", site: nil), [.providerEducationLead, .educationProviderLead, .nationalQualityLead]),
        (.guardian("RJ1"), [.ftsuGuardian]),
        (.region("LDN"), [.regionalQualityTeam, .nationalQualityLead]),
    ]

    @Test("case queues: only their handlers, only their own body", arguments: Role.allCases)
    func caseQueues(role: Role) {
        let actor = Self.actor(role)
        let caseActions: [Action] = [.viewConcern, .workOnConcern, .decideConcern]
        for (body, handlers) in Self.queueHandlers {
            for action in caseActions {
                let expected = handlers.contains(role) && Self.expectedInScope[role]!.contains(action)
                #expect(Authorization.isAllowed(actor, action, .caseQueue(body)) == expected,
                        "\(role) \(action) \(body)")
            }
        }
        let foreign: [HandlingBody] = [.organisation("RM2", site: "RM2-01"), .organisation("RM2", site: nil),
                                       .guardian("RM2"), .region("NW")]
        for body in foreign {
            #expect(Authorization.isAllowed(actor, .viewConcern, .caseQueue(body))
                    == (role == .nationalQualityLead && body != .guardian("RM2")), "\(role) \(body)")
        }
    }

    @Test("personal actions: own records only, and signed in", arguments: Role.allCases)
    func personal(role: Role) {
        let actor = Self.actor(role)
        #expect(Authorization.isAllowed(actor, .viewOwnConcerns, .ownedBy(userID: actor.userID!)))
        #expect(!Authorization.isAllowed(actor, .viewOwnConcerns, .ownedBy(userID: "someone-else")))
        #expect(Authorization.isAllowed(actor, .viewOwnAccount, .service))
        #expect(!Authorization.isAllowed(.publicVisitor, .viewOwnAccount, .service))
        #expect(!Authorization.isAllowed(.publicVisitor, .viewOwnConcerns, .ownedBy(userID: "x")))
    }

    @Test("a review is reached by scope, and by a reviewer only when on its panel", arguments: Role.allCases)
    func reviews(role: Role) {
        let actor = Self.actor(role)
        let onPanel = Resource.review(Self.home, panel: [actor.userID!])
        let offPanel = Resource.review(Self.home, panel: ["someone-else"])
        let away = Resource.review(Self.elsewhere, panel: [actor.userID!])
        for action in Action.allCases where !action.isPublic && !action.isPersonal {
            let inScope = Self.expectedInScope[role]!.contains(action)
            let reviewerMay = role == .reviewer && [Action.viewReviews, .recordReviewFindings].contains(action)
            #expect(Authorization.isAllowed(actor, action, onPanel) == (inScope || reviewerMay), "\(role) \(action) on panel")
            #expect(Authorization.isAllowed(actor, action, offPanel) == inScope, "\(role) \(action) off panel")
            #expect(Authorization.isAllowed(actor, action, away) == ((inScope && role.scopeKind == .national) || reviewerMay),
                    "\(role) \(action) elsewhere")
        }
    }

    @Test("an emerging concern is reached by a regulator's liaison only when its organisation is a party, by others by scope",
          arguments: Role.allCases)
    func emergingConcerns(role: Role) {
        let actor = Self.actor(role)
        // The matrix's organisation-scoped actors sit at RJ1: for a liaison, RJ1 stands for its regulator.
        let party = Resource.emergingConcern(about: Self.elsewhere, parties: ["RJ1", "NMC"])
        let notParty = Resource.emergingConcern(about: Self.home, parties: ["GMC", "NMC"])
        let away = Resource.emergingConcern(about: Self.elsewhere, parties: ["GMC"])
        for action in Action.allCases where !action.isPublic && !action.isPersonal {
            let permitted = Self.expectedInScope[role]!.contains(action)
            if role == .regulatorLiaison {
                #expect(Authorization.isAllowed(actor, action, party) == permitted, "\(action) party")
                #expect(!Authorization.isAllowed(actor, action, notParty), "\(action) not party")
            } else {
                #expect(Authorization.isAllowed(actor, action, notParty) == permitted, "\(role) \(action) in scope")
                #expect(Authorization.isAllowed(actor, action, away) == (permitted && role.scopeKind == .national),
                        "\(role) \(action) elsewhere")
            }
        }
    }

    @Test("a role given a scope of the wrong kind is refused")
    func wrongScope() {
        #expect(throws: AssignmentError.wrongScope(role: .regionalQualityTeam, expected: .region)) {
            try RoleAssignment(role: .regionalQualityTeam, scope: .organisation("RJ1"))
        }
        for role in Role.allCases {
            #expect(Self.expectedInScope[role] != nil, "the table lists \(role)")
        }
    }
}
