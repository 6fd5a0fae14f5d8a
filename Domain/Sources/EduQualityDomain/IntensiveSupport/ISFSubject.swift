/// What an ISF decision categorises: an organisation, one of its sites, a specialty or programme
/// at an organisation (code `ORGANISATION/SPECIALTY`), or a wider system (a region).
public struct ISFSubject: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Codable, Sendable, Hashable {
        case organisation, site, programme, region

        public var displayName: String {
            switch self {
            case .organisation: "Organisation"
            case .site: "Site"
            case .programme: "Specialty or programme"
            case .region: "Region (wider system)"
            }
        }
    }

    public let kind: Kind
    public let code: String

    /// Nil unless `code` is well formed for `kind`; whether it exists is for the caller.
    public init?(kind: Kind, code text: String) {
        let code = text.trimmingWhitespace
        let parts = code.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch kind {
        case .programme:
            guard parts.count == 2, parts.allSatisfy({ ReferenceCode.problem(with: $0) == nil }) else { return nil }
        default:
            guard ReferenceCode.problem(with: code) == nil else { return nil }
        }
        self.kind = kind
        self.code = code
    }

    /// A programme's organisation and specialty.
    public var programme: (organisation: String, specialty: String)? {
        guard kind == .programme else { return nil }
        let parts = code.split(separator: "/").map(String.init)
        return (parts[0], parts[1])
    }

    /// The organisation a subject belongs to, when it is not a whole region (a site's is looked up).
    public var organisation: String? {
        switch kind {
        case .organisation: code
        case .programme: programme?.organisation
        case .site, .region: nil
        }
    }

    public var description: String { "\(kind.rawValue):\(code)" }
}
