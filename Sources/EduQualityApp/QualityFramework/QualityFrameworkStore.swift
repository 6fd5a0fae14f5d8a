import EduQualityDomain
import Fluent

/// The Quality Framework as stored: version 1 is the standards loaded from the reference data.
enum QualityFrameworkStore {
    static func current(on db: any Database) async throws -> QualityFramework {
        let standards = try await QualityStandard.query(on: db).sort(\.$domainNumber).sort(\.$code).all()
        let domains = Dictionary(grouping: standards, by: \.domainNumber).sorted { $0.key < $1.key }.map { number, list in
            QualityFrameworkDomain(code: String(number), name: list[0].domainName,
                                   standards: list.map { QualityFrameworkStandard(code: $0.code, text: $0.text) })
        }
        return QualityFramework(version: 1, domains: domains)
    }

    static func version(_ n: Int, on db: any Database) async throws -> QualityFramework? {
        n == 1 ? try await current(on: db) : nil
    }
}
