/// The Quality Framework as data: numbered versions, each a list of domains holding standards.
/// Codes are stable: a standard keeps its code in every version it is part of, and a code once
/// used (even by a standard since retired) is never given to another standard, so a register
/// entry tagged "3.4 in version 2" always means the same thing.
public struct QualityFramework: Hashable, Sendable, Codable {
    public let version: Int
    public var domains: [QualityFrameworkDomain]

    public init(version: Int, domains: [QualityFrameworkDomain]) {
        self.version = version
        self.domains = domains
    }

    /// The standard with `code` in this version, or nil when it is not part of it.
    public func standard(_ code: String) -> QualityFrameworkStandard? {
        for domain in domains {
            if let standard = domain.standards.first(where: { $0.code == code }) { return standard }
        }
        return nil
    }

    /// The domain holding the standard `code`.
    public func domain(containing code: String) -> QualityFrameworkDomain? {
        domains.first { $0.standards.contains { $0.code == code } }
    }

    public func domain(_ code: String) -> QualityFrameworkDomain? { domains.first { $0.code == code } }

    /// Every standard's code, in framework order.
    public var standardCodes: [String] { domains.flatMap { $0.standards.map(\.code) } }

    /// The codes among `codes` that are not standards of this version, in the order given.
    public func unknownStandards(_ codes: [String]) -> [String] {
        codes.filter { standard($0) == nil }
    }
}

public struct QualityFrameworkDomain: Hashable, Sendable, Codable {
    public let code: String
    public var name: String
    public var standards: [QualityFrameworkStandard]

    public init(code: String, name: String, standards: [QualityFrameworkStandard]) {
        self.code = code
        self.name = name
        self.standards = standards
    }
}

public struct QualityFrameworkStandard: Hashable, Sendable, Codable {
    public let code: String
    public var text: String

    public init(code: String, text: String) {
        self.code = code
        self.text = text
    }
}

/// Every domain and standard code any version has used, so that new ones are never reused.
public struct QualityFrameworkCodes: Hashable, Sendable {
    public var domains: Set<String>
    public var standards: Set<String>

    public init(domains: Set<String> = [], standards: Set<String> = []) {
        self.domains = domains
        self.standards = standards
    }

    public init(versions: [QualityFramework]) {
        self.init()
        for framework in versions { insert(framework) }
    }

    public mutating func insert(_ framework: QualityFramework) {
        for domain in framework.domains {
            domains.insert(domain.code)
            standards.formUnion(domain.standards.map(\.code))
        }
    }
}
