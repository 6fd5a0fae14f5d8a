import EduQualityDomain
import Fluent
import Foundation
import NIOConcurrencyHelpers

/// What the survey's placement page offers, with names, and the codes a response is checked
/// against. Only organisations that host placements (`OrganisationType.hostsPlacements`) are
/// offered, and only those are accepted.
struct SurveyChoices: Sendable {
    struct Choice: Sendable {
        let code: String
        let name: String
    }

    struct OrganisationChoice: Sendable {
        let code: String
        let name: String
        let region: String
    }

    struct SiteChoice: Sendable {
        let code: String
        let name: String
        let organisation: String
    }

    let professions: [Choice]
    let placementTypes: [Choice]
    let specialties: [Choice]
    let trainingLevels: [Choice]
    /// Sorted by name.
    let organisations: [OrganisationChoice]
    /// Sorted by organisation, then name.
    let sites: [SiteChoice]
    let codes: SurveyReferenceCodes
    private let names: [PlacementField: [String: String]]
    private let regions: [String: String]

    init(professions: [Choice], placementTypes: [Choice], specialties: [Choice], trainingLevels: [Choice],
         organisations: [OrganisationChoice], sites: [SiteChoice]) {
        self.professions = professions
        self.placementTypes = placementTypes
        self.specialties = specialties
        self.trainingLevels = trainingLevels
        self.organisations = organisations
        self.sites = sites
        codes = SurveyReferenceCodes(
            professions: professions.map(\.code), organisations: organisations.map(\.code),
            sites: sites.map { SiteReference(code: $0.code, organisation: $0.organisation) },
            placementTypes: placementTypes.map(\.code), specialties: specialties.map(\.code),
            trainingLevels: trainingLevels.map(\.code))
        func byCode(_ list: [(String, String)]) -> [String: String] {
            Dictionary(list, uniquingKeysWith: { first, _ in first })
        }
        names = [
            .profession: byCode(professions.map { ($0.code, $0.name) }),
            .organisation: byCode(organisations.map { ($0.code, $0.name) }),
            .site: byCode(sites.map { ($0.code, $0.name) }),
            .placementType: byCode(placementTypes.map { ($0.code, $0.name) }),
            .specialty: byCode(specialties.map { ($0.code, $0.name) }),
            .trainingLevel: byCode(trainingLevels.map { ($0.code, $0.name) }),
        ]
        regions = byCode(organisations.map { ($0.code, $0.region) })
    }

    func name(of code: String, in field: PlacementField) -> String? { names[field]?[code] }

    /// The organisation's region, which a stored response keeps for regional reports.
    func region(of organisation: String) -> String? { regions[organisation] }

    /// Organisations whose name or code contains every word searched for (any case).
    func organisations(matching search: String) -> [OrganisationChoice] {
        let words = search.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return organisations }
        return organisations.filter { o in
            let haystack = (o.name + " " + o.code).lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    static func load(_ db: any Database) async throws -> SurveyChoices {
        let terms = try await Term.query(on: db).sort(\.$position).all()
        func choices(_ vocabulary: Vocabulary) -> [Choice] {
            terms.filter { $0.vocabulary == vocabulary.rawValue }.map { Choice(code: $0.code, name: $0.name) }
        }
        let organisations = try await Organisation.inUse(on: db).sort(\.$name).all()
            .filter { OrganisationType(rawValue: $0.type)?.hostsPlacements == true }
        let offered = Set(organisations.map(\.code))
        let sites = try await Site.query(on: db).sort(\.$organisationCode).sort(\.$name).all()
            .filter { offered.contains($0.organisationCode) }
        return SurveyChoices(
            professions: choices(.profession), placementTypes: choices(.placementType), specialties: choices(.specialty),
            trainingLevels: choices(.trainingLevel),
            organisations: organisations.map { OrganisationChoice(code: $0.code, name: $0.name, region: $0.regionCode) },
            sites: sites.map { SiteChoice(code: $0.code, name: $0.name, organisation: $0.organisationCode) })
    }
}

/// What every survey request reads and almost never changes, kept in memory for a short while:
/// the placement choices (reloaded at most every 30 seconds, so an organisation added by an
/// administrator is offered within the minute) and each round's dates and questionnaire (for a
/// second: a round's state is still worked out from today's date on every request, and an
/// administrator's change, from this server or the command line, shows within the second). A
/// lock, not an actor: a submission should not queue behind another to read them.
final class SurveyReferenceCache: Sendable {
    private struct Entry<Value: Sendable>: Sendable {
        let value: Value
        let at: ContinuousClock.Instant
    }

    let choicesLifetime: Duration
    let roundLifetime: Duration
    private let choices = NIOLockedValueBox<Entry<SurveyChoices>?>(nil)
    private let rounds = NIOLockedValueBox<[String: Entry<SurveyRound?>]>([:])

    static let standardRoundLifetime = Duration.seconds(1)

    init(choicesLifetime: Duration = .seconds(30), roundLifetime: Duration = standardRoundLifetime) {
        self.choicesLifetime = choicesLifetime
        self.roundLifetime = roundLifetime
    }

    func choices(_ db: any Database) async throws -> SurveyChoices {
        let now = ContinuousClock.now
        if let entry = choices.withLockedValue({ $0 }), now - entry.at < choicesLifetime { return entry.value }
        let fresh = try await SurveyChoices.load(db)
        choices.withLockedValue { $0 = Entry(value: fresh, at: now) }
        return fresh
    }

    /// The round with this code (nil when there is none), as the catalog reads it.
    func round(_ code: String, catalog: SurveyCatalog) async throws -> SurveyRound? {
        guard let key = SurveyRoundCode(code)?.rawValue else { return nil }
        let now = ContinuousClock.now
        if let entry = rounds.withLockedValue({ $0[key] }), now - entry.at < roundLifetime { return entry.value }
        let fresh = try await catalog.round(key)
        rounds.withLockedValue { cached in
            if cached.count > 1_000 { cached.removeAll() }
            cached[key] = Entry(value: fresh, at: now)
        }
        return fresh
    }
}
