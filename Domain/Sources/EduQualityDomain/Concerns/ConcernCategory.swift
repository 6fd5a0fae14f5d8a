/// What a concern is about. Raw values are stored and used in APIs.
public enum ConcernCategory: String, CaseIterable, Codable, Sendable, Hashable {
    case patientSafety = "patient-safety"
    case supervision
    case bullyingHarassmentUndermining = "bullying-harassment-undermining"
    case discrimination
    case sexualSafety = "sexual-safety"
    case workloadRota = "workload-rota"
    case induction
    case teaching
    case facilities
    case other

    public var displayName: String {
        switch self {
        case .patientSafety: "Patient safety"
        case .supervision: "Supervision"
        case .bullyingHarassmentUndermining: "Bullying, harassment or undermining"
        case .discrimination: "Discrimination"
        case .sexualSafety: "Sexual safety"
        case .workloadRota: "Workload or rota"
        case .induction: "Induction"
        case .teaching: "Teaching"
        case .facilities: "Facilities"
        case .other: "Other"
        }
    }

    /// Whether the category puts patients or learners at risk by its nature. Education bodies must
    /// pass such concerns to the quality team, so at pathway 3 they are flagged to the regional
    /// quality team at once. Patient safety is the obvious one; bullying and undermining,
    /// discrimination and sexual safety harm learners directly (the survey triages bullying and
    /// patient-safety comments for the same reason). Supervision is left out on purpose: most
    /// supervision concerns are about training quality, and a supervision gap that endangers
    /// patients should be raised (or recategorised) as patient safety.
    public var involvesPatientOrLearnerSafety: Bool {
        switch self {
        case .patientSafety, .bullyingHarassmentUndermining, .discrimination, .sexualSafety: true
        case .supervision, .workloadRota, .induction, .teaching, .facilities, .other: false
        }
    }
}
