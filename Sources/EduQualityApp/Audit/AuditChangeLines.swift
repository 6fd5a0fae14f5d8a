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
        guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return ["value": json]
        }
        guard let dictionary = object as? [String: Any] else { return ["value": text(object)] }
        return dictionary.mapValues(text)
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case let s as String: s
        case is NSNull: "none"
        case let n as NSNumber where CFGetTypeID(n) == CFBooleanGetTypeID(): n.boolValue ? "true" : "false"
        case let n as NSNumber: n.stringValue
        default:
            (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]))
                .flatMap { String(data: $0, encoding: .utf8) } ?? "\(value)"
        }
    }
}
