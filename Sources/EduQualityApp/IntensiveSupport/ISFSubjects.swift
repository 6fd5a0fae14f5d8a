import EduQualityDomain
import Fluent
import Vapor

/// Where an ISF subject sits for the authorisation rule, and what it is called.
struct ResolvedSubject: Sendable {
    let subject: ISFSubject
    let location: Location
    let name: String

    var href: String { Self.href(subject) }

    static func href(_ subject: ISFSubject, action: String? = nil) -> String {
        var components = URLComponents()
        components.path = "/isf/subject" + (action.map { "/" + $0 } ?? "")
        components.queryItems = [URLQueryItem(name: "kind", value: subject.kind.rawValue), URLQueryItem(name: "code", value: subject.code)]
        return components.string ?? components.path
    }
}

enum ISFSubjects {
    /// Nil when the subject names nothing held in the reference data.
    static func resolve(_ subject: ISFSubject, on db: any Database) async throws -> ResolvedSubject? {
        switch subject.kind {
        case .organisation:
            guard let o = try await Organisation.query(on: db).filter(\.$code == subject.code).first() else { return nil }
            return ResolvedSubject(subject: subject, location: Location(region: o.regionCode, organisation: o.code), name: o.name)
        case .site:
            guard let s = try await Site.query(on: db).filter(\.$code == subject.code).first(),
                  let o = try await Organisation.query(on: db).filter(\.$code == s.organisationCode).first() else { return nil }
            return ResolvedSubject(subject: subject, location: Location(region: o.regionCode, organisation: o.code, site: s.code),
                                   name: "\(s.name), \(o.name)")
        case .programme:
            guard let (organisation, specialty) = subject.programme,
                  let o = try await Organisation.query(on: db).filter(\.$code == organisation).first(),
                  let term = try await Term.query(on: db).filter(\.$vocabulary == Vocabulary.specialty.rawValue)
                    .filter(\.$code == specialty).first() else { return nil }
            return ResolvedSubject(subject: subject, location: Location(region: o.regionCode, organisation: o.code),
                                   name: "\(term.name), \(o.name)")
        case .region:
            guard let r = try await Region.query(on: db).filter(\.$code == subject.code).first() else { return nil }
            return ResolvedSubject(subject: subject, location: Location(region: r.code), name: "\(r.name) (wider system)")
        }
    }

    /// The subject in a page's path or an API body, once the visitor may do `action` on it; a
    /// subject outside their scope answers as one that does not exist.
    static func find(kind: String?, code: String?, allowing action: Action, _ req: Request) async throws -> ResolvedSubject {
        guard let kind = kind.flatMap(ISFSubject.Kind.init(rawValue:)) else {
            throw AppError.invalid([FieldError("subject", "The subject's kind must be one of \(ISFSubject.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")])
        }
        guard let subject = ISFSubject(kind: kind, code: code ?? "") else {
            throw AppError.invalid([FieldError("subject", kind == .programme ? "A programme's code is ORGANISATION/SPECIALTY." : "The subject's code is not a reference-data code.")])
        }
        guard let resolved = try await resolve(subject, on: req.db),
              Authorization.isAllowed(req.actor, .viewQualityRegister, .located(resolved.location)) else {
            throw req.notVisible(.viewQualityRegister, "There is no \(kind.displayName.lowercased()) \(subject.code) you can see")
        }
        try req.authorize(action, .located(resolved.location))
        return resolved
    }
}
