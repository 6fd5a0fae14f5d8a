import Foundation

/// `Seed/reference/quality-framework.json`: the framework's first version, as
/// `[{number, name, standards:[{code, text}]}]` (a domain's number is its code). Later versions
/// are made by administrators, never from the file.
public enum QualityFrameworkFile {
    struct Domain: Decodable {
        let number: Int
        let name: String
        let standards: [QualityFrameworkStandard]
    }

    /// Decodes and checks the file; every problem is listed.
    public static func decode(_ data: Data, version: Int = 1) throws(QualityFrameworkFileInvalid) -> QualityFramework {
        let domains: [Domain]
        do {
            domains = try JSONDecoder().decode([Domain].self, from: data)
        } catch {
            throw QualityFrameworkFileInvalid(problems: ["not a list of domains: \(error)"])
        }
        let framework = QualityFramework(version: version, domains: domains.map {
            QualityFrameworkDomain(code: String($0.number), name: $0.name, standards: $0.standards)
        })
        let problems = framework.problems
        guard problems.isEmpty else { throw QualityFrameworkFileInvalid(problems: problems) }
        return framework
    }
}

public struct QualityFrameworkFileInvalid: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [String]
    public var description: String { problems.joined(separator: "; ") }
}

extension QualityFramework {
    /// What makes a version unusable: empty or repeated codes, a standard whose code is not
    /// `<domain>.<n>`, a domain without standards, empty names or texts.
    public var problems: [String] {
        var problems: [String] = []
        var domainCodes: Set<String> = [], standardCodes: Set<String> = []
        if domains.isEmpty { problems.append("the framework has no domains") }
        for domain in domains {
            if let p = ReferenceCode.problem(with: domain.code) { problems.append("domain \(domain.code): \(p)") }
            if !domainCodes.insert(domain.code).inserted { problems.append("domain \(domain.code) appears twice") }
            if domain.name.trimmingWhitespace.isEmpty { problems.append("domain \(domain.code) has no name") }
            if domain.standards.isEmpty { problems.append("domain \(domain.code) has no standards") }
            for standard in domain.standards {
                let suffix = standard.code.hasPrefix(domain.code + ".") ? standard.code.dropFirst(domain.code.count + 1) : ""
                if Int(suffix) == nil {
                    problems.append("standard \(standard.code) in domain \(domain.code): the code must be \(domain.code).<number>")
                }
                if !standardCodes.insert(standard.code).inserted { problems.append("standard \(standard.code) appears twice") }
                if standard.text.trimmingWhitespace.isEmpty { problems.append("standard \(standard.code) has no text") }
            }
        }
        return problems
    }
}
