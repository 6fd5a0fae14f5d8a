import EduQualityDomain
import Fluent
import SQLKit
import Vapor

/// Loads and stores `LoginThrottle` for one email from one client; the rule itself is the
/// domain's. Each check-and-admit runs in one write transaction (on PostgreSQL under an advisory
/// lock on the email), so parallel attempts, from this instance or another, each see the others.
struct LoginThrottleStore {
    let db: any Database
    let emailHash: String
    let clientKey: String

    init(db: any Database, email: String, req: Request) {
        self.db = db
        emailHash = Self.sha256(email.lowercased())
        let address = req.application.throttleEnvironment.clientAddress(req)
        let mac = HMAC<SHA256>.authenticationCode(for: Array(address.utf8), using: SymmetricKey(data: req.config.formSecret))
        clientKey = Data(mac).base64URLEncodedString()
    }

    private var sharedKey: String { "e:" + emailHash }
    private var ownKey: String { "c:" + emailHash + ":" + clientKey }

    /// Seconds the attempt must wait (and nothing recorded), or 0 when it was admitted.
    func admit(at now: Date) async throws -> Int {
        try await locked { db in
            let state = try await load(db)
            let wait = state.wait(at: now)
            if wait == 0 { try await store(state.admitting(at: now), db) }
            return wait
        }
    }

    /// An admitted attempt's password was right.
    func succeed(at now: Date) async throws {
        try await locked { db in try await store(try await load(db).succeeding(at: now), db) }
    }

    /// Forgets what the domain would ignore anyway.
    static func prune(db: any Database, at now: Date) async throws {
        try await LoginThrottleRecord.query(on: db)
            .filter(\.$lastFailureTime < now.addingTimeInterval(-LoginThrottle.forgetAfter).timeIntervalSince1970).delete()
    }

    /// Forgets every count for an email, e.g. when an administrator resets its password.
    static func forget(email: String, db: any Database) async throws {
        try await LoginThrottleRecord.query(on: db).filter(\.$emailHash == sha256(email.lowercased())).delete()
    }

    /// The failures across clients for an email, for the account page.
    static func shared(email: String, db: any Database, at now: Date) async throws -> LoginThrottle.Failures {
        let record = try await LoginThrottleRecord.find("e:" + sha256(email.lowercased()), on: db)
        return record.map { LoginThrottle.Failures(count: $0.failures, last: $0.lastFailure).current(at: now) } ?? .none
    }

    private func locked<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let shared = sharedKey
        return try await db.writeTransaction { db in
            if let sql = db as? any SQLDatabase, sql.dialect.name != "sqlite" {
                try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(\(bind: shared)))").run()
            }
            return try await body(db)
        }
    }

    private func load(_ db: any Database) async throws -> LoginThrottle {
        let rows = try await LoginThrottleRecord.query(on: db).filter(\.$id ~~ [ownKey, sharedKey]).all()
        func failures(_ key: String) -> LoginThrottle.Failures {
            rows.first { $0.id == key }.map { .init(count: $0.failures, last: $0.lastFailure) } ?? .none
        }
        return LoginThrottle(client: failures(ownKey), email: failures(sharedKey))
    }

    private func store(_ state: LoginThrottle, _ db: any Database) async throws {
        for (key, failures) in [(ownKey, state.client), (sharedKey, state.email)] {
            let existing = try await LoginThrottleRecord.find(key, on: db)
            guard let last = failures.last, failures.count > 0 else {
                try await existing?.delete(on: db)
                continue
            }
            let record = existing ?? LoginThrottleRecord()
            record.id = key
            record.emailHash = emailHash
            record.failures = failures.count
            record.lastFailure = last
            try await record.save(on: db)
        }
    }

    static func sha256(_ s: String) -> String {
        SHA256.hash(data: Array(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
