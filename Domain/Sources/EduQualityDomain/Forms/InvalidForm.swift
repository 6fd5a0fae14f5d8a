/// A form (or API body) that could not be accepted, with what to fix on each field, in form order
/// and at most one message per field. The quality-management forms share it; their field names
/// are the HTML input names and JSON keys.
public struct InvalidForm: Error, Hashable, Sendable {
    public let problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) { self.problems = problems }

    public init(field: String, _ message: String) { problems = [FieldProblem(field: field, message: message)] }

    public func message(for field: String) -> String? { problems.first { $0.field == field }?.message }
}

/// Collects field problems while a form is validated; `check()` throws when any were found.
public struct FormProblems: Sendable {
    public private(set) var problems: [FieldProblem] = []

    public init() {}

    public mutating func add(_ field: String, _ message: String) {
        guard !problems.contains(where: { $0.field == field }) else { return }
        problems.append(FieldProblem(field: field, message: message))
    }

    public var isEmpty: Bool { problems.isEmpty }

    public func check() throws(InvalidForm) {
        if !problems.isEmpty { throw InvalidForm(problems) }
    }

    /// Trims whitespace; a blank field counts as not given.
    public static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingWhitespace, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A required text field of at most `maxLength` characters.
    public mutating func text(_ field: String, _ value: String?, maxLength: Int, missing: String) -> String? {
        guard let text = Self.clean(value) else { add(field, missing); return nil }
        guard text.count <= maxLength else {
            add(field, "Keep this to \(maxLength) characters or fewer."); return nil
        }
        return text
    }

    /// An optional text field of at most `maxLength` characters.
    public mutating func optionalText(_ field: String, _ value: String?, maxLength: Int) -> String? {
        guard let text = Self.clean(value) else { return nil }
        guard text.count <= maxLength else {
            add(field, "Keep this to \(maxLength) characters or fewer."); return nil
        }
        return text
    }

    /// A required `YYYY-MM-DD` date.
    public mutating func day(_ field: String, _ value: String?, missing: String) -> CalendarDay? {
        guard let text = Self.clean(value) else { add(field, missing); return nil }
        guard let day = CalendarDay(iso: text) else { add(field, "Enter a real date, as YYYY-MM-DD."); return nil }
        return day
    }
}
