/// A message for one field of the survey form, worded for the learner.
public struct FieldProblem: Hashable, Sendable, CustomStringConvertible {
    /// A placement field (`profession`, `placement-type`…), an item code or a free-text code.
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
