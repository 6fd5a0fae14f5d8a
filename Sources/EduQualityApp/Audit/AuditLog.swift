import Crypto
import EduQualityDomain
import Fluent
import Foundation
import SQLKit

/// Appends to and verifies the hash-chained audit log. Every write to the database that changes
/// what the service records goes through `Database.audited`, so the change and its audit entries
/// commit together or not at all, one writer at a time.
enum AuditLog {
    static func sha256Hex(_ s: String) -> String {
        SHA256.hash(data: Array(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Appends events inside an already serialised write transaction. Events by people without an
    /// account wait for the next batch instead (`DeferredAudit`), queued in the same transaction.
    static func append(_ events: [AuditEvent], actor: String, on db: any Database) async throws {
        guard !events.isEmpty else { return }
        // Whole milliseconds, so the stored time re-reads exactly on every database.
        let ms = (Date().timeIntervalSince1970 * 1000).rounded(.down)
        let now = Date(timeIntervalSince1970: ms / 1000)
        if DeferredAudit.isDeferred(actor: actor) {
            try await queue(events, actor: actor, on: DeferredAudit.dayStart(of: now), db: db)
        } else {
            try await seal(events.map { (event: $0, actor: actor, occurredAt: now) }, on: db)
        }
    }

    /// Seals entries onto the end of the chain, in the order given.
    static func seal(_ entries: [(event: AuditEvent, actor: String, occurredAt: Date)], on db: any Database) async throws {
        guard !entries.isEmpty else { return }
        let last = try await AuditEntry.query(on: db).sort(\.$id, .descending).first()
        var sequence = last?.id ?? 0
        var previous = last?.hash ?? AuditChain.genesis
        for e in entries {
            sequence += 1
            let record = AuditChain.seal(sequence: sequence, occurredAt: e.occurredAt, actor: e.actor, event: e.event,
                                         previousHash: previous, hash: sha256Hex)
            try await entry(from: record).create(on: db)
            previous = record.hash
        }
    }

    private static func queue(_ events: [AuditEvent], actor: String, on day: Date, db: any Database) async throws {
        for event in events {
            let pending = PendingAuditEvent()
            pending.id = UUID()
            pending.occurredOn = day
            pending.actor = actor
            pending.action = event.action
            pending.entityType = event.entityType
            pending.entityID = event.entityID
            pending.beforeJSON = encode(event.before)
            pending.afterJSON = encode(event.after)
            try await pending.create(on: db)
        }
    }

    static func event(from p: PendingAuditEvent) -> AuditEvent {
        AuditEvent(action: p.action, entityType: p.entityType, entityID: p.entityID,
                   before: decode(p.beforeJSON), after: decode(p.afterJSON))
    }

    static func entry(from r: AuditRecord) -> AuditEntry {
        let e = AuditEntry()
        e.id = r.sequence
        e.occurredAt = r.occurredAt
        e.actor = r.actor
        e.action = r.event.action
        e.entityType = r.event.entityType
        e.entityID = r.event.entityID
        e.beforeJSON = encode(r.event.before)
        e.afterJSON = encode(r.event.after)
        e.previousHash = r.previousHash
        e.hash = r.hash
        return e
    }

    static func record(from e: AuditEntry) -> AuditRecord {
        AuditRecord(sequence: e.id ?? 0, occurredAt: e.occurredAt, actor: e.actor,
                    event: AuditEvent(action: e.action, entityType: e.entityType, entityID: e.entityID,
                                      before: decode(e.beforeJSON), after: decode(e.afterJSON)),
                    previousHash: e.previousHash, hash: e.hash)
    }

    /// Walks the whole log in pages; returns the first broken link and how many entries were read.
    static func verify(on db: any Database, pageSize: Int = 2000) async throws -> (AuditChain.Break?, Int) {
        var after = 0
        var previous = AuditChain.genesis
        var count = 0
        while true {
            let page = try await AuditEntry.query(on: db).filter(\.$id > after).sort(\.$id).limit(pageSize).all()
            if page.isEmpty { return (nil, count) }
            let records = page.map(record(from:))
            if let broken = AuditChain.firstBreak(in: records, after: after, previousHash: previous, hash: sha256Hex) {
                return (broken, count)
            }
            count += records.count
            after = records.last!.sequence
            previous = records.last!.hash
        }
    }

    static func encode(_ d: [String: String]?) -> String? {
        guard let d else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(d)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode(_ s: String?) -> [String: String]? {
        guard let s else { return nil }
        return try? JSONDecoder().decode([String: String].self, from: Data(s.utf8))
    }
}

extension Database {
    /// Runs `work` as one serialised write transaction and appends the audit events it returns.
    /// PostgreSQL serialises with an advisory lock (several servers may share the database, and
    /// the chain needs one writer at a time); SQLite through `writeTransaction`.
    func audited<T: Sendable>(actor: String,
                              _ work: @escaping @Sendable (any Database) async throws -> (T, [AuditEvent])) async throws -> T {
        try await serialisedWrite { tx in
            let (result, events) = try await work(tx)
            try await AuditLog.append(events, actor: actor, on: tx)
            return result
        }
    }

    /// The same for long append-only work (an import of many rows): on PostgreSQL the chain's lock
    /// is taken only for the audit entries at the end, so other audited writes (a learner raising
    /// a concern) do not wait for the whole import. On SQLite every write waits anyway.
    func auditedBulk<T: Sendable>(actor: String,
                                  _ work: @escaping @Sendable (any Database) async throws -> (T, [AuditEvent])) async throws -> T {
        try await writeTransaction { tx in
            let (result, events) = try await work(tx)
            try await Self.lockAuditChain(tx)
            try await AuditLog.append(events, actor: actor, on: tx)
            return result
        }
    }

    /// A write transaction holding the audit chain's lock (one chain writer at a time).
    func serialisedWrite<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await writeTransaction { tx in
            try await Self.lockAuditChain(tx)
            return try await work(tx)
        }
    }

    /// On PostgreSQL, a transaction-scoped advisory lock keeps the hash chain linear across
    /// connections and instances (SQLite has one writer at a time already). The lock is the
    /// chain's: one per schema, as each schema holds its own chain.
    private static func lockAuditChain(_ tx: any Database) async throws {
        if let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(7261001, hashtext(current_schema()))").run()
        }
    }
}

/// Audit names for people without an account. Their entries keep the day only and join the chain
/// in shuffled batches (`DeferredAudit`): the exact time an anonymous report arrived, or its
/// place beside a named entry, could help identify who sent it.
enum AuditActor {
    static let anonymousReporter = "anonymous reporter"
    static let reporter = "reporter"
    static let surveyRespondent = "survey respondent"

    static func keepsDayOnly(_ actor: String) -> Bool {
        DeferredAudit.isDeferred(actor: actor)
    }
}
