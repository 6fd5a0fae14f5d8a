/// One record read by `CSVReader`. Fields point into the reader's chunk (no copy) unless they
/// needed unescaping, which goes to a small side buffer; so a row costs almost no allocation.
/// Holding on to a record is safe, but let it go before the next read to keep it that cheap.
public struct CSVRecord: Sendable {
    /// The physical line (1-based) the record starts on.
    public internal(set) var line = 1
    /// The chunk the fields point into.
    var buffer: [UInt8] = []
    /// Two entries per field, start and end; negative values −1−offset point into `unescaped`.
    var bounds: [Int] = []
    public internal(set) var count = 0
    var unescaped: [UInt8] = []
    /// The line each field starts on; empty unless a quoted field spans lines.
    var fieldLines: [Int] = []
    /// Malformed quoting found in this record; the reader recovers and carries on.
    public internal(set) var issues: [CSVSyntaxIssue] = []

    /// The physical line field `index` starts on (later than `line` after a quoted line break).
    public func line(ofField index: Int) -> Int { fieldLines.isEmpty ? line : fieldLines[index] }

    public func string(at index: Int) -> String {
        withFields { String(decoding: $0[index], as: UTF8.self) }
    }

    public var strings: [String] { (0..<count).map(string(at:)) }

    /// Direct access to the fields' bytes for parsing without creating strings.
    public func withFields<R>(_ body: (CSVFields) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer { base in
            try unescaped.withUnsafeBufferPointer { side in
                try bounds.withUnsafeBufferPointer { bounds in
                    try body(CSVFields(base: base, side: side, bounds: bounds, count: count))
                }
            }
        }
    }
}

/// The fields of a record as byte buffers; valid only inside `CSVRecord.withFields`.
public struct CSVFields {
    let base: UnsafeBufferPointer<UInt8>
    let side: UnsafeBufferPointer<UInt8>
    let bounds: UnsafeBufferPointer<Int>
    public let count: Int

    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index >= 0 && index < count, "field index out of range")
        let start = bounds[2 &* index]
        let end = bounds[2 &* index &+ 1]
        if start >= 0 { return UnsafeBufferPointer(start: base.baseAddress.map { $0 + start }, count: end &- start) }
        return UnsafeBufferPointer(start: side.baseAddress.map { $0 + (-1 - start) }, count: start &- end)
    }
}

public struct CSVSyntaxIssue: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `ab"c`: a quote inside an unquoted field (kept as data).
        case quoteInUnquotedField
        /// `"ab"c`: text after the closing quote (kept as data).
        case textAfterClosingQuote
        /// The file ended inside a quoted field.
        case unterminatedQuote
    }

    public let kind: Kind
    /// The physical line the problem is on.
    public let line: Int
    /// Index of the field within its record.
    public let field: Int

    public var reason: String {
        switch kind {
        case .quoteInUnquotedField: "a quote inside a field that does not start with a quote (quote the field and double the quote)"
        case .textAfterClosingQuote: "text after the closing quote of a quoted field"
        case .unterminatedQuote: "quoted field is not closed before the end of the file"
        }
    }
}
