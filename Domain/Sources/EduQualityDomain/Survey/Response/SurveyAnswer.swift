/// A learner's answer to one item.
public enum SurveyAnswer: Hashable, Sendable {
    case unanswered
    case notApplicable
    /// 1 is the scale's first label, k its last.
    case rank(Int)
}

extension SurveyAnswer {
    /// One byte per answer keeps a million imported responses small: 0 unanswered, 255 not
    /// applicable, 1…253 the rank, 254 any rank too large or small to keep (always invalid).
    public var packed: UInt8 {
        switch self {
        case .unanswered: 0
        case .notApplicable: 255
        case .rank(let rank): (1...253).contains(rank) ? UInt8(rank) : 254
        }
    }

    public init(packed: UInt8) {
        switch packed {
        case 0: self = .unanswered
        case 255: self = .notApplicable
        default: self = .rank(Int(packed))
        }
    }
}

extension SurveyAnswer {
    /// The value of the answer's radio button: the rank, or `NA`.
    public var formValue: String {
        switch self {
        case .unanswered: ""
        case .notApplicable: Self.notApplicableFormValue
        case .rank(let rank): String(rank)
        }
    }

    /// Reads a radio button's value; nil when it is no answer at all (a tampered form). Ranks off
    /// the item's scale are left for the questionnaire's rules to report.
    public init?(formValue: String) {
        if formValue.isEmpty { self = .unanswered; return }
        if formValue == Self.notApplicableFormValue { self = .notApplicable; return }
        guard formValue.utf8.count <= 3, let rank = Int(formValue), rank >= 1 else { return nil }
        self = .rank(rank)
    }

    public static let notApplicableFormValue = "NA"
}
