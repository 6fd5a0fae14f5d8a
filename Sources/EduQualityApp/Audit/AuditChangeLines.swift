import Foundation

/// An audit entry's before and after, as people read them: one line per field that changed
/// ("status: received → acknowledged"), fields that did not change left out, nested values as
/// compact JSON. The stored JSON stays as it is; the hash chain covers that, not this.
struct AuditChangeLine: Encodable, Equatable {
    let field: String
    let before: String?
    let after: String?
}

enum AuditChangeLines {
    static func lines(before: String?, after: String?) -> [AuditChangeLine] {
        let old = fields(before), new = fields(after)
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            old[key] == new[key] ? nil : AuditChangeLine(field: key, before: old[key], after: new[key])
        }
    }

    /// A JSON object's fields as text; anything else is one field named "value".
    static func fields(_ json: String?) -> [String: String] {
        guard let json, !json.isEmpty else { return [:] }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return ["value": json] }
        guard case .object(let fields) = value else { return ["value": value.text] }
        return fields.mapValues(\.text)
    }
}

/// Any JSON value, to print the fields of an audit entry.
private enum JSONValue: Decodable, Equatable {
    case string(String), number(Double), bool(Bool), null
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// A field's value as read on the page: text as it is, nothing as "none", the rest as compact JSON.
    var text: String {
        switch self {
        case .string(let s): s
        case .null: "none"
        default: json
        }
    }

    var json: String {
        switch self {
        case .string(let s): String(decoding: (try? JSONEncoder().encode(s)) ?? Data(), as: UTF8.self)
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .array(let a): "[" + a.map(\.json).joined(separator: ",") + "]"
        case .object(let o): "{" + o.keys.sorted().map { JSONValue.string($0).json + ":" + o[$0]!.json }.joined(separator: ",") + "}"
        }
    }
}
