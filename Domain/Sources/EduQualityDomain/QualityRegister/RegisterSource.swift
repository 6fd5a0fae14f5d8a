/// Where the signal behind a register entry came from. Sources are linked, not copied: the entry
/// holds a reference and the page shows the source as it is now (a survey cell through disclosure
/// control, a concern by its reference only, so an anonymous reporter is never exposed).
public enum RegisterSourceKind: String, CaseIterable, Codable, Sendable, Hashable {
    case surveyFlag = "survey-flag"
    case concern
    case comment
    case speakUp = "speak-up"
    case gmcSurvey = "gmc-survey"
    case selfReport = "self-report"
    case impactAssessment = "impact-assessment"

    public var displayName: String {
        switch self {
        case .surveyFlag: "Survey flag"
        case .concern: "Learner concern"
        case .comment: "Survey comment"
        case .speakUp: "Speak-up themes"
        case .gmcSurvey: "GMC national training survey"
        case .selfReport: "Provider self-report"
        case .impactAssessment: "Impact assessment"
        }
    }

    /// How the reference is written, for messages and the API description.
    public var referenceFormat: String {
        switch self {
        case .surveyFlag: "ROUND/DIMENSION/CODE/INDICATOR, e.g. NETS-2026/organisation/T001/supervision"
        case .concern: "a concern reference, e.g. CN-ABCDE-FGHJK"
        case .comment: "the number of a triaged survey comment"
        case .speakUp: "ORGANISATION/QUARTER/THEME, e.g. T001/2026-27 Q2/patient-safety"
        case .gmcSurvey: "YEAR/ORGANISATION/SITE/SPECIALTY/INDICATOR (- for no site)"
        case .selfReport: "a short description of the provider's report, e.g. Board paper, October 2026"
        case .impactAssessment: "an impact assessment's reference, e.g. IA-00001"
        }
    }
}

/// One linked source, its reference parsed by kind.
public enum RegisterSource: Hashable, Sendable {
    case surveyFlag(round: String, dimension: ReportDimension, code: String, indicator: String)
    case concern(ConcernReference)
    case comment(Int)
    case speakUp(organisation: String, quarter: FinancialQuarter, theme: String)
    case gmcSurvey(GMCSurveyReference)
    case selfReport(String)
    case impactAssessment(String)

    public static let maxSelfReportLength = 300

    public var kind: RegisterSourceKind {
        switch self {
        case .surveyFlag: .surveyFlag
        case .concern: .concern
        case .comment: .comment
        case .speakUp: .speakUp
        case .gmcSurvey: .gmcSurvey
        case .selfReport: .selfReport
        case .impactAssessment: .impactAssessment
        }
    }

    /// The reference as stored and in the API.
    public var reference: String {
        switch self {
        case .surveyFlag(let round, let dimension, let code, let indicator):
            "\(round)/\(dimension.rawValue)/\(code)/\(indicator)"
        case .concern(let reference): reference.value
        case .comment(let id): String(id)
        case .speakUp(let organisation, let quarter, let theme): "\(organisation)/\(quarter.label)/\(theme)"
        case .gmcSurvey(let reference): reference.description
        case .selfReport(let text): text
        case .impactAssessment(let reference): reference
        }
    }

    /// The organisation the source is about, when its reference names one.
    public var organisation: String? {
        switch self {
        case .surveyFlag(_, .organisation, let code, _): code
        case .speakUp(let organisation, _, _): organisation
        case .gmcSurvey(let reference): reference.organisation
        default: nil
        }
    }

    /// Parses `reference` as a source of `kind`; the error says how it should be written. Whether
    /// the thing referred to exists is for the caller to check against what is stored.
    public init(kind: RegisterSourceKind, reference text: String) throws(RegisterSourceProblem) {
        let reference = text.trimmingWhitespace
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let wrong = RegisterSourceProblem(kind: kind, reference: reference)
        func code(_ s: String) -> Bool { ReferenceCode.problem(with: s) == nil }
        switch kind {
        case .surveyFlag:
            guard parts.count == 4, code(parts[0]), let dimension = ReportDimension(rawValue: parts[1]),
                  dimension != .national || parts[2] == ReportDimension.nationalCode,
                  code(parts[2]), code(parts[3]) else { throw wrong }
            self = .surveyFlag(round: parts[0], dimension: dimension, code: parts[2], indicator: parts[3])
        case .concern:
            guard let reference = ConcernReference(reference) else { throw wrong }
            self = .concern(reference)
        case .comment:
            guard let id = Int(reference), id > 0 else { throw wrong }
            self = .comment(id)
        case .speakUp:
            guard parts.count == 3, code(parts[0]), let quarter = FinancialQuarter(label: parts[1]),
                  code(parts[2]) else { throw wrong }
            self = .speakUp(organisation: parts[0], quarter: quarter, theme: parts[2])
        case .gmcSurvey:
            guard let parsed = GMCSurveyReference(reference), code(parsed.organisation), parsed.site.map(code) ?? true,
                  code(parsed.specialty), code(parsed.indicator) else { throw wrong }
            self = .gmcSurvey(parsed)
        case .selfReport:
            guard !reference.isEmpty, reference.count <= Self.maxSelfReportLength else { throw wrong }
            self = .selfReport(reference)
        case .impactAssessment:
            let upper = reference.uppercased()
            guard upper.hasPrefix("IA-"), upper.dropFirst(3).allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(upper.dropFirst(3)), n > 0,
                  ImpactAssessment.reference(number: n) == upper else { throw wrong }
            self = .impactAssessment(upper)
        }
    }
}

public struct RegisterSourceProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let kind: RegisterSourceKind
    public let reference: String

    public var description: String {
        kind == .selfReport
            ? "Describe the provider's self-report in 1 to \(RegisterSource.maxSelfReportLength) characters."
            : "A \(kind.rawValue) source is written \(kind.referenceFormat)."
    }
}
