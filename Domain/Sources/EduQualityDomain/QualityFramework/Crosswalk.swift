import Foundation

/// A crosswalk from the framework's standards to one regulator's standards (the GMC's Promoting
/// Excellence, the NMC's standards for student supervision and assessment, …): each regulator
/// standard lists the framework standard codes it corresponds to. Crosswalks are data, loaded
/// from `Seed/reference/crosswalks/*.json`, and refer to standards by code, so they hold for
/// every framework version in which those standards exist.
public struct CrosswalkScheme: Hashable, Sendable, Codable {
    /// Kebab-case identifier, e.g. `gmc-promoting-excellence`.
    public let scheme: String
    public let name: String
    /// Where the texts come from and how exact they are.
    public let note: String?
    public let standards: [RegulatorStandard]

    public init(scheme: String, name: String, note: String? = nil, standards: [RegulatorStandard]) {
        self.scheme = scheme
        self.name = name
        self.note = note
        self.standards = standards
    }

    /// Decodes a crosswalk file and checks it against the framework codes ever used.
    public static func decode(_ data: Data, known: QualityFrameworkCodes) throws(CrosswalkInvalid) -> CrosswalkScheme {
        let scheme: CrosswalkScheme
        do {
            scheme = try JSONDecoder().decode(CrosswalkScheme.self, from: data)
        } catch {
            throw CrosswalkInvalid(problems: ["not a crosswalk file: \(error)"])
        }
        let problems = scheme.problems(known: known)
        guard problems.isEmpty else { throw CrosswalkInvalid(problems: problems) }
        return scheme
    }

    /// Empty or repeated codes, empty texts, a regulator standard mapped to nothing, to the same
    /// standard twice, or to a framework standard no version has.
    public func problems(known: QualityFrameworkCodes) -> [String] {
        var problems: [String] = []
        if let p = ReferenceCode.problem(with: scheme) { problems.append("scheme \(scheme): \(p)") }
        if name.trimmingWhitespace.isEmpty { problems.append("scheme \(scheme) has no name") }
        var seen: Set<String> = []
        for standard in standards {
            let label = "\(scheme) \(standard.code)"
            if standard.code.trimmingWhitespace.isEmpty { problems.append("\(scheme): a standard has no code") }
            if !seen.insert(standard.code).inserted { problems.append("\(label) appears twice") }
            if standard.text.trimmingWhitespace.isEmpty { problems.append("\(label) has no text") }
            if standard.maps.isEmpty { problems.append("\(label) maps to no framework standard") }
            if Set(standard.maps).count < standard.maps.count { problems.append("\(label) lists a framework standard twice") }
            for code in standard.maps where !known.standards.contains(code) {
                problems.append("\(label) maps to \(code), which is not a Quality Framework standard")
            }
        }
        return problems
    }
}

/// One regulator standard and the framework standards it corresponds to.
public struct RegulatorStandard: Hashable, Sendable, Codable {
    public let code: String
    public let text: String
    /// Framework standard codes.
    public let maps: [String]

    public init(code: String, text: String, maps: [String]) {
        self.code = code
        self.text = text
        self.maps = maps
    }
}

public struct CrosswalkInvalid: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [String]
    public var description: String { problems.joined(separator: "; ") }
}

/// A regulator standard as shown beside a framework standard.
public struct CrosswalkEntry: Hashable, Sendable {
    public let scheme: String
    public let schemeName: String
    public let code: String
    public let text: String

    public init(scheme: String, schemeName: String, code: String, text: String) {
        self.scheme = scheme
        self.schemeName = schemeName
        self.code = code
        self.text = text
    }
}

/// Every crosswalk, looked up by framework standard.
public struct Crosswalk: Sendable {
    public let schemes: [CrosswalkScheme]
    private let byStandard: [String: [CrosswalkEntry]]

    /// Schemes in the order given; within one, regulator standards in file order.
    public init(_ schemes: [CrosswalkScheme]) {
        self.schemes = schemes
        var index: [String: [CrosswalkEntry]] = [:]
        for scheme in schemes {
            for standard in scheme.standards {
                let entry = CrosswalkEntry(scheme: scheme.scheme, schemeName: scheme.name, code: standard.code, text: standard.text)
                for code in standard.maps { index[code, default: []].append(entry) }
            }
        }
        byStandard = index
    }

    /// The regulator standards matching the framework standard `code`.
    public func entries(for code: String) -> [CrosswalkEntry] { byStandard[code] ?? [] }
}
