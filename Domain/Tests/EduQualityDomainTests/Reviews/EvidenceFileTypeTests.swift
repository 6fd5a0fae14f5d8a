import Testing
@testable import EduQualityDomain

@Suite("Evidence files: the type comes from the bytes, and must agree with the name")
struct EvidenceFileTypeTests {
    static let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16]
    static let exe: [UInt8] = Array("MZ\u{90}\u{0}\u{3}".utf8) + [UInt8](repeating: 0, count: 60)
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1]

    /// A zip with stored (uncompressed) entries of these names.
    static func zip(_ entries: [(String, String)]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (name, content) in entries {
            let n = Array(name.utf8), c = Array(content.utf8)
            bytes += [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            bytes += [UInt8(c.count & 0xFF), UInt8(c.count >> 8), 0, 0, UInt8(c.count & 0xFF), UInt8(c.count >> 8), 0, 0]
            bytes += [UInt8(n.count), 0, 0, 0] + n + c
        }
        return bytes
    }

    @Test("the accepted kinds are recognised from their bytes")
    func sniffing() {
        #expect(EvidenceFileType.sniff(Self.pdf) == .pdf)
        #expect(EvidenceFileType.sniff(Self.png) == .png)
        #expect(EvidenceFileType.sniff(Self.jpeg) == .jpeg)
        #expect(EvidenceFileType.sniff(Self.zip([("[Content_Types].xml", "<x/>"), ("word/document.xml", "<w/>")])) == .docx)
        #expect(EvidenceFileType.sniff(Self.zip([("[Content_Types].xml", "<x/>"), ("xl/workbook.xml", "<w/>")])) == .xlsx)
        #expect(EvidenceFileType.sniff(Self.zip([("_rels/.rels", "<x/>"), ("ppt/presentation.xml", "<w/>")])) == .pptx)
        #expect(EvidenceFileType.sniff(Self.zip([("mimetype", "application/vnd.oasis.opendocument.text")])) == .odt)
        #expect(EvidenceFileType.sniff(Self.zip([("payload.exe", "MZ")])) == nil)
        #expect(EvidenceFileType.sniff(Self.exe) == nil)
        #expect(EvidenceFileType.sniff(Self.elf) == nil)
        #expect(EvidenceFileType.sniff([]) == nil)
    }

    @Test("an executable named .pdf, a PNG named .pdf, an empty, an oversized or an unlisted file is refused with a clear message")
    func refused() {
        let cases: [(String, [UInt8], String)] = [
            ("report.pdf", Self.exe, "not a pdf"),
            ("report.pdf", Self.elf, "not a pdf"),
            ("photo.pdf", Self.png, "contents are a png"),
            ("report.pdf", [], "empty"),
            ("big.pdf", Self.pdf + [UInt8](repeating: 0, count: EvidenceFileType.maxBytes), "10 MB"),
            ("tool.exe", Self.exe, "must be one of"),
            ("noextension", Self.pdf, "must be one of"),
        ]
        for (name, bytes, words) in cases {
            let error = #expect(throws: InvalidForm.self) { try EvidenceFileType.check(name: name, bytes: bytes) }
            #expect(error?.message(for: "evidence")?.lowercased().contains(words.lowercased()) == true, "\(name): \(String(describing: error))")
        }
    }

    @Test("a real file passes, its name kept safe")
    func accepted() throws {
        let (type, name) = try EvidenceFileType.check(name: "C:\\Users\\me\\Rota \"final\".PDF", bytes: Self.pdf)
        #expect(type == .pdf && name == "Rota final.PDF")
        #expect(try EvidenceFileType.check(name: "scan.jpg", bytes: Self.jpeg).0 == .jpeg)
        #expect(EvidenceFileType.safeName("../../etc/passwd\u{0}") == "passwd")
        #expect(EvidenceFileType.safeName("///") == "evidence")
    }
}
