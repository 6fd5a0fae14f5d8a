/// The kinds of evidence file a provider may send, recognised from the file's first bytes (and,
/// for the zip-based office formats, the names inside the archive), never from its name alone:
/// the name's extension must agree with what the bytes are.
public enum EvidenceFileType: String, CaseIterable, Sendable, Hashable, Codable {
    case pdf, png, jpeg
    case docx, xlsx, pptx
    case odt, ods, odp
    case doc, xls, ppt

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .odp: "application/vnd.oasis.opendocument.presentation"
        case .doc: "application/msword"
        case .xls: "application/vnd.ms-excel"
        case .ppt: "application/vnd.ms-powerpoint"
        }
    }

    public var extensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        default: [rawValue]
        }
    }

    public var displayName: String {
        switch self {
        case .pdf: "PDF"
        case .png: "PNG image"
        case .jpeg: "JPEG image"
        case .docx, .odt, .doc: "Document"
        case .xlsx, .ods, .xls: "Spreadsheet"
        case .pptx, .odp, .ppt: "Presentation"
        }
    }

    public static let maxBytes = 10 * 1024 * 1024
    public static let maxNameLength = 200
    public static let accepted = "PDF, PNG, JPEG, Word, Excel, PowerPoint or OpenDocument files up to 10 MB"

    /// What the bytes are, when they are one of the accepted kinds.
    public static func sniff(_ bytes: [UInt8]) -> EvidenceFileType? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return zipped(bytes) }
        return nil
    }

    /// An OLE compound file is a .doc, .xls or .ppt; which one is told by the name.
    private static let legacyOffice = EvidenceFileType.doc

    /// Office Open XML and OpenDocument files are zip archives: the local file headers' names tell
    /// which (word/…, xl/…, ppt/…; or ODF's first entry `mimetype` with its media type stored).
    private static func zipped(_ bytes: [UInt8]) -> EvidenceFileType? {
        var names: [String] = []
        var offset = 0
        while offset + 30 <= bytes.count, names.count < 200,
              bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 0x03, bytes[offset + 3] == 0x04 {
            func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
            func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
            let flags = u16(offset + 6)
            let compressed = u32(offset + 18)
            let nameLength = u16(offset + 26), extraLength = u16(offset + 28)
            let nameStart = offset + 30
            guard nameStart + nameLength <= bytes.count else { break }
            let name = String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self)
            names.append(name)
            let dataStart = nameStart + nameLength + extraLength
            if name == "mimetype", dataStart + compressed <= bytes.count {
                let mime = String(decoding: bytes[dataStart..<dataStart + compressed], as: UTF8.self)
                if let odf = [EvidenceFileType.odt, .ods, .odp].first(where: { $0.mediaType == mime }) { return odf }
            }
            // A data descriptor (flag bit 3) leaves the size unknown here: stop reading headers.
            if flags & 0x08 != 0 { break }
            offset = dataStart + compressed
        }
        guard names.contains("[Content_Types].xml") || names.contains(where: { $0.hasPrefix("_rels/") }) else { return nil }
        if names.contains(where: { $0.hasPrefix("word/") }) { return .docx }
        if names.contains(where: { $0.hasPrefix("xl/") }) { return .xlsx }
        if names.contains(where: { $0.hasPrefix("ppt/") }) { return .pptx }
        return nil
    }

    /// Checks an uploaded file: not empty, not over the limit, a name with an accepted extension,
    /// and bytes that are what the extension says.
    public static func check(name: String, bytes: [UInt8]) throws(InvalidForm) -> (EvidenceFileType, String) {
        let clean = safeName(name)
        guard !bytes.isEmpty else { throw InvalidForm(field: "evidence", "The selected file is empty.") }
        guard bytes.count <= maxBytes else { throw InvalidForm(field: "evidence", "The selected file must be smaller than 10 MB.") }
        let ext = clean.split(separator: ".").count > 1 ? String(clean.split(separator: ".").last!).lowercased() : ""
        guard let named = allCases.first(where: { $0.extensions.contains(ext) }) else {
            throw InvalidForm(field: "evidence", "The selected file must be one of: \(accepted).")
        }
        guard let actual = sniff(bytes) else {
            throw InvalidForm(field: "evidence", "The selected file's contents are not a \(named.displayName.lowercased()) (\(named.rawValue)); it may be disguised or damaged.")
        }
        let legacy: Set<EvidenceFileType> = [.doc, .xls, .ppt]
        if actual == named || (legacy.contains(actual) && legacy.contains(named)) { return (named, clean) }
        throw InvalidForm(field: "evidence", "The selected file is named .\(ext) but its contents are a \(actual.rawValue) file: rename it or choose another.")
    }

    /// The name kept for the download: the last path component, control and quoting characters
    /// removed, at most `maxNameLength` characters.
    public static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !"\"';<>".unicodeScalars.contains($0) }
        let text = String(String.UnicodeScalarView(kept)).trimmingWhitespace
        return text.isEmpty ? "evidence" : String(text.suffix(maxNameLength))
    }
}
