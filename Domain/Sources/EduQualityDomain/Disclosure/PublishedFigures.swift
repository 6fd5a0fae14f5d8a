/// A count as it may be published: the number, or a mark that it was withheld.
public enum PublishedCount: Hashable, Sendable, CustomStringConvertible {
    case count(Int)
    case suppressed

    public var value: Int? { if case .count(let n) = self { n } else { nil } }
    public var description: String { value.map(String.init) ?? "suppressed" }
}

/// A measure over a group of cases (a median, a rate), published only if the group is large enough.
public enum PublishedMeasure: Hashable, Sendable, CustomStringConvertible {
    case value(Double, n: Int)
    case suppressed
    case noData

    public var description: String {
        switch self {
        case .value(let v, _):
            v == v.rounded() ? String(Int(v)) : String((v * 10).rounded() / 10)
        case .suppressed: "suppressed"
        case .noData: ""
        }
    }
}
