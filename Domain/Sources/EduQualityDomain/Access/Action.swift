/// Everything the application lets someone do. Every route names one of these and asks
/// `Authorization.isAllowed` before doing it.
public enum Action: String, CaseIterable, Sendable, Hashable {
    // Open to everyone, signed in or not.
    case viewPublicInformation = "view-public-information"
    case viewReferenceData = "view-reference-data"
    case takeSurvey = "take-survey"
    case viewSurveyReports = "view-survey-reports"
    case raiseConcern = "raise-concern"
    case viewGuardianDirectory = "view-guardian-directory"

    // Anyone signed in, about themselves.
    case viewOwnAccount = "view-own-account"
    case viewOwnConcerns = "view-own-concerns"

    // Administration of the service.
    case manageReferenceData = "manage-reference-data"
    case manageUsers = "manage-users"
    case viewAuditLog = "view-audit-log"
    case viewOutbox = "view-outbox"
    /// Setting how long each kind of record is kept, and running the purge.
    case manageRetention = "manage-retention"
    /// Exporting everything held about a named person (a subject-access request).
    case exportSubjectData = "export-subject-data"

    // The survey.
    case manageQuestionnaires = "manage-questionnaires"
    case manageSurveyRounds = "manage-survey-rounds"
    case importSurveyResponses = "import-survey-responses"
    /// Publishing a closed round's figures to everyone (and re-publishing after late changes).
    case publishSurveyRound = "publish-survey-round"
    case triageComments = "triage-comments"
    /// Survey comments a quality team shared with the placement provider.
    case viewSharedComments = "view-shared-comments"

    // Learner concerns, on the queue of one handling body.
    case viewConcern = "view-concern"
    case workOnConcern = "work-on-concern"
    case decideConcern = "decide-concern"
    case viewConcernStatistics = "view-concern-statistics"

    // Freedom to Speak Up.
    case manageGuardianDirectory = "manage-guardian-directory"
    case recordSpeakUpCase = "record-speak-up-case"
    case exportSpeakUpReturn = "export-speak-up-return"

    // The quality register and the Intensive Support Framework.
    /// Reading register entries, ISF decisions and suspensions about a place.
    case viewQualityRegister = "view-quality-register"
    /// Opening and changing register entries.
    case editQualityRegister = "edit-quality-register"
    /// Categorising a subject under the ISF and ratifying decisions; running a suspension.
    case decideIntensiveSupport = "decide-intensive-support"
    /// Confirming a panel's decision to suspend postgraduate medical training.
    case confirmTrainingSuspension = "confirm-training-suspension"
    /// The ISF categories' names and descriptions.
    case manageIntensiveSupportCategories = "manage-intensive-support-categories"
    // The GMC national training survey's results (not public here).
    case importGMCSurvey = "import-gmc-survey"
    case viewGMCSurvey = "view-gmc-survey"
    // Providers' yearly self-assessment against the Quality Framework.
    /// Setting the year's window (opening and closing days).
    case manageSelfAssessmentWindows = "manage-self-assessment-windows"
    /// Filling in and submitting an organisation's own self-assessment.
    case completeSelfAssessment = "complete-self-assessment"
    /// Agreeing with or challenging a provider's ratings, and returning an assessment to it.
    case reviewSelfAssessment = "review-self-assessment"
    /// Reading self-assessments (and, nationally, the national view and its CSV).
    case viewSelfAssessments = "view-self-assessments"

    // Quality interventions: reviews, their findings and reports.
    /// Reading a review, its evidence pack, panel and findings (the quality team; a reviewer on
    /// the reviews whose panel they sit on).
    case viewReviews = "view-reviews"
    /// Planning reviews, moving them on, the panel, the evidence pack, the report's lifecycle and
    /// the decisions on requirements.
    case manageReviews = "manage-reviews"
    /// Recording findings, learners met and grades (the quality team and the panel's reviewers).
    case recordReviewFindings = "record-review-findings"
    /// The provider's side: reading its own requirements and report drafts, posting updates with
    /// evidence, commenting on factual accuracy.
    case respondToReview = "respond-to-review"

    // Shared intelligence: the Emerging Concerns protocol, impact assessments, early warning.
    /// Reading emerging concerns, their panels and access logs. Which concerns is decided further
    /// by `EmergingConcernVisibility`: only the raising signatory and those it is shared with.
    case viewEmergingConcerns = "view-emerging-concerns"
    /// Recording an emerging concern for one's signatory, widening its sharing, requesting a
    /// regulatory review panel and recording the panel's business.
    case raiseEmergingConcern = "raise-emerging-concern"
    /// Reading impact assessments on educational opportunities.
    case viewImpactAssessments = "view-impact-assessments"
    /// The provider's or commissioner's side: drafting, submitting and withdrawing an assessment,
    /// answering the team's comments.
    case submitImpactAssessment = "submit-impact-assessment"
    /// The quality team's side: taking an assessment under review, commenting, marking conditions met.
    case manageImpactAssessments = "manage-impact-assessments"
    /// Deciding an assessment: supported, supported with conditions or not supported.
    case decideImpactAssessment = "decide-impact-assessment"
    /// The early-warning view of an organisation and the regional list of signals.
    case viewEarlyWarning = "view-early-warning"
    /// Dismissing an early-warning signal with a reason.
    case dismissSignal = "dismiss-signal"

    /// Allowed to every visitor, signed in or not.
    public var isPublic: Bool {
        switch self {
        case .viewPublicInformation, .viewReferenceData, .takeSurvey, .viewSurveyReports,
             .raiseConcern, .viewGuardianDirectory:
            true
        default:
            false
        }
    }

    /// Allowed to anyone signed in, on their own records only.
    public var isPersonal: Bool { self == .viewOwnAccount || self == .viewOwnConcerns }
}

/// What an action is applied to: the scope check depends on it.
public enum Resource: Hashable, Sendable {
    /// The service as a whole: reference data, accounts, survey rounds, the audit log.
    case service
    /// Something that sits in the hierarchy: an organisation's statistics, a region's comments.
    case located(Location)
    /// A case on the queue of one handling body.
    case caseQueue(HandlingBody)
    /// A person's own records.
    case ownedBy(userID: String)
    /// A review: located like anything else, and also reached by the reviewers on its panel.
    case review(Location, panel: Set<String>)
    /// An emerging concern about something at `about`, whose `parties` are the signatory codes of
    /// the raising organisation and of those it is shared with (for raising: the raiser alone).
    case emergingConcern(about: Location, parties: Set<String>)
}
