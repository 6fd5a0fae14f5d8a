import Foundation

/// A streaming RFC 4180 reader over bytes: quoted fields with embedded commas, quotes ("") and
/// line breaks; CRLF, LF or lone CR line ends; a UTF-8 byte-order mark; blank lines skipped.
/// It counts physical lines so errors can point into the file as an editor shows it.
///
/// Each record is parsed inside one chunk: when a chunk ends mid-record, the record's start is
/// carried into the next chunk and parsed again, so fields can point into the chunk.
public struct CSVReader {
    /// Guards memory against a stray quote swallowing the rest of a large file.
    public static let defaultMaximumRecordBytes = 1 << 22

    private var chunk: [UInt8] = []
    private var position = 0
    private var consumedBeforeChunk = 0
    private var readChunk: () throws -> [UInt8]?
    private var isFirstChunk = true
    private var atEnd = false
    private var line = 1
    /// A record ended on CR at the end of a chunk; an LF starting the next belongs to it.
    private var skipLineFeed = false
    private var record = CSVRecord()
    private let maximumRecordBytes: Int

    /// Bytes read so far, for a progress bar.
    public var bytesConsumed: Int { consumedBeforeChunk + position }

    public init(bytes: [UInt8], maximumRecordBytes: Int = defaultMaximumRecordBytes) {
        var pending: [UInt8]? = bytes
        self.init(maximumRecordBytes: maximumRecordBytes) { defer { pending = nil }; return pending }
    }

    /// Reads chunks as they come, e.g. from an upload; chunk boundaries may fall anywhere.
    public init<S: Sequence>(chunks: S, maximumRecordBytes: Int = defaultMaximumRecordBytes) where S.Element == [UInt8] {
        var iterator = chunks.makeIterator()
        self.init(maximumRecordBytes: maximumRecordBytes) { iterator.next() }
    }

    public init(fileAt path: String, chunkSize: Int = 1 << 20,
                maximumRecordBytes: Int = defaultMaximumRecordBytes) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        self.init(maximumRecordBytes: maximumRecordBytes) {
            guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return [UInt8](data)
        }
    }

    private init(maximumRecordBytes: Int, readChunk: @escaping () throws -> [UInt8]?) {
        self.maximumRecordBytes = maximumRecordBytes
        self.readChunk = readChunk
        record.bounds = [Int](repeating: 0, count: 128)
    }

    /// The next record, or nil at the end of the input.
    public mutating func next() throws -> CSVRecord? {
        if isFirstChunk { try start() }
        while true {
            if position == chunk.count {
                if atEnd { return nil }
                try carryOver()
                continue
            }
            if skipLineFeed {
                skipLineFeed = false
                if chunk[position] == lf { position += 1; continue }
            }
            // A blank line is no record (spreadsheets leave them at the end).
            let first = chunk[position]
            if first == lf || first == cr {
                position += 1
                line += 1
                if first == cr { skipLineFeed = true }
                continue
            }
            switch parsePlainRecord() {
            case .complete:
                return record
            case .needMore:
                try carryOver()
                continue
            case .tooManyFields:
                record.bounds += [Int](repeating: 0, count: record.bounds.count)
                continue
            case .hasQuotes:
                break
            }
            switch parseRecord() {
            case .complete, .hasQuotes:
                return record
            case .needMore:
                try carryOver()
            case .tooManyFields:
                record.bounds += [Int](repeating: 0, count: record.bounds.count)
            }
        }
    }

    private enum Outcome { case complete, needMore, tooManyFields, hasQuotes }

    /// The common case, a record without any quote: fields are found with one comparison per
    /// ordinary byte. A record with a quote is left to `parseRecord`.
    private mutating func parsePlainRecord() -> Outcome {
        let buffer = chunk
        var bounds: [Int] = []
        swap(&bounds, &record.bounds)
        defer { swap(&bounds, &record.bounds) }
        var scan = PlainScan(start: position, isLast: atEnd)
        let outcome = buffer.withUnsafeBufferPointer { buf in
            bounds.withUnsafeMutableBufferPointer { bounds in Self.scanPlain(buf, into: bounds, &scan) }
        }
        guard case .complete = outcome else { return outcome }
        record.line = line
        record.buffer = buffer
        record.count = scan.fields
        if !record.unescaped.isEmpty { record.unescaped.removeAll(keepingCapacity: true) }
        if !record.fieldLines.isEmpty { record.fieldLines.removeAll(keepingCapacity: true) }
        if !record.issues.isEmpty { record.issues.removeAll() }
        position = scan.end
        if scan.endsLine { line += 1 }
        if scan.endsOnCR { skipLineFeed = true }
        return .complete
    }

    private struct PlainScan {
        let start: Int
        let isLast: Bool
        var fields = 0
        var end = 0
        /// The record ended on a CR that was the last byte of the buffer.
        var endsOnCR = false
        /// False when the input ended without a final line break.
        var endsLine = true
    }

    /// Comma, quote, CR and LF are all below 0x2D, so any byte above it is ordinary.
    private static func scanPlain(_ buf: UnsafeBufferPointer<UInt8>, into bounds: UnsafeMutableBufferPointer<Int>,
                                  _ scan: inout PlainScan) -> Outcome {
        guard let p = buf.baseAddress, let out = bounds.baseAddress else { return .needMore }
        let n = buf.count
        let capacity = bounds.count
        var i = scan.start
        var field = 0
        while true {
            if 2 &* field &+ 1 >= capacity { return .tooManyFields }
            out[2 &* field] = i
            var b: UInt8 = 0
            while i < n {
                b = p[i]
                if b <= 0x2C && (b == comma || b == lf || b == cr || b == quote) { break }
                i &+= 1
            }
            if i == n {
                guard scan.isLast else { return .needMore }
                out[2 &* field &+ 1] = i
                scan.fields = field &+ 1
                scan.end = i
                scan.endsLine = false
                return .complete
            }
            if b == quote { return .hasQuotes }
            out[2 &* field &+ 1] = i
            field &+= 1
            i &+= 1
            if b == comma {
                if i == n && !scan.isLast { return .needMore }
                continue
            }
            if b == cr {
                if i < n {
                    if p[i] == lf { i &+= 1 }
                } else if !scan.isLast {
                    scan.endsOnCR = true
                }
            }
            scan.fields = field
            scan.end = i
            return .complete
        }
    }

    /// Parses the record starting at `position`. Does not move `position` or `line` unless the
    /// record is complete, so it can be parsed again from the start.
    private mutating func parseRecord() -> Outcome {
        let buffer = chunk
        var bounds: [Int] = []
        swap(&bounds, &record.bounds)
        defer { swap(&bounds, &record.bounds) }
        record.line = line
        record.buffer = buffer
        record.count = 0
        if !record.unescaped.isEmpty { record.unescaped.removeAll(keepingCapacity: true) }
        if !record.fieldLines.isEmpty { record.fieldLines.removeAll(keepingCapacity: true) }
        if !record.issues.isEmpty { record.issues.removeAll() }

        let isLast = atEnd
        var line = self.line
        var end = position
        let outcome: Outcome = buffer.withUnsafeBufferPointer { buf in
            bounds.withUnsafeMutableBufferPointer { bounds in
                let n = buf.count
                var i = position
                var field = 0
                var multiLine = false
                while true {
                    guard 2 * field + 1 < bounds.count else { return .tooManyFields }
                    if multiLine { record.fieldLines.append(line) }
                    if i < n && buf[i] == quote {
                        i += 1
                        let contentStart = i
                        var hasEscapes = false
                        var closed = false
                        while i < n {
                            let b = buf[i]
                            if b == quote {
                                if i + 1 < n {
                                    if buf[i + 1] == quote { hasEscapes = true; i += 2; continue }
                                    closed = true
                                    break
                                }
                                if isLast { closed = true; break }
                                return .needMore
                            } else if b == lf || b == cr {
                                if b == cr || i == contentStart || buf[i - 1] != cr {
                                    if !multiLine {
                                        multiLine = true
                                        record.fieldLines = [Int](repeating: self.line, count: field) + [line]
                                    }
                                    line += 1
                                }
                            }
                            i += 1
                        }
                        if !closed && !isLast { return .needMore }
                        let contentEnd = i
                        if closed { i += 1 }
                        else {
                            record.issues.append(CSVSyntaxIssue(kind: .unterminatedQuote, line: record.line(ofField: field),
                                                                field: field))
                        }
                        // Text after the closing quote is kept, but reported.
                        var trailingEnd = i
                        while trailingEnd < n {
                            let b = buf[trailingEnd]
                            if b == comma || b == lf || b == cr { break }
                            trailingEnd += 1
                        }
                        if trailingEnd == n && !isLast && trailingEnd > i { return .needMore }
                        if hasEscapes || trailingEnd > i {
                            if trailingEnd > i {
                                record.issues.append(CSVSyntaxIssue(kind: .textAfterClosingQuote, line: line, field: field))
                            }
                            let sideStart = record.unescaped.count
                            var j = contentStart
                            while j < contentEnd {
                                record.unescaped.append(buf[j])
                                j += buf[j] == quote ? 2 : 1
                            }
                            record.unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<trailingEnd]))
                            bounds[2 * field] = -1 - sideStart
                            bounds[2 * field + 1] = -1 - record.unescaped.count
                        } else {
                            bounds[2 * field] = contentStart
                            bounds[2 * field + 1] = contentEnd
                        }
                        i = trailingEnd
                    } else {
                        let fieldStart = i
                        var sawQuote = false
                        while i < n {
                            let b = buf[i]
                            if b == comma || b == lf || b == cr { break }
                            if b == quote { sawQuote = true }
                            i += 1
                        }
                        if i == n && !isLast { return .needMore }
                        if sawQuote {
                            record.issues.append(CSVSyntaxIssue(kind: .quoteInUnquotedField, line: line, field: field))
                        }
                        bounds[2 * field] = fieldStart
                        bounds[2 * field + 1] = i
                    }
                    field += 1
                    record.count = field
                    guard i < n else { end = i; return .complete }
                    let b = buf[i]
                    i += 1
                    if b == comma {
                        if i == n && !isLast { return .needMore }
                        continue
                    }
                    line += 1
                    if b == cr {
                        if i < n {
                            if buf[i] == lf { i += 1 }
                        } else {
                            skipLineFeed = true
                        }
                    }
                    end = i
                    return .complete
                }
            }
        }
        if case .complete = outcome {
            position = end
            self.line = line
        }
        return outcome
    }

    /// Moves the unfinished record to the front of a new buffer followed by the next chunk.
    private mutating func carryOver() throws {
        let leftover = chunk[position...]
        if leftover.count > maximumRecordBytes {
            throw CSVReadError.recordTooLong(line: line, limit: maximumRecordBytes)
        }
        consumedBeforeChunk += position
        guard let more = try readChunk() else {
            atEnd = true
            chunk = Array(leftover)
            position = 0
            return
        }
        chunk = leftover.isEmpty ? more : Array(leftover) + more
        position = 0
    }

    /// Loads the first bytes and drops a byte-order mark.
    private mutating func start() throws {
        isFirstChunk = false
        while chunk.count < 3 {
            guard let more = try readChunk() else { atEnd = true; break }
            chunk += more
        }
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }
}

public enum CSVReadError: Error, Hashable, Sendable, CustomStringConvertible {
    case recordTooLong(line: Int, limit: Int)

    public var description: String {
        switch self {
        case .recordTooLong(let line, let limit):
            "line \(line): the record is longer than \(limit) bytes; is a quote left open?"
        }
    }
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
