import EduQualityDomain
import Fluent
import Vapor

/// The signed-in sessions of an account. Signing in always starts a new session id (a planted
/// one cannot be taken over) and a row in `account_sessions` that the session names; each
/// request checks the row against the time-outs (`SessionTimeouts`: idle and absolute), and
/// deleting the row signs that session out wherever it is. The last-seen time is written at
/// most once a minute, so reading pages does not mean a write each.
enum AccountSessions {
    static let userKey = CurrentActorMiddleware.sessionKey
    static let sessionKey = "sid"
    static let touchEvery: Double = 60

    /// Signs `user` in on this request with a fresh session id, and records the sign-in.
    static func signIn(_ user: User, method: String, _ req: Request) async throws {
        try await regenerate(req)
        let now = req.application.throttleEnvironment.now()
        let record = AccountSessionRecord(userID: try user.requireID(), at: now,
                                          userAgent: UserAgentSummary.of(req.headers.first(name: .userAgent)))
        let email = user.email
        try await req.db.audited(actor: email) { db in
            try await record.create(on: db)
            return ((), [AuditEvent(action: "user.sign-in", entityType: "user", entityID: email, after: ["method": method])])
        }
        req.session.data[userKey] = try user.requireID().uuidString
        req.session.data[sessionKey] = record.id!.uuidString
    }

    /// Drops the session this request came with (its data too) so the answer carries a new id.
    static func regenerate(_ req: Request) async throws {
        if req.hasSession, let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
    }

    /// The account of this request's session, if it is signed in and still current; a session
    /// past a time-out, or signed out elsewhere, is ended here.
    static func current(_ req: Request) async throws -> (userID: UUID, session: AccountSessionRecord)? {
        guard req.hasSession, let raw = req.session.data[userKey], let userID = UUID(uuidString: raw) else { return nil }
        guard let sid = req.session.data[sessionKey].flatMap(UUID.init(uuidString:)),
              let record = try await AccountSessionRecord.find(sid, on: req.db), record.userID == userID else {
            req.session.data = SessionData()
            return nil
        }
        let now = req.application.throttleEnvironment.now().timeIntervalSince1970
        if req.config.sessionTimeouts.expiry(createdAt: Int64(record.startedAt), lastSeenAt: Int64(record.lastSeenAt),
                                             now: Int64(now)) != nil {
            try await record.delete(on: req.db)
            // Emptied rather than destroyed, so that a sign-in on this same request can still save.
            req.session.data = SessionData()
            return nil
        }
        if now - record.lastSeenAt >= touchEvery {
            record.lastSeenAt = now
            try await record.update(on: req.db)
        }
        return (userID, record)
    }

    static func list(userID: UUID, on db: any Database) async throws -> [AccountSessionRecord] {
        try await AccountSessionRecord.query(on: db).filter(\.$userID == userID).sort(\.$lastSeenAt, .descending).all()
    }

    /// Signs out every session of the account but `keeping` (all of them when nil).
    static func end(userID: UUID, keeping: UUID?, on db: any Database) async throws {
        let query = AccountSessionRecord.query(on: db).filter(\.$userID == userID)
        if let keeping { query.filter(\.$id != keeping) }
        try await query.delete()
    }

    /// Forgets sessions no request can use any more (past the absolute time-out).
    static func prune(db: any Database, timeouts: SessionTimeouts, at now: Date) async throws {
        let cutoff = now.timeIntervalSince1970 - Double(timeouts.absoluteSeconds)
        try await AccountSessionRecord.query(on: db).filter(\.$startedAt < cutoff).delete()
    }
}
