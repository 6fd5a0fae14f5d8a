import EduQualityDomain
import Fluent
import Vapor

/// Rounds, questionnaire versions and the reference codes the survey checks answers against,
/// read from the database. Parsed questionnaires are cached by version code: a version in use is
/// frozen, and editing an unfrozen one clears the cache.
struct SurveyCatalog {
    let db: any Database
    let cache: QuestionnaireCache

    func roundRecord(_ code: String) async throws -> SurveyRoundRecord? {
        guard let normalised = SurveyRoundCode(code)?.rawValue else { return nil }
        return try await SurveyRoundRecord.query(on: db).filter(\.$code == normalised).first()
    }

    func round(_ code: String) async throws -> SurveyRound? {
        try await roundRecord(code).flatMap(Self.round(from:))
    }

    static func round(from record: SurveyRoundRecord) -> SurveyRound? {
        guard let opens = CalendarDay(iso: record.opensOn), let closes = CalendarDay(iso: record.closesOn) else { return nil }
        return try? SurveyRound(code: record.code, opens: opens, closes: closes, questionnaireVersion: record.questionnaireCode)
    }

    func allRounds() async throws -> [(record: SurveyRoundRecord, round: SurveyRound)] {
        try await SurveyRoundRecord.query(on: db).sort(\.$opensOn, .descending).all()
            .compactMap { r in Self.round(from: r).map { (r, $0) } }
    }

    func questionnaire(_ code: String) async throws -> Questionnaire? {
        if let cached = await cache.get(code) { return cached }
        guard let record = try await QuestionnaireRecord.query(on: db).filter(\.$code == code).first() else { return nil }
        let parsed = try Questionnaire.decode(json: Data(record.fileJSON.utf8))
        await cache.put(code, parsed)
        return parsed
    }

    /// The round's questionnaire, or nil when none is attached.
    func questionnaire(for round: SurveyRound) async throws -> Questionnaire? {
        guard let code = round.questionnaireVersion else { return nil }
        return try await questionnaire(code)
    }

    func referenceCodes() async throws -> SurveyReferenceCodes {
        let terms = try await Term.query(on: db).all()
        func codes(_ v: Vocabulary) -> [String] {
            terms.filter { $0.vocabulary == v.rawValue }.sorted { $0.position < $1.position }.map(\.code)
        }
        let orgs = try await Organisation.query(on: db).all().map(\.code)
        let sites = try await Site.query(on: db).all().map { SiteReference(code: $0.code, organisation: $0.organisationCode) }
        return SurveyReferenceCodes(professions: codes(.profession), organisations: orgs, sites: sites,
                                    placementTypes: codes(.placementType), specialties: codes(.specialty),
                                    trainingLevels: codes(.trainingLevel))
    }
}

/// Parsed questionnaire versions in memory.
actor QuestionnaireCache {
    private var parsed: [String: Questionnaire] = [:]
    func get(_ code: String) -> Questionnaire? { parsed[code] }
    func put(_ code: String, _ q: Questionnaire) { parsed[code] = q }
    func clear() { parsed = [:] }
}

enum QuestionnaireCacheKey: StorageKey { typealias Value = QuestionnaireCache }

extension Application {
    var surveyCatalog: SurveyCatalog { SurveyCatalog(db: db, cache: storage[QuestionnaireCacheKey.self]!) }
}

extension Request {
    var surveyCatalog: SurveyCatalog { SurveyCatalog(db: db, cache: application.storage[QuestionnaireCacheKey.self]!) }
}
