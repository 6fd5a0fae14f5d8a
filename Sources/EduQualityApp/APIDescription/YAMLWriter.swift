/// Writes a JSON value as YAML 1.2 block style, for `openapi.yaml`: the same data as the JSON
/// document, never a second copy to keep in step. Every string and key is double-quoted with
/// JSON-style escapes, so no value can be read back as another type ("200", "true", "null").
enum YAMLWriter {
    static func yaml(_ value: DocumentValue) -> String {
        var out = ""
        if let inline = inline(value) {
            out = inline + "\n"
        } else {
            block(value, indent: 0, into: &out)
        }
        return out
    }

    private static func block(_ value: DocumentValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let members):
            for (key, child) in members {
                out += pad + quoted(key) + ":"
                entry(child, indent: indent, into: &out)
            }
        case .array(let items):
            for child in items {
                out += pad + "-"
                entry(child, indent: indent, into: &out)
            }
        default:
            out += pad + (inline(value) ?? "") + "\n"
        }
    }

    /// After a key's colon or an item's dash: a scalar on the same line, a collection below.
    private static func entry(_ value: DocumentValue, indent: Int, into out: inout String) {
        if let inline = inline(value) {
            out += " " + inline + "\n"
        } else {
            out += "\n"
            block(value, indent: indent + 2, into: &out)
        }
    }

    /// A scalar or an empty collection on one line; nil for a collection with something in it.
    private static func inline(_ value: DocumentValue) -> String? {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .number(let d): d.isFinite ? String(d) : (d.isNaN ? ".nan" : (d > 0 ? ".inf" : "-.inf"))
        case .string(let s): quoted(s)
        case .array(let a): a.isEmpty ? "[]" : nil
        case .object(let o): o.isEmpty ? "{}" : nil
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            // YAML reads these as line breaks or cannot carry them raw.
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
