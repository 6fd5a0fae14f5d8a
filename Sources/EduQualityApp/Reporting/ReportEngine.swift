import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import Vapor

/// The reporting engine's in-memory copy of scored responses. The database stays the system of
/// record; this copy is built at start and refreshed from it every couple of seconds (new rows
/// from this server, the import command or another instance), so no report query touches the
/// database. Queries run on a snapshot taken under the lock (copy-on-write: appends never change
/// a snapshot already handed out).
final class ReportEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var store: ScoredResponseStore
    /// Highest response id ingested; rows are read again from a little below it, because with
    /// several writers a lower id can commit after a higher one.
    private var watermark = 0
    private var recentIDs: Set<Int> = []
    private var roundQuestionnaires: [String: [String]] = [:]
    let itemTexts: [String: String]
    let themeNames: [String: String]

    static let rereadWindow = 5_000

    init(scheme: ScoringScheme, itemTexts: [String: String], themeNames: [String: String]) {
        self.store = ScoredResponseStore(scheme: scheme)
        self.itemTexts = itemTexts
        self.themeNames = themeNames
    }

    var snapshot: ScoredResponseStore { lock.withLock { store } }
    var responseCount: Int { lock.withLock { store.count } }

    /// Builds the engine from the latest questionnaire version and everything stored.
    static func build(db: any Database, catalog: SurveyCatalog, logger: Logger) async throws -> ReportEngine {
        let versions = try await QuestionnaireRecord.query(on: db).sort(\.$code).all()
        let latest = try versions.last.map { try Questionnaire.decode(json: Data($0.fileJSON.utf8)) }
        let themes = (latest?.themes ?? []).map { theme in
            Theme(code: theme.code, items: theme.items.map {
                ScoredItem(code: $0.code, scalePoints: $0.scale.labels.count, isReverseKeyed: $0.isReverseKeyed,
                           allowsNotApplicable: $0.allowsNotApplicable, professions: $0.professions.map(Set.init))
            })
        }
        let scheme = try ScoringScheme(themes: themes)
        var texts: [String: String] = [:]
        var names: [String: String] = [:]
        for theme in latest?.themes ?? [] {
            names[theme.code] = theme.name
            for item in theme.items { texts[item.code] = item.text }
        }
        let engine = ReportEngine(scheme: scheme, itemTexts: texts, themeNames: names)
        try await engine.registerReferenceData(db: db)
        let started = ContinuousClock.now
        let loaded = try await engine.refresh(db: db, catalog: catalog)
        logger.info("Reporting engine loaded \(loaded) responses in \(ContinuousClock.now - started)")
        return engine
    }

    private func registerReferenceData(db: any Database) async throws {
        let orgs = try await Organisation.query(on: db).all()
        let sites = try await Site.query(on: db).all()
        let terms = try await Term.query(on: db).all()
        let regionOf = Dictionary(uniqueKeysWithValues: orgs.map { ($0.code, $0.regionCode) })
        try lock.withLock {
            for o in orgs { try? store.registerPlace(region: o.regionCode, organisation: o.code) }
            for s in sites {
                if let region = regionOf[s.organisationCode] {
                    try? store.registerPlace(region: region, organisation: s.organisationCode, site: s.code)
                }
            }
            for t in terms {
                let dimension: ReportDimension? = switch Vocabulary(rawValue: t.vocabulary) {
                case .profession: .profession
                case .specialty: .specialty
                case .placementType: .placementType
                case .trainingLevel: .level
                case nil: nil
                }
                if let dimension { try store.registerCode(t.code, of: dimension) }
            }
        }
    }

    /// Reads responses stored since the last refresh (and registers new rounds, oldest first).
    /// Returns how many were added.
    @discardableResult
    func refresh(db: any Database, catalog: SurveyCatalog) async throws -> Int {
        let rounds = try await catalog.allRounds().sorted { $0.round.opens < $1.round.opens }
        var itemOrders: [String: [String]] = [:]
        for (_, round) in rounds {
            if let q = try? await catalog.questionnaire(for: round) { itemOrders[round.code.rawValue] = q.items.map(\.code) }
        }
        lock.withLock {
            for (_, round) in rounds where !store.roundCodesInOrder.contains(round.code.rawValue) {
                try? store.registerRound(round.code.rawValue)
            }
            roundQuestionnaires = itemOrders
        }
        let sql = db as! any SQLDatabase
        var added = 0
        var from = lock.withLock { max(0, watermark - Self.rereadWindow) }
        while true {
            let rows = try await sql.select()
                .columns("id", "round_code", "profession", "organisation", "region", "site", "placement_type", "specialty", "level", "answers")
                .from(SurveyResponseRecord.schema).where("id", .greaterThan, from).orderBy("id").limit(20_000).all()
            guard !rows.isEmpty else { break }
            var records: [(Int, ResponseRecord)] = []
            records.reserveCapacity(rows.count)
            for row in rows {
                let id = try row.decode(column: "id", as: Int.self)
                let round = try row.decode(column: "round_code", as: String.self)
                guard let order = itemOrders[round] else { continue }
                let answerText = try row.decode(column: "answers", as: String.self)
                var answers: [String: Answer] = [:]
                for (index, byte) in answerText.utf8.enumerated() where index < order.count {
                    switch PackedAnswers.packed(from: byte) {
                    case 0: continue
                    case 255: answers[order[index]] = .notApplicable
                    case let rank: answers[order[index]] = .rank(Int(rank))
                    }
                }
                records.append((id, ResponseRecord(
                    round: round, profession: try row.decode(column: "profession", as: String.self),
                    region: try row.decode(column: "region", as: String.self),
                    organisation: try row.decode(column: "organisation", as: String.self),
                    site: try row.decodeNil(column: "site") ? nil : try row.decode(column: "site", as: String.self),
                    specialty: try row.decodeNil(column: "specialty") ? nil : try row.decode(column: "specialty", as: String.self),
                    placementType: try row.decode(column: "placement_type", as: String.self),
                    level: try row.decodeNil(column: "level") ? nil : try row.decode(column: "level", as: String.self),
                    answers: answers)))
            }
            added += lock.withLock {
                var n = 0
                for (id, record) in records where !recentIDs.contains(id) && (id > watermark || watermark - id < Self.rereadWindow) {
                    // A row the store refuses (a place moved region, say) is skipped, not fatal.
                    if (try? store.append(record)) != nil { n += 1 }
                    recentIDs.insert(id)
                    watermark = max(watermark, id)
                }
                if recentIDs.count > 4 * Self.rereadWindow {
                    let floor = watermark - Self.rereadWindow
                    recentIDs = recentIDs.filter { $0 > floor }
                }
                return n
            }
            from = try rows.last!.decode(column: "id", as: Int.self)
        }
        return added
    }
}

enum ReportEngineKey: StorageKey { typealias Value = ReportEngine }

extension Application {
    /// Built when the server starts (see `Startup.swift`).
    var reportEngine: ReportEngine? { storage[ReportEngineKey.self] }
}

extension Request {
    func reportStore() throws -> ScoredResponseStore {
        guard let engine = application.reportEngine else {
            throw Abort(.serviceUnavailable, reason: "The reports are still loading; try again in a moment.")
        }
        return engine.snapshot
    }
}
