import Foundation

/// Any JSON value of the API description, read with `JSONDecoder`. Objects keep
/// their keys in sorted order (JSON objects have none), so everything drawn from one is stable.
indirect enum DocumentValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([DocumentValue])
    case object([(key: String, value: DocumentValue)])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([DocumentValue].self) { self = .array(a) }
        else {
            let o = try c.decode([String: DocumentValue].self)
            self = .object(o.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
        }
    }

    static func == (a: DocumentValue, b: DocumentValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.integer(x), .integer(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.map { $0.key } == y.map { $0.key } && x.map { $0.value } == y.map { $0.value }
        default: false
        }
    }

    subscript(key: String) -> DocumentValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var array: [DocumentValue] { if case .array(let a) = self { a } else { [] } }
    var members: [(key: String, value: DocumentValue)] { if case .object(let o) = self { o } else { [] } }
}
