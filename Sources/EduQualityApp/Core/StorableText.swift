import Foundation
import Vapor

/// What user text may contain. The databases cut text at a NUL (SQLite) or refuse it (PostgreSQL)
/// while the audit log would keep the whole value, so text with a NUL, or with any other C0
/// control character except tab, line feed and carriage return, is refused with a message naming
/// the field, and nothing is stored. The rule is applied where text enters: the form and JSON
/// decoders installed below, the query string (`RequestTargetLimits`) and the survey's own form
/// parser.
enum StorableText {
    /// The problem with one value, as a field error; nil when it can be stored.
    static func problem(field: String, value: String) -> FieldError? {
        guard let bad = value.unicodeScalars.first(where: isRefused) else { return nil }
        let label = Self.label(field)
        let message = bad.value == 0
            ? "\(label) contains a character that cannot be stored (NUL); remove it"
            : "\(label) contains a control character that cannot be stored (U+\(String(format: "%04X", bad.value))); remove it"
        return FieldError(field, message)
    }

    /// Throws `AppError.invalid` (400) listing every field that cannot be stored.
    static func check(_ fields: some Sequence<(name: String, value: String)>) throws {
        var errors: [FieldError] = []
        for (name, value) in fields {
            if let error = problem(field: name, value: value) ?? problem(field: name, value: name),
               !errors.contains(where: { $0.field == name }) {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw AppError.invalid(errors) }
    }

    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    /// `whatHappened` → "What happened", `reporter-name` → "Reporter name".
    static func label(_ field: String) -> String {
        let last = String(String.UnicodeScalarView((field.split(separator: ".").last.map(String.init) ?? field)
            .unicodeScalars.filter { !isRefused($0) }))
        // Question codes are capitals (`WORKED-WELL`): read them as words too.
        let source = last == last.uppercased() ? last.lowercased() : last
        var words = ""
        for ch in source {
            if ch == "-" || ch == "_" {
                words.append(" ")
            } else if ch.isUppercase, let previous = words.last, previous.isLowercase {
                words.append(" ")
                words.append(Character(ch.lowercased()))
            } else {
                words.append(ch)
            }
        }
        return words.isEmpty ? "The field" : words.prefix(1).uppercased() + words.dropFirst()
    }

    // MARK: Reading fields out of bodies

    /// `application/x-www-form-urlencoded` (or a query string) as name–value pairs.
    static func formFields(_ text: Substring) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ s: Substring?) -> String {
                let plus = (s ?? "").replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            return (decoded(parts.first), decoded(parts.count > 1 ? parts[1] : nil))
        }
    }

    /// Every string in a JSON document, named by its key path (`answers.FT1`, `items.0`).
    static func jsonFields(_ data: Data) -> [(name: String, value: String)] {
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return [] }
        var out: [(name: String, value: String)] = []
        func walk(_ node: Any, _ path: String) {
            switch node {
            case let s as String: out.append((path.isEmpty ? "body" : path, s))
            case let d as [String: Any]:
                for (k, v) in d {
                    let p = path.isEmpty ? k : "\(path).\(k)"
                    if k.unicodeScalars.contains(where: isRefused) { out.append((p, k)) }
                    walk(v, p)
                }
            case let a as [Any]: for (i, v) in a.enumerated() { walk(v, path.isEmpty ? "\(i)" : "\(path).\(i)") }
            default: break
            }
        }
        walk(root, "")
        return out
    }

    /// Quick byte test before parsing: a form can carry a control character only as a raw byte or
    /// `%00`–`%1F`; JSON only as a raw byte (invalid anyway) or an escape.
    static func mayContainControl(_ bytes: ByteBuffer, json: Bool) -> Bool {
        let view = bytes.readableBytesView
        if json { return view.contains(UInt8(ascii: "\\")) || view.contains { $0 < 0x20 && $0 != 9 && $0 != 10 && $0 != 13 } }
        var previous: UInt8 = 0
        for b in view {
            if b < 0x20 { return true }
            if previous == UInt8(ascii: "%"), b == UInt8(ascii: "0") || b == UInt8(ascii: "1") { return true }
            previous = b
        }
        return false
    }

    /// Wraps the form and JSON body decoders once, for the whole process. Query strings are
    /// checked by `RequestTargetLimits`, because `req.query[…]` turns a decoder's error into nil.
    static func install() {
        var content = ContentConfiguration.global
        for (type, json) in [(HTTPMediaType.urlEncodedForm, false), (.json, true)] {
            guard let base = try? content.requireDecoder(for: type), !(base is CheckingDecoder) else { continue }
            content.use(decoder: CheckingDecoder(base: base, json: json), for: type)
        }
        ContentConfiguration.global = content
    }

    struct CheckingDecoder: ContentDecoder {
        let base: any ContentDecoder
        let json: Bool

        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
            try decode(D.self, from: body, headers: headers, userInfo: [:])
        }

        func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
                                  userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
            if mayContainControl(body, json: json) {
                try check(json ? jsonFields(Data(body.readableBytesView)) : formFields(Substring(String(buffer: body))))
            }
            return try base.decode(D.self, from: body, headers: headers, userInfo: userInfo)
        }
    }
}
