import EduQualityDomain
import Vapor

/// A framework version as the pages show it: domains, standards and, beside each standard, the
/// regulators' standards its crosswalks match.
struct FrameworkView: Encodable {
    struct Match: Encodable { let scheme, schemeName, code, text: String }
    struct Standard: Encodable {
        let code, text: String
        let crosswalk: [Match]
        /// In a draft, what changed since the current version ("New", "Text changed").
        let change: String?
    }
    struct Domain: Encodable {
        let code, name: String
        let standards: [Standard]
        let change: String?
    }

    let version: Int
    let domains: [Domain]
    /// In a draft, the standards of the current version it leaves out.
    let retired: [String]

    init(_ framework: QualityFramework, crosswalk: Crosswalk, comparedWith previous: QualityFramework? = nil) {
        version = framework.version
        domains = framework.domains.map { domain in
            let before = previous?.domain(domain.code)
            return Domain(
                code: domain.code, name: domain.name,
                standards: domain.standards.map { s in
                    let change: String? = previous.flatMap { p in
                        guard let old = p.standard(s.code) else { return "New" }
                        return old.text == s.text ? nil : "Text changed"
                    }
                    return Standard(code: s.code, text: s.text, crosswalk: crosswalk.entries(for: s.code).map {
                        Match(scheme: $0.scheme, schemeName: $0.schemeName, code: $0.code, text: $0.text)
                    }, change: change)
                },
                change: previous == nil ? nil : before == nil ? "New" : before?.name == domain.name ? nil : "Renamed")
        }
        retired = previous.map { p in p.standardCodes.filter { framework.standard($0) == nil } } ?? []
    }
}

/// One line of the version list.
struct FrameworkVersionLine: Encodable {
    let number: Int
    let effectiveOn: String?
    let createdBy: String
    let publishedBy: String?
    let isCurrent: Bool

    init(_ info: QualityFrameworkStore.VersionInfo, current: Int?) {
        number = info.number
        effectiveOn = info.effectiveOn.map(\.iso)
        createdBy = info.createdBy
        publishedBy = info.publishedBy
        isCurrent = info.number == current
    }
}

/// The pinned API shape: `{version, domains:[{code, name, standards:[{code, text, crosswalk:[{scheme, code, text}]}]}]}`.
struct QualityFrameworkDTO: Content {
    struct Match: Content { let scheme, code, text: String }
    struct Standard: Content { let code, text: String; let crosswalk: [Match] }
    struct Domain: Content { let code, name: String; let standards: [Standard] }

    let version: Int
    let domains: [Domain]

    init(_ framework: QualityFramework, crosswalk: Crosswalk) {
        version = framework.version
        domains = framework.domains.map { d in
            Domain(code: d.code, name: d.name, standards: d.standards.map { s in
                Standard(code: s.code, text: s.text,
                         crosswalk: crosswalk.entries(for: s.code).map { Match(scheme: $0.scheme, code: $0.code, text: $0.text) })
            })
        }
    }
}

extension Request {
    /// `?version=N`: nil when absent; anything but a whole number from 1 is a 400.
    func frameworkVersionParameter() throws -> Int? {
        guard let raw = query[String.self, at: "version"], !raw.isEmpty else { return nil }
        guard let n = Int(raw), n >= 1 else { throw AppError.badRequest("version must be a whole number from 1") }
        return n
    }

    /// The version asked for (or the current one); 404 for one never published.
    func requestedFramework() async throws -> QualityFramework {
        guard let n = try frameworkVersionParameter() else { return try await QualityFrameworkStore.current(on: db) }
        guard let framework = try await QualityFrameworkStore.version(n, on: db) else {
            throw AppError.notFound("The Quality Framework has no published version \(n)")
        }
        return framework
    }
}
