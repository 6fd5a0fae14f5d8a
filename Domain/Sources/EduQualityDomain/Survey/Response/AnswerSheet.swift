/// The answers of one response, one slot per item in `Questionnaire.items` order.
public struct AnswerSheet: Hashable, Sendable {
    /// `SurveyAnswer.packed` per item; a compact form to store as it is.
    public private(set) var packed: [UInt8]

    public init(itemCount: Int) { packed = [UInt8](repeating: 0, count: itemCount) }
    public init(for questionnaire: Questionnaire) { self.init(itemCount: questionnaire.items.count) }
    public init(packed: [UInt8]) { self.packed = packed }

    public var count: Int { packed.count }

    public subscript(itemIndex: Int) -> SurveyAnswer {
        get { SurveyAnswer(packed: packed[itemIndex]) }
        set { packed[itemIndex] = newValue.packed }
    }

    /// For the importer, which has already packed and checked the value.
    mutating func setPacked(_ value: UInt8, at index: Int) { packed[index] = value }

    public var answeredCount: Int { packed.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }
}

extension Questionnaire {
    /// Answers keyed by item code, for forms and JSON; unanswered items are left out.
    public func answersByCode(_ sheet: AnswerSheet) -> [String: SurveyAnswer] {
        var result: [String: SurveyAnswer] = [:]
        for (index, item) in items.enumerated() where index < sheet.count && sheet[index] != .unanswered {
            result[item.code] = sheet[index]
        }
        return result
    }
}

/// Stored as the packed bytes, one number per item, so a saved draft reads back slot for slot.
extension AnswerSheet: Codable {
    public init(from decoder: any Decoder) throws {
        packed = try decoder.singleValueContainer().decode([UInt8].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(packed)
    }
}
