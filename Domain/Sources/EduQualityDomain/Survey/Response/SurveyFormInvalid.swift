/// A page or a whole response was refused; `problems` has one message per field at fault.
public struct SurveyFormInvalid: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [FieldProblem]

    public init(problems: [FieldProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
