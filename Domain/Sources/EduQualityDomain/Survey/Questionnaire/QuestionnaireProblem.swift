/// One thing wrong with a questionnaire file, located by a path such as `themes[2].items[0].code`.
public struct QuestionnaireProblem: Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// A questionnaire file was refused; `problems` lists everything wrong, not just the first.
public struct QuestionnaireInvalid: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [QuestionnaireProblem]

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
