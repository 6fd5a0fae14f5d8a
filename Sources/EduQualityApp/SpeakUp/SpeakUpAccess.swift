import EduQualityDomain
import Fluent
import Vapor

/// Where speak-up records sit for the authorisation rule: at their organisation, in its region.
extension Organisation {
    var speakUpResource: Resource { .located(Location(region: regionCode, organisation: code)) }
}

extension Request {
    /// The organisations where the visitor may do `action`, by name. With none, answers exactly as
    /// `authorize` does (401 to the public, 403 to anyone else), so every route still asks the rule.
    func organisationsAllowing(_ action: Action) async throws -> [Organisation] {
        let allowed = try await Organisation.query(on: db).sort(\.$name).all()
            .filter { Authorization.isAllowed(actor, action, $0.speakUpResource) }
        if allowed.isEmpty { try authorize(action, .service) }
        return allowed
    }

    /// Whether the visitor may do `action` at some organisation (for links, never for access).
    func mayAnywhere(_ action: Action) async throws -> Bool {
        guard signedIn != nil else { return false }
        return try await Organisation.query(on: db).all()
            .contains { Authorization.isAllowed(actor, action, $0.speakUpResource) }
    }

    /// The organisation with `code`, once the visitor may do `action` there. The rule is asked
    /// before the organisation is looked up, so an unknown code tells an outsider nothing.
    func organisation(_ code: String, allowing action: Action) async throws -> Organisation {
        let organisation = try await Organisation.query(on: db).filter(\.$code == code).first()
        try authorize(action, organisation?.speakUpResource ?? .located(Location(region: "", organisation: code)))
        guard let organisation else { throw AppError.notFound("No organisation has the code \(code)") }
        return organisation
    }
}
