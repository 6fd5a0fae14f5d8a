/// The reference a guardian quotes for a case, e.g. `T001-FTSU-0042`: the organisation's code and
/// the case's number within it, so the guardian can match the record to their own confidential
/// notes without this service holding the person's name.
public struct SpeakUpCaseReference: Hashable, Sendable, CustomStringConvertible {
    public let organisation: String
    /// 1, 2, 3 … in the order cases are recorded at the organisation.
    public let number: Int

    public init(organisation: String, number: Int) {
        self.organisation = organisation
        self.number = number
    }

    /// The number after the highest one the organisation has used.
    public static func next(organisation: String, after highest: Int?) -> SpeakUpCaseReference {
        SpeakUpCaseReference(organisation: organisation, number: (highest ?? 0) + 1)
    }

    public var description: String {
        let digits = String(number)
        return "\(organisation)-FTSU-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }
}
