/// An organisation that has signed the Emerging Concerns protocol. Its code is the organisation's
/// reference code (`GMC`, `NMC`, `CQC`), which is also the organisation scope of its
/// regulator-liaison users. One signatory may be marked as the national education quality body:
/// the service's own regional and national quality teams act for it.
public struct Signatory: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var isQualityBody: Bool

    public init(code: String, name: String, isQualityBody: Bool = false) {
        self.code = code
        self.name = name
        self.isQualityBody = isQualityBody
    }

    enum CodingKeys: String, CodingKey { case code, name, isQualityBody = "qualityBody" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        isQualityBody = try container.decodeIfPresent(Bool.self, forKey: .isQualityBody) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        if isQualityBody { try container.encode(true, forKey: .isQualityBody) }
    }
}

/// The configured signatories (`Seed/reference/signatories.json`), checked when loaded: at least
/// one, codes valid and unique, every one named, at most one quality body.
public struct SignatoryList: Hashable, Sendable {
    public let all: [Signatory]

    public init(_ signatories: [Signatory]) throws(InvalidForm) {
        var problems = FormProblems()
        if signatories.isEmpty { problems.add("signatories", "Configure at least one signatory.") }
        for signatory in signatories {
            if let problem = ReferenceCode.problem(with: signatory.code) {
                problems.add("signatories", "\(signatory.code): \(problem)")
            }
            if signatory.name.trimmingWhitespace.isEmpty { problems.add("signatories", "\(signatory.code) has no name.") }
        }
        if Set(signatories.map { $0.code.uppercased() }).count != signatories.count {
            problems.add("signatories", "Signatory codes must be unique.")
        }
        if signatories.filter(\.isQualityBody).count > 1 {
            problems.add("signatories", "Mark at most one signatory as the quality body.")
        }
        try problems.check()
        all = signatories
    }

    /// The signatory with this code, ignoring case (`gmc` names the GMC).
    public func named(_ code: String) -> Signatory? {
        all.first { $0.code.caseInsensitiveCompare(code.trimmingWhitespace) == .orderedSame }
    }

    public func contains(_ code: String) -> Bool { named(code) != nil }

    /// The signatory the service's quality teams act for, when one is configured.
    public var qualityBody: Signatory? { all.first(where: \.isQualityBody) }

    /// The domain reference's default list (§8).
    public static let standard = try! SignatoryList([
        Signatory(code: "CQC", name: "Care Quality Commission"),
        Signatory(code: "GMC", name: "General Medical Council"),
        Signatory(code: "NMC", name: "Nursing and Midwifery Council"),
        Signatory(code: "HCPC", name: "Health and Care Professions Council"),
        Signatory(code: "GDC", name: "General Dental Council"),
        Signatory(code: "GPHC", name: "General Pharmaceutical Council"),
        Signatory(code: "GOSC", name: "General Osteopathic Council"),
        Signatory(code: "GCC", name: "General Chiropractic Council"),
        Signatory(code: "GOC", name: "General Optical Council"),
        Signatory(code: "SWE", name: "Social Work England"),
        Signatory(code: "PHSO", name: "Parliamentary and Health Service Ombudsman"),
        Signatory(code: "LGSCO", name: "Local Government and Social Care Ombudsman"),
        Signatory(code: "NEQB", name: "National Education Quality Body", isQualityBody: true),
        Signatory(code: "HSSIB", name: "Health Services Safety Investigations Body"),
    ])
}
