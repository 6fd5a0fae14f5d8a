import EduQualityDomain
import Fluent
import Vapor

/// The Quality Framework's versions in the database. Other services call `current` to check the
/// standard codes they are given and record its `version` beside them, and `version(_:)` to
/// show an entry against the version it was tagged with. A draft is never returned by either.
enum QualityFrameworkStore {
    /// A version's number, when it took effect and who made it.
    struct VersionInfo: Sendable {
        let number: Int
        /// Nil for the draft.
        let effectiveOn: CalendarDay?
        let createdBy: String
        let publishedBy: String?
        var isDraft: Bool { effectiveOn == nil }
    }

    /// The latest published version.
    static func current(on db: any Database) async throws -> QualityFramework {
        guard let number = try await published(on: db).last?.number, let framework = try await load(number, on: db) else {
            throw AppError.notFound("No version of the Quality Framework has been published")
        }
        return framework
    }

    /// Published version `n`, or nil when there is none (or it is still a draft).
    static func version(_ n: Int, on db: any Database) async throws -> QualityFramework? {
        guard let record = try await QualityFrameworkVersionRecord.query(on: db).filter(\.$number == n).first(),
              !record.isDraft else { return nil }
        return try await load(n, on: db)
    }

    /// Every version, oldest first, the draft (if any) last.
    static func versions(on db: any Database) async throws -> [VersionInfo] {
        try await QualityFrameworkVersionRecord.query(on: db).sort(\.$number).all().map {
            VersionInfo(number: $0.number, effectiveOn: $0.effectiveOn.flatMap(CalendarDay.init(iso:)),
                        createdBy: $0.createdBy, publishedBy: $0.publishedBy)
        }
    }

    static func published(on db: any Database) async throws -> [VersionInfo] {
        try await versions(on: db).filter { !$0.isDraft }
    }

    /// The draft being prepared, if there is one.
    static func draft(on db: any Database) async throws -> QualityFramework? {
        guard let record = try await QualityFrameworkVersionRecord.query(on: db).filter(\.$effectiveOn == nil).first() else {
            return nil
        }
        return try await load(record.number, on: db)
    }

    /// Version `n` whatever its state.
    static func load(_ n: Int, on db: any Database) async throws -> QualityFramework? {
        guard try await QualityFrameworkVersionRecord.query(on: db).filter(\.$number == n).count() > 0 else { return nil }
        let domains = try await QualityFrameworkDomainRecord.query(on: db).filter(\.$version == n).sort(\.$position).all()
        let standards = try await QualityFrameworkStandardRecord.query(on: db).filter(\.$version == n).sort(\.$position).all()
        let byDomain = Dictionary(grouping: standards, by: \.domainCode)
        return QualityFramework(version: n, domains: domains.map { d in
            QualityFrameworkDomain(code: d.code, name: d.name, standards: (byDomain[d.code] ?? []).map {
                QualityFrameworkStandard(code: $0.code, text: $0.text)
            })
        })
    }

    /// Codes used by every version but `excluded` (the draft being edited).
    static func usedCodes(excluding excluded: Int?, on db: any Database) async throws -> QualityFrameworkCodes {
        var domains = QualityFrameworkDomainRecord.query(on: db)
        var standards = QualityFrameworkStandardRecord.query(on: db)
        if let excluded {
            domains = domains.filter(\.$version != excluded)
            standards = standards.filter(\.$version != excluded)
        }
        return QualityFrameworkCodes(domains: Set(try await domains.all().map(\.code)),
                                     standards: Set(try await standards.all().map(\.code)))
    }

    /// Stores `framework` as a new version record (a draft unless `effectiveOn` is given).
    static func create(_ framework: QualityFramework, createdBy: String, effectiveOn: CalendarDay? = nil,
                       on db: any Database) async throws {
        let record = QualityFrameworkVersionRecord(number: framework.version, createdBy: createdBy)
        if let effectiveOn {
            record.effectiveOn = effectiveOn.iso
            record.publishedBy = createdBy
        }
        try await record.create(on: db)
        try await replaceContent(of: framework, on: db)
    }

    /// Replaces the stored domains and standards of `framework.version` (only drafts change).
    static func replaceContent(of framework: QualityFramework, on db: any Database) async throws {
        let n = framework.version
        try await QualityFrameworkStandardRecord.query(on: db).filter(\.$version == n).delete()
        try await QualityFrameworkDomainRecord.query(on: db).filter(\.$version == n).delete()
        var position = 0
        for (d, domain) in framework.domains.enumerated() {
            try await QualityFrameworkDomainRecord(version: n, code: domain.code, name: domain.name, position: d).create(on: db)
            for standard in domain.standards {
                try await QualityFrameworkStandardRecord(version: n, domainCode: domain.code, code: standard.code,
                                                         text: standard.text, position: position).create(on: db)
                position += 1
            }
        }
    }

    static func record(_ n: Int, on db: any Database) async throws -> QualityFrameworkVersionRecord? {
        try await QualityFrameworkVersionRecord.query(on: db).filter(\.$number == n).first()
    }
}
