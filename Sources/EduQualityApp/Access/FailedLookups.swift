import EduQualityDomain
import Fluent
import Foundation
import SQLKit
import Vapor

/// `FailedLookupLimits` over failures kept in the database (`failed_lookups`), one kind for each
/// sort of secret code, so that a limit reached through one instance holds on every other and
/// after a restart. The rule is the domain's; this loads what it needs and stores what it adds.
/// A code is kept only as a keyed digest (HMAC-SHA-256 with the receipt secret, which every
/// instance shares), never in clear. Each failure is recorded in one write transaction (on
/// PostgreSQL under an advisory lock on the kind), so parallel failures each see the others.
struct FailedLookups: Sendable {
    enum Kind: String, Sendable {
        case resume
        case receipt
    }

    let limits: FailedLookupLimits
    /// Set by `Application.resumeAttempts` and `receiptAttempts`, so that tests may swap in
    /// tighter limits without naming the kind.
    fileprivate(set) var kind: Kind = .resume

    init(_ limits: FailedLookupLimits) { self.limits = limits }

    private static let everyoneKey = "*"

    /// Whole seconds to wait when a look-up of `code` would be refused; nil when it may go ahead.
    func refusal(code: String?, at now: Date, db: any Database, secret: [UInt8]) async throws -> Int? {
        limits.refusal(try await recent(code.map { digest($0, secret) }, at: now, db), at: now)
    }

    func fail(code: String?, at now: Date, db: any Database, secret: [UInt8]) async throws {
        let key = code.map { digest($0, secret) }
        let kindName = kind.rawValue
        let lockKey = "failed-lookups:" + kindName
        try await db.writeTransaction { db in
            if let sql = db as? any SQLDatabase, sql.dialect.name != "sqlite" {
                try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(\(bind: lockKey)))").run()
            }
            let recent = try await recent(key, at: now, db)
            let counting = limits.counting(recent, hasCode: key != nil, at: now)
            if counting.everyone {
                try await FailedLookupRecord(kind: kindName, keyDigest: Self.everyoneKey, at: now).create(on: db)
            }
            if counting.code, let key {
                try await FailedLookupRecord(kind: kindName, keyDigest: key, at: now).create(on: db)
            }
            try await FailedLookupRecord.query(on: db).filter(\.$kind == kindName).filter(\.$keyDigest == Self.everyoneKey)
                .filter(\.$failedAt <= now.addingTimeInterval(-limits.globalWindow).timeIntervalSince1970).delete()
        }
    }

    /// Forgets failures older than a day (longer than any window in use), for housekeeping.
    static func prune(db: any Database, at now: Date) async throws {
        try await FailedLookupRecord.query(on: db).filter(\.$failedAt < now.addingTimeInterval(-24 * 3600).timeIntervalSince1970).delete()
    }

    private func recent(_ key: String?, at now: Date, _ db: any Database) async throws -> FailedLookupLimits.Recent {
        let everyone = try await times(Self.everyoneKey, since: now.addingTimeInterval(-limits.globalWindow), db)
        guard let key else { return .init(everyone: everyone) }
        return .init(code: try await times(key, since: now.addingTimeInterval(-limits.perCodeWindow), db), everyone: everyone)
    }

    private func times(_ key: String, since: Date, _ db: any Database) async throws -> [Date] {
        try await FailedLookupRecord.query(on: db).filter(\.$kind == kind.rawValue).filter(\.$keyDigest == key)
            .filter(\.$failedAt > since.timeIntervalSince1970).all(\.$failedAt)
            .map { Date(timeIntervalSince1970: $0) }
    }

    private func digest(_ code: String, _ secret: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array((kind.rawValue + ":" + code).utf8), using: SymmetricKey(data: secret))
        return Data(mac).base64URLEncodedString()
    }

    /// Survey resume codes, keyed by their hash: 5 failures per code in 15 minutes.
    static func resumeCodes(global: Int = 600) -> FailedLookups { FailedLookups(FailedLookupLimits(perCode: 5, global: global)) }
    /// Concern receipt codes, keyed by their locator: 20 failures per case in 15 minutes.
    static func receiptCodes(global: Int = 600) -> FailedLookups { FailedLookups(FailedLookupLimits(perCode: 20, global: global)) }
}

enum ResumeLookupsKey: StorageKey { typealias Value = FailedLookups }
enum ReceiptLookupsKey: StorageKey { typealias Value = FailedLookups }

extension Application {
    /// Made once in `configure`; tests may put tighter limits in their place.
    var resumeAttempts: FailedLookups {
        get {
            var attempts = storage[ResumeLookupsKey.self]!
            attempts.kind = .resume
            return attempts
        }
        set { storage[ResumeLookupsKey.self] = newValue }
    }

    var receiptAttempts: FailedLookups {
        get {
            var attempts = storage[ReceiptLookupsKey.self]!
            attempts.kind = .receipt
            return attempts
        }
        set { storage[ReceiptLookupsKey.self] = newValue }
    }
}
