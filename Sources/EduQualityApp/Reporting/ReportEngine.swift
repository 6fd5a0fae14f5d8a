import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import Vapor

/// The reporting engine's in-memory copy of scored responses. The database stays the system of
/// record; this copy holds the responses of every round publication (`RoundVersion`), loaded at
/// start and, every couple of seconds, as rounds are published (by this server, a command or
/// another instance). A response in no publication yet is not here at all, so no figure moves
/// while a round is open, and a published round's figures are frozen until it is published
/// again. Queries run on a snapshot taken under the lock (copy-on-write: appends never change a
/// snapshot already handed out); a round published more than once is queried through its
/// `RoundHistory`, so that no figure moves by 1 to threshold−1 between publications.
final class ReportEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var store: ScoredResponseStore
    /// Per round: the store (that round only) as each publication left it, and the responses each
    /// publication after the first added.
    private var versionStores: [String: [ScoredResponseStore]] = [:]
    private var addedLater: [String: [[ResponseRecord]]] = [:]
    private var histories: [String: RoundHistory] = [:]
    let itemTexts: [String: String]
    let themeNames: [String: String]

    init(scheme: ScoringScheme, itemTexts: [String: String], themeNames: [String: String]) {
        self.store = ScoredResponseStore(scheme: scheme)
        self.itemTexts = itemTexts
        self.themeNames = themeNames
    }

    private var lastRefresh: Date?

    var responseCount: Int { lock.withLock { store.count } }
    /// When the last refresh finished, for the refresh lag in `/metrics`.
    var refreshedAt: Date? { lock.withLock { lastRefresh } }

    /// What every visitor sees: the store, the published rounds (oldest first) and the histories
    /// of rounds published more than once.
    var snapshot: (store: ScoredResponseStore, rounds: [String], histories: [String: RoundHistory]) {
        lock.withLock { (store, store.roundCodesInOrder.filter { versionStores[$0] != nil }, histories) }
    }

    /// The scheme and names of the latest questionnaire version (every round is scored with it).
    static func scheme(db: any Database) async throws -> (ScoringScheme, texts: [String: String], names: [String: String]) {
        let versions = try await QuestionnaireRecord.query(on: db).sort(\.$code).all()
        let latest = try versions.last.map { try Questionnaire.decode(json: Data($0.fileJSON.utf8)) }
        let themes = (latest?.themes ?? []).map { theme in
            Theme(code: theme.code, items: theme.items.map {
                ScoredItem(code: $0.code, scalePoints: $0.scale.labels.count, isReverseKeyed: $0.isReverseKeyed,
                           allowsNotApplicable: $0.allowsNotApplicable, professions: $0.professions.map(Set.init))
            })
        }
        var texts: [String: String] = [:]
        var names: [String: String] = [:]
        for theme in latest?.themes ?? [] {
            names[theme.code] = theme.name
            for item in theme.items { texts[item.code] = item.text }
        }
        return (try ScoringScheme(themes: themes), texts, names)
    }

    /// Builds the engine from the latest questionnaire version and every round version stored.
    static func build(db: any Database, catalog: SurveyCatalog, logger: Logger) async throws -> ReportEngine {
        let (scheme, texts, names) = try await scheme(db: db)
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
                case .gmcIndicator, nil: nil
                }
                if let dimension { try store.registerCode(t.code, of: dimension) }
            }
        }
    }

    /// Registers new rounds (oldest first) and loads the responses of publications made since the
    /// last refresh, each round's in order. Returns how many responses were added.
    @discardableResult
    func refresh(db: any Database, catalog: SurveyCatalog) async throws -> Int {
        let rounds = try await catalog.allRounds().sorted { $0.round.opens < $1.round.opens }
        lock.withLock {
            for (_, round) in rounds where !store.roundCodesInOrder.contains(round.code.rawValue) {
                try? store.registerRound(round.code.rawValue)
            }
        }
        let versions = try await SurveyRoundVersionRecord.query(on: db).sort(\.$roundCode).sort(\.$number).all()
        var added = 0
        for (_, round) in rounds {
            let code = round.code.rawValue
            let loaded = lock.withLock { versionStores[code]?.count ?? 0 }
            // Versions load strictly in order, so each is a prefix of the next.
            for version in versions.filter({ $0.roundCode == code && $0.number > loaded }).sorted(by: { $0.number < $1.number }) {
                guard version.number == (lock.withLock { versionStores[code]?.count ?? 0 }) + 1,
                      let order = try await catalog.questionnaire(for: round)?.items.map(\.code) else { break }
                let rows = try await ResponseRows.read(round: code, version: version.number, itemOrder: order, on: db)
                added += lock.withLock {
                    // Another refresh may have loaded it meanwhile.
                    guard version.number == (versionStores[code]?.count ?? 0) + 1 else { return 0 }
                    // A row the store refuses (a place moved region, say) is skipped, not fatal.
                    let n = rows.reduce(0) { n, row in n + ((try? store.append(row.record)) != nil ? 1 : 0) }
                    versionStores[code, default: []].append(store.keepingRounds([code]))
                    if version.number > 1 {
                        addedLater[code, default: []].append(rows.map(\.record))
                        histories[code] = RoundHistory(round: code, versions: versionStores[code]!, added: addedLater[code]!)
                    }
                    return n
                }
            }
        }
        let finished = Date()
        lock.withLock { lastRefresh = finished }
        return added
    }
}

enum ReportEngineKey: StorageKey { typealias Value = ReportEngine }

extension Application {
    /// Built when the server starts (see `Startup.swift`).
    var reportEngine: ReportEngine? { storage[ReportEngineKey.self] }
}

extension Request {
    func reportEngine() throws -> ReportEngine {
        guard let engine = application.reportEngine else {
            throw Abort(.serviceUnavailable, reason: "The reports are still loading; try again in a moment.")
        }
        return engine
    }
}
