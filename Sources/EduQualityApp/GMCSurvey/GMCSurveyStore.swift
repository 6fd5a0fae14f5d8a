import EduQualityDomain
import Fluent
import Vapor

/// Stored GMC national training survey results. Other services link a result by its reference
/// (`YEAR/ORGANISATION/SITE/SPECIALTY/INDICATOR`, `-` for no site) and read it with `result`.
enum GMCSurveyStore {
    /// The result with `reference`, or nil when none is stored (or the reference is malformed).
    static func result(reference: String, on db: any Database) async throws -> GMCSurveyResult? {
        guard let key = GMCSurveyReference(reference) else { return nil }
        return try await GMCSurveyResultRecord.query(on: db).filter(\.$reference == key.description).first()?.result
    }

    /// The stored results among `keys`, looked up in batches to keep each query's list short.
    static func stored(_ keys: [GMCSurveyReference], on db: any Database) async throws -> [GMCSurveyReference: GMCSurveyResult] {
        var found: [GMCSurveyReference: GMCSurveyResult] = [:]
        for start in stride(from: 0, to: keys.count, by: 500) {
            let batch = keys[start..<min(start + 500, keys.count)].map(\.description)
            for record in try await GMCSurveyResultRecord.query(on: db).filter(\.$reference ~~ batch).all() {
                if let result = record.result { found[result.key] = result }
            }
        }
        return found
    }

    static func insert(_ results: [GMCSurveyResult], importedBy: String, on db: any Database) async throws {
        let today = CalendarDay.today()
        for start in stride(from: 0, to: results.count, by: 200) {
            try await results[start..<min(start + 200, results.count)]
                .map { GMCSurveyResultRecord($0, importedOn: today, importedBy: importedBy) }
                .create(on: db)
        }
    }

    /// One page of an organisation's results, newest year first, optionally of one year.
    static func results(organisation: String, year: Int?, page: Int,
                        on db: any Database) async throws -> (records: [GMCSurveyResultRecord], total: Int) {
        let query = GMCSurveyResultRecord.query(on: db).filter(\.$organisationCode == organisation)
        if let year { query.filter(\.$year == year) }
        let total = try await query.count()
        let records = try await query.sort(\.$year, .descending).sort(\.$siteCode).sort(\.$specialtyCode)
            .sort(\.$indicatorCode).page(page)
        return (records, total)
    }

    /// The years an organisation has results for, newest first.
    static func years(organisation: String, on db: any Database) async throws -> [Int] {
        Set(try await GMCSurveyResultRecord.query(on: db).filter(\.$organisationCode == organisation)
            .field(\.$year).all().map(\.year)).sorted(by: >)
    }

    /// Number of results per organisation, for organisations that have any.
    static func counts(on db: any Database) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for record in try await GMCSurveyResultRecord.query(on: db).field(\.$organisationCode).all() {
            counts[record.organisationCode, default: 0] += 1
        }
        return counts
    }

    /// What a file is checked against: organisations and their regions, sites, specialties and
    /// the configured indicators.
    static func referenceCodes(on db: any Database) async throws -> GMCSurveyReferenceCodes {
        let organisations = try await Organisation.query(on: db).all()
        let sites = try await Site.query(on: db).all()
        let specialties = try await Term.query(on: db).filter(\.$vocabulary == Vocabulary.specialty.rawValue).all()
        let indicators = try await Term.query(on: db).filter(\.$vocabulary == Vocabulary.gmcIndicator.rawValue)
            .sort(\.$position).all()
        return GMCSurveyReferenceCodes(
            regionOfOrganisation: Dictionary(organisations.map { ($0.code, $0.regionCode) }, uniquingKeysWith: { a, _ in a }),
            organisationOfSite: Dictionary(sites.map { ($0.code, $0.organisationCode) }, uniquingKeysWith: { a, _ in a }),
            specialties: Set(specialties.map(\.code)), indicators: indicators.map(\.code))
    }
}
