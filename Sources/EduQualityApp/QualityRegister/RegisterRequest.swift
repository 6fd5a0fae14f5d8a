import EduQualityDomain
import Fluent
import Vapor

extension RegisterFilter {
    /// The filter in a page's or API's query string; a value that cannot match anything is a 400
    /// with its reason, never an empty list that looks like "no entries".
    init(_ req: Request, bands: RiskBands) throws {
        func text(_ name: String) -> String? { FormProblems.clean(req.query[String.self, at: name]) }
        self.init()
        region = text("region")
        organisation = text("organisation")
        standard = text("standard")
        profession = text("profession")
        self.text = text("q").map { String($0.prefix(200)) }
        if let s = text("status") {
            guard let status = RegisterEntryStatus(rawValue: s) else {
                throw AppError.badRequest("status must be one of \(RegisterEntryStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.status = status
        }
        if let b = text("band") {
            guard bands.band(code: b) != nil else {
                throw AppError.badRequest("band must be one of \(bands.bands.map(\.code).joined(separator: ", "))")
            }
            band = b
        }
        for (name, keyPath) in [("likelihood", \RegisterFilter.likelihood), ("impact", \RegisterFilter.impact)] {
            if let v = text(name) {
                guard let n = Int(v), RiskScore.scale.contains(n) else { throw AppError.badRequest("\(name) must be a whole number from 1 to 5") }
                self[keyPath: keyPath] = n
            }
        }
        if let overdue = text("reviewOverdue") {
            guard ["true", "false", "yes", "no", "1", "0"].contains(overdue) else { throw AppError.badRequest("reviewOverdue must be true or false") }
            reviewOverdue = ["true", "yes", "1"].contains(overdue)
        }
    }

    /// The query string that reproduces this filter (for links, pagination and the CSV).
    var queryString: String {
        var items: [URLQueryItem] = []
        func add(_ name: String, _ value: String?) { if let value { items.append(URLQueryItem(name: name, value: value)) } }
        add("region", region)
        add("organisation", organisation)
        add("status", status?.rawValue)
        add("band", band)
        add("standard", standard)
        add("profession", profession)
        add("likelihood", likelihood.map(String.init))
        add("impact", impact.map(String.init))
        add("reviewOverdue", reviewOverdue ? "true" : nil)
        add("q", text)
        var components = URLComponents()
        components.queryItems = items.isEmpty ? nil : items
        return components.percentEncodedQuery.map { "?" + $0 } ?? ""
    }

    var isActive: Bool { self != RegisterFilter() }
}

extension RegisterVocabulary {
    /// Reference data and the current Quality Framework, as a new entry is validated against them.
    static func load(_ db: any Database) async throws -> RegisterVocabulary {
        let organisations = try await Organisation.query(on: db).all()
        let sites = try await Site.query(on: db).all()
        let terms = try await Term.query(on: db).all()
        let framework = try await QualityFrameworkStore.current(on: db)
        return RegisterVocabulary(
            organisationRegions: Dictionary(organisations.map { ($0.code, $0.regionCode) }) { a, _ in a },
            siteOrganisations: Dictionary(sites.map { ($0.code, $0.organisationCode) }) { a, _ in a },
            specialties: Set(terms.filter { $0.vocabulary == Vocabulary.specialty.rawValue }.map(\.code)),
            professions: Set(terms.filter { $0.vocabulary == Vocabulary.profession.rawValue }.map(\.code)),
            frameworkVersion: framework.version,
            standards: Set(framework.domains.flatMap { $0.standards.map(\.code) }))
    }
}

/// Who may own an entry at a place: the staff who may change entries there.
enum RegisterOwners {
    static func eligible(at location: Location, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$isActive == true).with(\.$roles).sort(\.$displayName).all()
            .filter { Authorization.isAllowed($0.actor, .editQualityRegister, .located(location)) }
    }

    /// Display names by user id, for history lines and lists.
    static func names(on db: any Database) async throws -> [String: String] {
        Dictionary(try await User.query(on: db).all().compactMap { u in u.id.map { ($0.uuidString, u.displayName) } }) { a, _ in a }
    }
}
