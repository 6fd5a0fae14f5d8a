import Foundation

/// Writes RFC 4180 CSV into a byte buffer: a field is quoted only when it holds a comma, quote,
/// CR or LF, and quotes inside are doubled. Lines end in CRLF as the RFC says.
public struct CSVWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var atRecordStart = true

    public init() {}

    public mutating func write(_ field: String) {
        var field = field
        field.withUTF8 { write(bytes: $0) }
    }

    public mutating func write(bytes field: UnsafeBufferPointer<UInt8>) {
        if !atRecordStart { bytes.append(UInt8(ascii: ",")) }
        atRecordStart = false
        guard field.contains(where: { $0 == quote || $0 == comma || $0 == cr || $0 == lf }) else {
            bytes.append(contentsOf: field)
            return
        }
        bytes.append(quote)
        for b in field {
            if b == quote { bytes.append(quote) }
            bytes.append(b)
        }
        bytes.append(quote)
    }

    public mutating func write(_ fields: [String]) {
        for field in fields { write(field) }
        endRecord()
    }

    public mutating func endRecord() {
        bytes.append(cr)
        bytes.append(lf)
        atRecordStart = true
    }

    /// Hands over what is buffered so far, e.g. to write it to a file, and starts again.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}

/// Streams a `CSVWriter`'s output to a file in large writes.
public final class CSVFileWriter {
    private let handle: FileHandle
    private var writer = CSVWriter()
    private let flushThreshold = 1 << 20

    public init(creatingFileAt path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    /// Adds one record through `body` and flushes when the buffer is large.
    public func record(_ body: (inout CSVWriter) -> Void) throws {
        body(&writer)
        writer.endRecord()
        if writer.bytes.count >= flushThreshold { try flush() }
    }

    public func flush() throws {
        let bytes = writer.takeBytes()
        if !bytes.isEmpty { try handle.write(contentsOf: bytes) }
    }

    public func close() throws {
        try flush()
        try handle.close()
    }
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
