/// One thing wrong in an import file, shown as `line N: column: reason` where N is the physical
/// line in the file (the header is line 1).
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: String
    public let reason: String

    public init(line: Int, column: String, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "line \(line): \(column): \(reason)" }
}

/// A file refused before any row was looked at (a bad header).
public struct ImportRejected: Error, Hashable, Sendable, CustomStringConvertible {
    public let errors: [ImportError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }

    public init(errors: [ImportError]) { self.errors = errors }
}
