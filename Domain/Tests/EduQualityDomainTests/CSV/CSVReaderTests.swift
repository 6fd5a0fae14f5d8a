import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Reading CSV")
struct CSVReaderTests {
    struct Row: Equatable, CustomStringConvertible {
        let line: Int
        let fields: [String]
        var description: String { "\(line): \(fields)" }
    }

    /// Reads `text` whole and in chunks of every size from 1 to 7 bytes: the result must not
    /// depend on where chunks break.
    static func read(_ text: String) throws -> [Row] {
        let bytes = Array(text.utf8)
        var results: [[Row]] = []
        for size in [bytes.count + 1] + Array(1...7) {
            let chunks = stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
            var reader = CSVReader(chunks: chunks)
            var rows: [Row] = []
            while let record = try reader.next() { rows.append(Row(line: record.line, fields: record.strings)) }
            results.append(rows)
        }
        #expect(Set(results.map(\.description)).count == 1, "chunking changed the result")
        return results[0]
    }

    @Test("plain fields, LF line ends, no final newline")
    func plain() throws {
        #expect(try Self.read("a,b,c\n1,2,3") == [Row(line: 1, fields: ["a", "b", "c"]), Row(line: 2, fields: ["1", "2", "3"])])
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks, and later lines are counted")
    func quoted() throws {
        let text = "id,text\r\n1,\"a, b\"\r\n2,\"she said \"\"hi\"\"\"\r\n3,\"two\r\nlines\nthree\"\r\n4,x\r\n"
        #expect(try Self.read(text) == [
            Row(line: 1, fields: ["id", "text"]),
            Row(line: 2, fields: ["1", "a, b"]),
            Row(line: 3, fields: ["2", "she said \"hi\""]),
            Row(line: 4, fields: ["3", "two\r\nlines\nthree"]),
            Row(line: 7, fields: ["4", "x"]),
        ])
    }

    @Test("the line of a field after a quoted line break is its own")
    func fieldLines() throws {
        var reader = CSVReader(bytes: Array("a,\"x\ny\",b\n".utf8))
        let record = try #require(try reader.next())
        #expect(record.line == 1)
        #expect((0..<3).map(record.line(ofField:)) == [1, 1, 2])
    }

    @Test("a byte-order mark is dropped; CR alone also ends a line")
    func bomAndCR() throws {
        #expect(try Self.read("\u{FEFF}a,b\r1,2\r") == [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "2"])])
        #expect(try Self.read("\u{FEFF}") == [])
    }

    @Test("empty fields, empty quoted fields and trailing commas are fields")
    func emptyFields() throws {
        #expect(try Self.read(",\"\",\n") == [Row(line: 1, fields: ["", "", ""])])
        #expect(try Self.read("\"\"\n") == [Row(line: 1, fields: [""])])
    }

    @Test("blank lines are skipped but still counted")
    func blankLines() throws {
        #expect(try Self.read("a\n\n\r\nb\n\n") == [Row(line: 1, fields: ["a"]), Row(line: 4, fields: ["b"])])
    }

    @Test("UTF-8 passes through untouched")
    func unicode() throws {
        #expect(try Self.read("naïve,日本,👩‍⚕️\n") == [Row(line: 1, fields: ["naïve", "日本", "👩‍⚕️"])])
    }

    @Test("malformed quoting is reported with its line and field, and reading carries on")
    func malformed() throws {
        var reader = CSVReader(bytes: Array("a,b\"c\n\"x\"y,z\nok,\"open\nmore".utf8))
        let first = try #require(try reader.next())
        #expect(first.strings == ["a", "b\"c"])
        #expect(first.issues == [CSVSyntaxIssue(kind: .quoteInUnquotedField, line: 1, field: 1)])
        let second = try #require(try reader.next())
        #expect(second.strings == ["xy", "z"])
        #expect(second.issues == [CSVSyntaxIssue(kind: .textAfterClosingQuote, line: 2, field: 0)])
        let third = try #require(try reader.next())
        #expect(third.strings == ["ok", "open\nmore"])
        #expect(third.issues == [CSVSyntaxIssue(kind: .unterminatedQuote, line: 3, field: 1)])
        #expect(try reader.next()?.strings == nil)
    }

    @Test("a record may have many more fields than the reader first expects")
    func manyFields() throws {
        let fields = (1...300).map { "f\($0)" }
        let text = fields.joined(separator: ",") + "\n" + fields.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
        #expect(try Self.read(text) == [Row(line: 1, fields: fields), Row(line: 2, fields: fields)])
    }

    @Test("UTF-8 is checked strictly", arguments: [
        ([0x61, 0xC3, 0xA9], true), ([0xF0, 0x9F, 0x91, 0xA9], true), ([0xC3], false), ([0xC0, 0xAF], false),
        ([0xE0, 0x80, 0xAF], false), ([0xED, 0xA0, 0x80], false), ([0xF4, 0x90, 0x80, 0x80], false), ([0xFF], false),
    ] as [([UInt8], Bool)])
    func utf8(bytes: [UInt8], valid: Bool) {
        #expect(bytes.withUnsafeBufferPointer(isValidUTF8) == valid)
    }

    @Test("a record beyond the size limit stops the read instead of eating memory")
    func tooLong() {
        var reader = CSVReader(bytes: Array(("\"" + String(repeating: "x", count: 200)).utf8), maximumRecordBytes: 100)
        #expect(throws: CSVReadError.recordTooLong(line: 1, limit: 100)) { try reader.next() }
    }

    @Test("the writer quotes only what needs it, and the reader reads it back")
    func roundTrip() throws {
        // setup
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "", "cr\rhere", " spaced "]
        var writer = CSVWriter()
        writer.write(fields)
        writer.write(["second"])
        // MUT
        var reader = CSVReader(bytes: writer.bytes)
        // validate
        #expect(String(decoding: writer.bytes, as: UTF8.self).hasPrefix("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,"))
        #expect(try reader.next()?.strings == fields)
        // "two\nlines" and "cr\rhere" each add a line; the record's CRLF ends line 3.
        #expect(try reader.next()?.line == 4)
        #expect(try reader.next()?.strings == nil)
    }

    @Test("a file is read in chunks, and progress is reported in bytes")
    func file() throws {
        // setup
        let path = SurveyFixtures.temporaryPath("read.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = (1...1_000).map { "\($0),\"row \($0)\"\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        // MUT
        var reader = try CSVReader(fileAt: path, chunkSize: 100)
        var count = 0
        while let record = try reader.next() {
            count += 1
            #expect(record.line == count && record.string(at: 1) == "row \(count)")
        }
        // validate
        #expect(count == 1_000)
        #expect(reader.bytesConsumed == text.utf8.count)
    }
}
