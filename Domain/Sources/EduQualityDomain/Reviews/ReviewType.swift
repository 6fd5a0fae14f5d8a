/// A kind of quality intervention. Types are configurable data (`Seed/reference/review-types.json`):
/// regions differ in their review methods, so no code depends on a particular type.
public struct ReviewType: Hashable, Sendable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// The configured review types, checked when loaded: codes are reference codes, unique, and
/// every type has a name.
public struct ReviewTypes: Hashable, Sendable {
    public let all: [ReviewType]

    public init(_ types: [ReviewType]) throws(InvalidForm) {
        var problems = FormProblems()
        if types.isEmpty { problems.add("types", "Configure at least one review type.") }
        for type in types {
            if let problem = ReferenceCode.problem(with: type.code) { problems.add("types", "\(type.code): \(problem)") }
            if type.name.trimmingWhitespace.isEmpty { problems.add("types", "\(type.code) has no name.") }
        }
        if Set(types.map(\.code)).count != types.count { problems.add("types", "Review type codes must be unique.") }
        try problems.check()
        all = types
    }

    public func named(_ code: String) -> ReviewType? { all.first { $0.code == code } }

    /// The domain reference's six types.
    public static let standard = try! ReviewTypes([
        ReviewType(code: "urgent-concern", name: "Urgent concern review"),
        ReviewType(code: "risk-based", name: "Risk-based review"),
        ReviewType(code: "programme", name: "Programme review"),
        ReviewType(code: "learner-educator", name: "Learner and educator review"),
        ReviewType(code: "senior-leader-engagement", name: "Senior leader engagement visit"),
        ReviewType(code: "monitoring", name: "Monitoring visit"),
    ])
}
