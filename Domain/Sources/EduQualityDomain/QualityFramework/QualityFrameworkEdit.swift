/// What an administrator may change in a draft version. Codes are assigned here, never typed:
/// a new standard takes the next free number in its domain (`3.6`), a new domain the next free
/// domain number, counting every code any earlier version used.
public enum QualityFrameworkEdit: Hashable, Sendable {
    case renameDomain(code: String, name: String)
    case editStandard(code: String, text: String)
    case addStandard(domain: String, text: String)
    /// A domain starts with one standard: a domain without standards would tag nothing.
    case addDomain(name: String, firstStandardText: String)
    /// Leaves the standard out of this version; earlier versions keep it.
    case retireStandard(code: String)
}

/// Why an edit was refused; `field` names the form field the message belongs beside.
public struct QualityFrameworkProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

extension QualityFramework {
    public static let maximumStandardTextLength = 2000
    public static let maximumDomainNameLength = 200

    /// The start of the next version: the same domains and standards under the next number.
    public func nextDraft() -> QualityFramework { QualityFramework(version: version + 1, domains: domains) }

    /// Applies `edit` to this (draft) version and returns the audit event that records it.
    /// - Parameter used: codes of every other version, so retired codes are not handed out again.
    public mutating func apply(_ edit: QualityFrameworkEdit,
                               used: QualityFrameworkCodes) throws(QualityFrameworkProblem) -> AuditEvent {
        switch edit {
        case .renameDomain(let code, let rawName):
            let name = try Self.checked(rawName, field: "name-\(code)", what: "name", max: Self.maximumDomainNameLength)
            guard let index = domains.firstIndex(where: { $0.code == code }) else {
                throw QualityFrameworkProblem(field: "name-\(code)", "There is no domain \(code) in this version")
            }
            try refuseDuplicateName(name, except: code, field: "name-\(code)")
            let before = domains[index].name
            domains[index].name = name
            return event("quality-framework.domain-rename", code, before: ["name": before], after: ["name": name])

        case .editStandard(let code, let rawText):
            let text = try Self.checked(rawText, field: "text-\(code)", what: "text", max: Self.maximumStandardTextLength)
            guard let (d, s) = position(of: code) else {
                throw QualityFrameworkProblem(field: "text-\(code)", "There is no standard \(code) in this version")
            }
            let before = domains[d].standards[s].text
            domains[d].standards[s].text = text
            return event("quality-framework.standard-edit", code, before: ["text": before], after: ["text": text])

        case .addStandard(let domainCode, let rawText):
            let field = "new-standard-\(domainCode)"
            let text = try Self.checked(rawText, field: field, what: "text", max: Self.maximumStandardTextLength)
            guard let index = domains.firstIndex(where: { $0.code == domainCode }) else {
                throw QualityFrameworkProblem(field: field, "There is no domain \(domainCode) in this version")
            }
            let code = nextStandardCode(in: domainCode, used: used)
            domains[index].standards.append(QualityFrameworkStandard(code: code, text: text))
            return event("quality-framework.standard-add", code, after: ["domain": domainCode, "text": text])

        case .addDomain(let rawName, let rawText):
            let name = try Self.checked(rawName, field: "new-domain-name", what: "name", max: Self.maximumDomainNameLength)
            let text = try Self.checked(rawText, field: "new-domain-standard", what: "text of its first standard",
                                        max: Self.maximumStandardTextLength)
            try refuseDuplicateName(name, except: nil, field: "new-domain-name")
            let code = nextDomainCode(used: used)
            let standard = QualityFrameworkStandard(code: "\(code).1", text: text)
            domains.append(QualityFrameworkDomain(code: code, name: name, standards: [standard]))
            return event("quality-framework.domain-add", code, after: ["name": name, "standard": standard.code, "text": text])

        case .retireStandard(let code):
            guard let (d, s) = position(of: code) else {
                throw QualityFrameworkProblem(field: "retire-\(code)", "There is no standard \(code) in this version")
            }
            guard domains[d].standards.count > 1 else {
                throw QualityFrameworkProblem(field: "retire-\(code)",
                    "Standard \(code) is the last one in domain \(domains[d].code): a domain needs at least one standard")
            }
            let retired = domains[d].standards.remove(at: s)
            return event("quality-framework.standard-retire", code, before: ["text": retired.text])
        }
    }

    /// The audit event for publishing this version on `day`.
    public func publicationEvent(on day: CalendarDay) -> AuditEvent {
        AuditEvent(action: "quality-framework.publish", entityType: "quality-framework", entityID: String(version),
                   after: ["effectiveOn": day.iso, "standards": String(standardCodes.count)])
    }

    func nextStandardCode(in domainCode: String, used: QualityFrameworkCodes) -> String {
        let prefix = domainCode + "."
        let taken = used.standards.union(standardCodes)
        let highest = taken.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.max() ?? 0
        return prefix + String(highest + 1)
    }

    func nextDomainCode(used: QualityFrameworkCodes) -> String {
        let highest = used.domains.union(domains.map(\.code)).compactMap { Int($0) }.max() ?? 0
        return String(highest + 1)
    }

    private func position(of code: String) -> (Int, Int)? {
        for (d, domain) in domains.enumerated() {
            if let s = domain.standards.firstIndex(where: { $0.code == code }) { return (d, s) }
        }
        return nil
    }

    private func refuseDuplicateName(_ name: String, except code: String?, field: String) throws(QualityFrameworkProblem) {
        if let other = domains.first(where: { $0.code != code && $0.name.lowercased() == name.lowercased() }) {
            throw QualityFrameworkProblem(field: field, "Domain \(other.code) already has the name \(other.name)")
        }
    }

    private static func checked(_ raw: String, field: String, what: String, max: Int) throws(QualityFrameworkProblem) -> String {
        let text = raw.trimmingWhitespace
        if text.isEmpty { throw QualityFrameworkProblem(field: field, "Enter the \(what)") }
        if text.count > max {
            throw QualityFrameworkProblem(field: field, "The \(what) must be \(max) characters or fewer")
        }
        return text
    }

    private func event(_ action: String, _ code: String, before: [String: String]? = nil,
                       after: [String: String]? = nil) -> AuditEvent {
        AuditEvent(action: action, entityType: "quality-framework", entityID: "\(version)/\(code)",
                   before: before, after: after)
    }
}
