/// The one authorisation rule: actor × action × resource → allowed?
public enum Authorization {
    public static func isAllowed(_ actor: Actor, _ action: Action, _ resource: Resource) -> Bool {
        if action.isPublic { return true }
        if action.isPersonal {
            guard let id = actor.userID else { return false }
            if case .ownedBy(let owner) = resource { return owner == id }
            return action == .viewOwnAccount && resource == .service
        }
        return actor.assignments.contains { assignment in
            permittedActions(for: assignment.role).contains(action)
                && (reaches(assignment, resource) || sitsOnPanel(actor, assignment, resource))
        }
    }

    /// The role × action matrix. Scope decides where each permitted action applies.
    public static func permittedActions(for role: Role) -> Set<Action> {
        switch role {
        case .learner:
            []
        case .regulatorLiaison:
            [.viewEmergingConcerns, .raiseEmergingConcern]
        case .reviewer:
            [.viewReviews, .recordReviewFindings]
        case .educator:
            [.viewConcern, .workOnConcern]
        case .providerEducationLead:
            [.viewConcern, .workOnConcern, .decideConcern, .viewConcernStatistics, .viewSharedComments,
             .viewQualityRegister, .viewGMCSurvey, .respondToReview, .completeSelfAssessment, .viewSelfAssessments,
             .viewImpactAssessments, .submitImpactAssessment]
        case .educationProviderLead:
            [.viewConcern, .workOnConcern, .decideConcern, .viewConcernStatistics]
        case .ftsuGuardian:
            [.viewConcern, .workOnConcern, .decideConcern, .manageGuardianDirectory,
             .recordSpeakUpCase, .exportSpeakUpReturn]
        case .regionalQualityTeam:
            [.viewConcern, .workOnConcern, .decideConcern, .viewConcernStatistics, .triageComments,
             .viewQualityRegister, .editQualityRegister, .decideIntensiveSupport,
             .importGMCSurvey, .viewGMCSurvey, .viewReviews, .manageReviews, .recordReviewFindings, .reviewSelfAssessment, .viewSelfAssessments,
             .viewEmergingConcerns, .raiseEmergingConcern, .viewImpactAssessments, .manageImpactAssessments,
             .decideImpactAssessment, .viewEarlyWarning, .dismissSignal]
        case .nationalQualityLead:
            [.viewConcern, .workOnConcern, .decideConcern, .viewConcernStatistics, .triageComments,
             .manageQuestionnaires, .manageSurveyRounds, .importSurveyResponses, .publishSurveyRound,
             .exportSpeakUpReturn, .viewQualityRegister, .editQualityRegister, .decideIntensiveSupport,
             .confirmTrainingSuspension, .importGMCSurvey, .viewGMCSurvey, .viewReviews, .manageReviews,
             .recordReviewFindings, .manageSelfAssessmentWindows, .reviewSelfAssessment, .viewSelfAssessments,
             .viewEmergingConcerns, .raiseEmergingConcern, .viewImpactAssessments, .manageImpactAssessments,
             .decideImpactAssessment, .viewEarlyWarning, .dismissSignal]
        case .administrator:
            [.manageReferenceData, .manageUsers, .viewAuditLog, .viewOutbox, .manageRetention, .exportSubjectData,
             .manageQuestionnaires, .manageSurveyRounds, .importSurveyResponses,
             .manageGuardianDirectory, .manageIntensiveSupportCategories]
        }
    }

    private static func reaches(_ assignment: RoleAssignment, _ resource: Resource) -> Bool {
        switch resource {
        case .service:
            return assignment.scope == .national
        case .located(let location), .review(let location, _):
            return assignment.scope.contains(location)
        case .emergingConcern(let location, let parties):
            // A regulator's liaison reaches a concern through its organisation being a party to
            // it; everyone else (the quality teams) by where the concern's subject is.
            if assignment.role == .regulatorLiaison {
                guard case .organisation(let code) = assignment.scope else { return false }
                return parties.contains(code)
            }
            return assignment.scope.contains(location)
        case .ownedBy:
            return false
        case .caseQueue(let body):
            return handles(assignment.role, body) && assignment.scope.isExactly(body)
        }
    }

    /// A reviewer reaches the reviews whose panel they sit on, and only those.
    private static func sitsOnPanel(_ actor: Actor, _ assignment: RoleAssignment, _ resource: Resource) -> Bool {
        guard assignment.scope == .assignedReviews, case .review(_, let panel) = resource, let id = actor.userID else { return false }
        return panel.contains(id)
    }

    /// Which roles work which queues. Cases sent to a Freedom to Speak Up guardian stay with the
    /// guardians: neither the organisation's managers nor the national team read them.
    private static func handles(_ role: Role, _ body: HandlingBody) -> Bool {
        switch body {
        case .organisation(_, site: .some):
            return role == .educator || role == .providerEducationLead || role == .nationalQualityLead
        case .organisation(_, site: .none):
            return role == .providerEducationLead || role == .educationProviderLead
                || role == .nationalQualityLead
        case .guardian:
            return role == .ftsuGuardian
        case .region:
            return role == .regionalQualityTeam || role == .nationalQualityLead
        }
    }
}
