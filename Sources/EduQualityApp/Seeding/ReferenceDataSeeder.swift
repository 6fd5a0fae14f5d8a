import EduQualityDomain
import Fluent
import Foundation

/// Loads the reference data shipped in `Seed/reference/` (and organisations from a file) into
/// the database. Existing codes are updated in place, new ones added, nothing is deleted, so
/// running it twice changes nothing the second time.
struct ReferenceDataSeeder {
    let directory: String

    struct CodeName: Decodable { let code: String; let name: String }
    struct OrganisationFile: Decodable {
        let code: String, name: String, type: String, region: String
        let sites: [CodeName]?
    }

    func seedIfEmpty(on db: any Database) async throws {
        guard try await Region.query(on: db).count() == 0 else { return }
        try await seedReference(on: db)
    }

    func seedReference(on db: any Database) async throws {
        let regions: [CodeName] = try load("reference/regions.json")
        var vocabularies: [(Vocabulary, [CodeName])] = []
        for v in Vocabulary.allCases where FileManager.default.fileExists(atPath: path("reference/" + v.seedFile)) {
            vocabularies.append((v, try load("reference/" + v.seedFile)))
        }
        let framework = try QualityFrameworkSeeder(referenceFolder: path("reference"))
        let lists = vocabularies
        try await db.audited(actor: "system:seed") { db in
            var events: [AuditEvent] = []
            for r in regions {
                events += try await upsertRegion(code: r.code, name: r.name, on: db)
            }
            for (vocabulary, terms) in lists {
                for (i, t) in terms.enumerated() {
                    events += try await upsertTerm(vocabulary, code: t.code, name: t.name, position: i, on: db)
                }
            }
            events += try await framework.seed(on: db)
            return ((), events)
        }
        try await seedQuestionnaires(on: db)
    }

    /// Questionnaire versions shipped in `Seed/questionnaires/` that are not stored yet.
    func seedQuestionnaires(on db: any Database) async throws {
        let folder = path("questionnaires")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".json") }.sorted() ?? []
        let professions = Set(try await Term.query(on: db).filter(\.$vocabulary == Vocabulary.profession.rawValue).all().map(\.code))
        let admin = SurveyAdministration(db: db, cache: QuestionnaireCache(), actor: "system:seed")
        for file in files {
            guard let data = FileManager.default.contents(atPath: folder + "/" + file) else { continue }
            let json = String(decoding: data, as: UTF8.self)
            guard let version = try? Questionnaire.decode(json: data).version,
                  try await QuestionnaireRecord.query(on: db).filter(\.$code == version).count() == 0 else { continue }
            do {
                try await admin.addQuestionnaire(json: json, knownProfessions: professions)
            } catch AppError.invalid(let problems) {
                throw SeedError("\(file): " + problems.map(\.message).joined(separator: "; "))
            }
        }
    }

    /// Organisations and their sites from a JSON file of `[{code,name,type,region,sites:[{code,name}]}]`.
    func seedOrganisations(file: String, on db: any Database) async throws -> Int {
        let orgs: [OrganisationFile] = try load(file)
        for o in orgs {
            guard OrganisationType(rawValue: o.type) != nil else {
                throw SeedError("\(file): organisation \(o.code) has unknown type \(o.type)")
            }
        }
        return try await db.audited(actor: "system:seed") { db in
            var events: [AuditEvent] = []
            for o in orgs {
                events += try await upsertOrganisation(o, on: db)
                for s in o.sites ?? [] {
                    events += try await upsertSite(code: s.code, name: s.name, organisation: o.code, on: db)
                }
            }
            return (orgs.count, events)
        }
    }

    private func upsertRegion(code: String, name: String, on db: any Database) async throws -> [AuditEvent] {
        if let existing = try await Region.query(on: db).filter(\.$code == code).first() {
            guard existing.name != name else { return [] }
            let before = ["name": existing.name]
            existing.name = name
            try await existing.update(on: db)
            return [AuditEvent(action: "region.update", entityType: "region", entityID: code, before: before, after: ["name": name])]
        }
        try await Region(code: code, name: name).create(on: db)
        return [AuditEvent(action: "region.create", entityType: "region", entityID: code, after: ["name": name])]
    }

    private func upsertTerm(_ v: Vocabulary, code: String, name: String, position: Int, on db: any Database) async throws -> [AuditEvent] {
        let id = "\(v.rawValue):\(code)"
        if let existing = try await Term.query(on: db).filter(\.$vocabulary == v.rawValue).filter(\.$code == code).first() {
            guard existing.name != name else { return [] }
            let before = ["name": existing.name]
            existing.name = name
            try await existing.update(on: db)
            return [AuditEvent(action: "term.update", entityType: "term", entityID: id, before: before, after: ["name": name])]
        }
        try await Term(vocabulary: v, code: code, name: name, position: position).create(on: db)
        return [AuditEvent(action: "term.create", entityType: "term", entityID: id, after: ["name": name])]
    }

    private func upsertOrganisation(_ o: OrganisationFile, on db: any Database) async throws -> [AuditEvent] {
        if let existing = try await Organisation.query(on: db).filter(\.$code == o.code).first() {
            let before = existing.auditSnapshot
            existing.name = o.name
            existing.type = o.type
            existing.regionCode = o.region
            guard existing.auditSnapshot != before else { return [] }
            try await existing.update(on: db)
            return [AuditEvent(action: "organisation.update", entityType: "organisation", entityID: o.code,
                               before: before, after: existing.auditSnapshot)]
        }
        let org = Organisation(code: o.code, name: o.name, type: o.type, regionCode: o.region)
        try await org.create(on: db)
        return [AuditEvent(action: "organisation.create", entityType: "organisation", entityID: o.code, after: org.auditSnapshot)]
    }

    private func upsertSite(code: String, name: String, organisation: String, on db: any Database) async throws -> [AuditEvent] {
        if let existing = try await Site.query(on: db).filter(\.$code == code).first() {
            let before = existing.auditSnapshot
            existing.name = name
            existing.organisationCode = organisation
            guard existing.auditSnapshot != before else { return [] }
            try await existing.update(on: db)
            return [AuditEvent(action: "site.update", entityType: "site", entityID: code, before: before, after: existing.auditSnapshot)]
        }
        let site = Site(code: code, name: name, organisationCode: organisation)
        try await site.create(on: db)
        return [AuditEvent(action: "site.create", entityType: "site", entityID: code, after: site.auditSnapshot)]
    }

    /// A path as given (absolute, or relative to the working directory), else inside `Seed/`.
    private func path(_ relative: String) -> String {
        if relative.hasPrefix("/") || FileManager.default.fileExists(atPath: relative) { return relative }
        return directory + "/" + relative
    }

    private func load<T: Decodable>(_ relative: String) throws -> T {
        let p = path(relative)
        guard let data = FileManager.default.contents(atPath: p) else { throw SeedError("cannot read \(p)") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw SeedError("\(p) is not valid: \(error)")
        }
    }
}

struct SeedError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
