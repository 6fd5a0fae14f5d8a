/// What a speak-up case is about; a case may have several. Raw values are stored and exported.
public enum SpeakUpTheme: String, CaseIterable, Codable, Sendable, Hashable {
    case patientSafetyQuality = "patient-safety-quality"
    case workerSafetyWellbeing = "worker-safety-wellbeing"
    case bullyingHarassment = "bullying-harassment"
    case inappropriateAttitudesBehaviours = "inappropriate-attitudes-behaviours"
    case other

    public var displayName: String {
        switch self {
        case .patientSafetyQuality: "An element of patient safety or quality"
        case .workerSafetyWellbeing: "Worker safety or wellbeing"
        case .bullyingHarassment: "Bullying or harassment"
        case .inappropriateAttitudesBehaviours: "Inappropriate attitudes or behaviours"
        case .other: "Other"
        }
    }
}

/// The answer to "Given your experience, would you speak up again?"
public enum SpeakUpAgain: String, CaseIterable, Codable, Sendable, Hashable {
    case yes
    case no
    case maybe
    case notAsked = "not-asked"

    public var displayName: String {
        switch self {
        case .yes: "Yes"
        case .no: "No"
        case .maybe: "Maybe"
        case .notAsked: "Not asked"
        }
    }
}

/// The worker groups a guardian can record. Configurable data: this default follows the groups
/// commonly used in speak-up returns, with learners first for this service; an administrator's
/// list replaces it.
public enum SpeakUpWorkerGroups {
    public static let standard: [String] = [
        "Learners and students",
        "Medical and dental",
        "Nursing and midwifery",
        "Allied health professionals",
        "Healthcare scientists",
        "Additional clinical services",
        "Additional professional, scientific and technical",
        "Administrative and clerical",
        "Estates and ancillary",
        "Other",
        "Not known",
    ]
}
