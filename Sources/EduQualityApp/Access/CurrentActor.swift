import EduQualityDomain
import Fluent
import Vapor

/// The signed-in person behind a request, if any, resolved once per request from the session.
struct SignedIn: Sendable {
    let user: User
    let actor: Actor
    /// The `account_sessions` row of a browser session (nil for an API token).
    var sessionID: UUID? = nil
}

enum SignedInKey: StorageKey { typealias Value = SignedIn }

/// Loads the signed-in user and their role grants when the request carries a session or, under
/// `/api/`, a token. Never creates a session: public and anonymous pages stay cookie-free apart
/// from the form token. A session past a time-out or signed out elsewhere is ended
/// (`AccountSessions.current`); one whose account must first change a temporary password or set
/// up two-step sign-in (`AccountObligation`) reaches only the pages for that.
struct CurrentActorMiddleware: AsyncMiddleware {
    static let sessionKey = "uid"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token, request.url.path.hasPrefix("/api/") {
            guard bearer.hasPrefix(APIToken.prefix),
                  let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == APIToken.hash(bearer)).first(),
                  let user = try await User.query(on: request.db).filter(\.$id == token.$user.id).with(\.$roles).first(),
                  user.isActive else {
                throw AppError.unauthorised
            }
            // A token's use is audited once a day (its first request that day), with the day it
            // is marked on: every request would flood the log.
            let today = CalendarDay.today().iso
            if token.lastUsedOn != today {
                let email = user.email, name = token.name
                try await request.db.audited(actor: email) { db in
                    token.lastUsedOn = today
                    try await token.update(on: db)
                    return ((), [AuditEvent(action: "user.use-api-token", entityType: "user", entityID: email, after: ["token": name])])
                }
            }
            request.storage[SignedInKey.self] = SignedIn(user: user, actor: user.actor)
        } else if let current = try await AccountSessions.current(request),
                  let user = try await User.query(on: request.db).filter(\.$id == current.userID).with(\.$roles).first(),
                  user.isActive {
            request.storage[SignedInKey.self] = SignedIn(user: user, actor: user.actor, sessionID: current.session.id)
            let roles = user.twoStepEnabledAt == nil ? try await TwoStepRequirement.roles(on: request.db) : []
            if let obligation = AccountObligation.of(user, mandatoryRoles: roles),
               !obligation.allows(method: request.method.rawValue, path: request.url.path) {
                if request.url.path.hasPrefix("/api/") { throw AppError.forbidden }
                return request.redirect(to: obligation.page)
            }
        }
        return try await next.respond(to: request)
    }
}

extension User {
    var actor: Actor {
        Actor(userID: id?.uuidString, assignments: roles.compactMap(\.assignment))
    }
}

extension RoleGrant {
    /// The domain assignment; nil (ignored) if the stored row no longer makes sense.
    var assignment: RoleAssignment? {
        guard let role = Role(rawValue: role) else { return nil }
        let scope: Scope? = switch role.scopeKind {
        case .personal: .personal
        case .national: .national
        case .assignedReviews: .assignedReviews
        case .region: regionCode.map(Scope.region)
        case .organisation: organisationCode.map(Scope.organisation)
        case .site: organisationCode.flatMap { o in siteCode.map { Scope.site(organisation: o, site: $0) } }
        }
        return scope.flatMap { try? RoleAssignment(role: role, scope: $0) }
    }

    var scopeDescription: String {
        [regionCode, organisationCode, siteCode].compactMap { $0 }.joined(separator: " / ")
    }
}

extension Request {
    var signedIn: SignedIn? { storage[SignedInKey.self] }
    var actor: Actor { signedIn?.actor ?? .publicVisitor }

    /// The one gate every route passes: asks the domain rule, and answers 401 to the public
    /// (sign in first) or 403 to someone signed in without the right role and scope.
    func authorize(_ action: Action, _ resource: Resource = .service) throws {
        guard Authorization.isAllowed(actor, action, resource) else {
            throw signedIn == nil ? AppError.unauthorised : AppError.forbidden
        }
    }

    /// Whether some role of the visitor permits `action` somewhere (for links and for telling "not
    /// yours" apart from "not allowed at all"; access itself is always asked of `authorize`).
    func holdsPermission(_ action: Action) -> Bool {
        actor.assignments.contains { Authorization.permittedActions(for: $0.role).contains(action) }
    }

    /// For pages and actions whose scope is checked record by record (a list, an import): the
    /// visitor must hold a role that may take `action` somewhere. 401 to the public, 403 to others.
    func authorizeAnywhere(_ action: Action) throws { try authorizeAnywhere(anyOf: [action]) }

    /// The same, for pages reached through any of several actions (a review's page: the team's
    /// `viewReviews` or the provider's `respondToReview`).
    func authorizeAnywhere(anyOf actions: [Action]) throws {
        guard actions.contains(where: holdsPermission) else { throw signedIn == nil ? AppError.unauthorised : AppError.forbidden }
    }

    /// For a record outside the visitor's scope: 401 to the public, 403 to someone whose roles never
    /// allow `action`, and otherwise a 404 that tells them nothing about the record.
    func notVisible(_ action: Action, _ message: String) -> AppError { notVisible(anyOf: [action], message) }

    func notVisible(anyOf actions: [Action], _ message: String) -> AppError {
        if signedIn == nil { return .unauthorised }
        return actions.contains(where: holdsPermission) ? .notFound(message) : .forbidden
    }

    /// The audit name of whoever acts: the account's email, or `public` (never an address).
    var auditActor: String { signedIn?.user.email ?? "public" }
}
