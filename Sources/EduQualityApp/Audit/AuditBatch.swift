import EduQualityDomain
import Fluent
import Foundation

/// Appends the audit events that wait in `audit_pending_events` (see `DeferredAudit`): all of
/// them, in a cryptographically random order, each stamped with the day it happened, and deletes
/// them, in one serialised transaction. The housekeeping job calls `appendPendingBatchIfDue`
/// hourly, so a batch follows each of 00:00, 06:00, 12:00 and 18:00 UTC; tests and
/// `eduquality audit batch` call `appendPendingBatch` directly.
extension AuditLog {
    /// Appends every waiting event now; returns how many joined the chain.
    @discardableResult
    static func appendPendingBatch(on db: any Database) async throws -> Int {
        try await db.serialisedWrite { tx in try await appendPending(on: tx) }
    }

    /// Appends the waiting events if a batch time has passed since the last scheduled batch, and
    /// records that time; nil when no batch was due.
    @discardableResult
    static func appendPendingBatchIfDue(on db: any Database, now: Date = Date()) async throws -> Int? {
        try await db.serialisedWrite { tx in
            let state = try await AuditBatchState.find(AuditBatchState.key, on: tx)
            guard DeferredAudit.isBatchDue(lastBoundary: state?.lastBoundary, now: now) else { return nil }
            let appended = try await appendPending(on: tx)
            let boundary = DeferredAudit.latestBoundary(atOrBefore: now)
            if let state {
                state.lastBoundary = boundary
                try await state.update(on: tx)
            } else {
                try await AuditBatchState(lastBoundary: boundary).create(on: tx)
            }
            return appended
        }
    }

    private static func appendPending(on tx: any Database) async throws -> Int {
        let pending = try await PendingAuditEvent.query(on: tx).all()
        guard !pending.isEmpty else { return 0 }
        let ordered = DeferredAudit.batchOrder(pending)
        try await seal(ordered.map { (event: event(from: $0), actor: $0.actor, occurredAt: $0.occurredOn) }, on: tx)
        let ids = pending.compactMap(\.id)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            try await PendingAuditEvent.query(on: tx).filter(\.$id ~~ chunk).delete()
        }
        return pending.count
    }
}
