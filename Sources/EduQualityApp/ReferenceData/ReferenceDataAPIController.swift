import EduQualityDomain
import Fluent
import Vapor

/// Read-only reference data for partners' tools. Pinned shapes: organisations
/// `[{code,name,type,region}]`, professions `[{code,name}]`, regions `[{code,name}]`.
struct ReferenceDataAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("organisations", use: organisations)
        api.get("organisations", ":code", "sites", use: sites)
        api.get("professions") { req in try await terms(req, .profession) }
        api.get("specialties") { req in try await terms(req, .specialty) }
        api.get("placement-types") { req in try await terms(req, .placementType) }
        api.get("training-levels") { req in try await terms(req, .trainingLevel) }
        api.get("regions", use: regions)
    }

    struct OrganisationDTO: Content { let code, name, type, region: String }
    struct CodeNameDTO: Content { let code, name: String }
    struct SiteDTO: Content { let code, name, organisation: String }

    @Sendable func organisations(req: Request) async throws -> [OrganisationDTO] {
        try req.authorize(.viewReferenceData)
        // Retired organisations only when asked for (`includeRetired=true`), for reading old records.
        let includeRetired = try Self.flag(req, "includeRetired")
        let query = (includeRetired ? Organisation.query(on: req.db) : Organisation.inUse(on: req.db)).sort(\.$code)
        if let region = req.query[String.self, at: "region"] {
            guard try await Region.query(on: req.db).filter(\.$code == region).count() > 0 else {
                throw AppError.badRequest("region: unknown region code \"\(region)\"")
            }
            query.filter(\.$regionCode == region)
        }
        if let type = req.query[String.self, at: "type"] {
            guard OrganisationType(rawValue: type) != nil else {
                let known = OrganisationType.allCases.map(\.rawValue).joined(separator: ", ")
                throw AppError.badRequest("type: unknown organisation type \"\(type)\"; use one of \(known)")
            }
            query.filter(\.$type == type)
        }
        if let q = req.query[String.self, at: "q"], !q.isEmpty {
            let op = req.db.containsOperator
            query.group(.or) { $0.filter(\.$name, op, likePattern(q)).filter(\.$code == q) }
        }
        return try await query.all().map { OrganisationDTO(code: $0.code, name: $0.name, type: $0.type, region: $0.regionCode) }
    }

    @Sendable func sites(req: Request) async throws -> [SiteDTO] {
        try req.authorize(.viewReferenceData)
        let code = req.parameters.get("code") ?? ""
        guard try await Organisation.query(on: req.db).filter(\.$code == code).count() > 0 else {
            throw AppError.notFound("No organisation has the code \(code)")
        }
        return try await Site.query(on: req.db).filter(\.$organisationCode == code).sort(\.$code).all()
            .map { SiteDTO(code: $0.code, name: $0.name, organisation: $0.organisationCode) }
    }

    @Sendable func terms(_ req: Request, _ vocabulary: Vocabulary) async throws -> [CodeNameDTO] {
        try req.authorize(.viewReferenceData)
        return try await Term.query(on: req.db).filter(\.$vocabulary == vocabulary.rawValue).sort(\.$position).all()
            .map { CodeNameDTO(code: $0.code, name: $0.name) }
    }

    @Sendable func regions(req: Request) async throws -> [CodeNameDTO] {
        try req.authorize(.viewReferenceData)
        return try await Region.query(on: req.db).sort(\.$code).all().map { CodeNameDTO(code: $0.code, name: $0.name) }
    }

    /// A true/false query parameter; anything else is a 400 that says what it takes.
    static func flag(_ req: Request, _ name: String) throws -> Bool {
        guard let raw = req.query[String.self, at: name] else { return false }
        switch raw {
        case "true": return true
        case "false": return false
        default: throw AppError.badRequest("\(name): use true or false")
        }
    }
}
