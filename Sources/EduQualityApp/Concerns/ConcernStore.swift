import EduQualityDomain
import Fluent
import Foundation
import Vapor

/// Reads and writes concerns. A concern is rebuilt from its timeline by the domain
/// (`Concern.restore`), changed only by domain methods, and saved with its new timeline entries,
/// the refreshed projection and the audit events, in one serialised transaction.
struct ConcernStore: Sendable {
    let db: any Database
    let clocks: ConcernClocks

    /// The notices a write sends, written in the write's own transaction: a case stored but never
    /// announced (the server stopping between the two) would be a case nobody knows of.
    typealias Notices = @Sendable (Concern, any Database) async throws -> Void

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    /// Stores a new concern under a fresh reference; `receiptDigest` is the keyed digest of the
    /// anonymous reporter's receipt code (`ReceiptDigest`; the code itself is never stored). The concern goes where
    /// `ConcernRouting` sends it given who handles which queue now.
    func create(_ submission: ConcernSubmission, receiptDigest: String?, actor: String,
                notices: Notices? = nil) async throws -> Concern {
        let today = CalendarDay.today()
        let clocks = self.clocks
        let staffing = try await ConcernStaffing.current(on: db)
        for _ in 0..<5 {
            let reference = ConcernReference.generate()
            let created: Concern? = try await db.audited(actor: actor) { db in
                if try await ConcernRecord.query(on: db).filter(\.$reference == reference.value).count() > 0 {
                    return (nil, [])
                }
                let (concern, change) = try Concern.receive(submission, reference: reference, on: today, clocks: clocks,
                                                                  staffing: staffing)
                let record = ConcernRecord(reference: reference, submission: submission, submittedOn: today)
                record.receiptDigest = receiptDigest
                record.project(concern)
                try await record.create(on: db)
                try await Self.append([change.entry], to: record, on: db)
                try await notices?(concern, db)
                return (concern, [change.audit])
            }
            if let created { return created }
        }
        throw AppError.conflict("Could not allocate a reference for the concern; please try again.")
    }

    func load(_ reference: String) async throws -> (record: ConcernRecord, concern: Concern)? {
        guard let record = try await ConcernRecord.query(on: db).filter(\.$reference == reference).first() else { return nil }
        return (record, try await Self.restore(record, on: db))
    }

    /// Loads many concerns with two queries (records, then all their timeline rows).
    func restoreAll(_ records: [ConcernRecord]) async throws -> [Concern] {
        let ids = records.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var rows: [UUID: [ConcernTimelineRecord]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for row in try await ConcernTimelineRecord.query(on: db).filter(\.$concernID ~~ chunk).all() {
                rows[row.concernID, default: []].append(row)
            }
        }
        return try records.map { try Self.concern(from: $0, timeline: rows[$0.id!] ?? []) }
    }

    /// Applies domain changes to a stored concern and saves them. `change` receives the current
    /// concern and returns the changes it made (each already checked by the domain).
    @discardableResult
    func change(_ reference: String, actor: String, notices: Notices? = nil,
                _ change: @escaping @Sendable (inout Concern) throws -> [ConcernChange]) async throws -> Concern {
        try await db.audited(actor: actor) { db in
            guard let record = try await ConcernRecord.query(on: db).filter(\.$reference == reference).first() else {
                throw AppError.notFound("No concern has the reference \(reference)")
            }
            var concern = try await Self.restore(record, on: db)
            let changes: [ConcernChange]
            do {
                changes = try change(&concern)
            } catch let error as ConcernChangeError {
                throw Self.appError(error)
            }
            try await Self.append(changes.map(\.entry), to: record, on: db)
            record.project(concern)
            try await record.update(on: db)
            try await notices?(concern, db)
            return (concern, changes.map(\.audit))
        }
    }

    static func appError(_ error: ConcernChangeError) -> AppError {
        switch error {
        case .notAllowed, .unchanged, .sameHandlingBody, .noFurtherPathway, .reporterMayNotEscalateYet:
            .conflict(error.description)
        default:
            .invalid([FieldError("text", error.description)])
        }
    }

    private static func restore(_ record: ConcernRecord, on db: any Database) async throws -> Concern {
        let rows = try await ConcernTimelineRecord.query(on: db).filter(\.$concernID == record.id!).all()
        return try concern(from: record, timeline: rows)
    }

    private static func concern(from record: ConcernRecord, timeline rows: [ConcernTimelineRecord]) throws -> Concern {
        let decoder = JSONDecoder()
        let entries = try rows.sorted { $0.sequence < $1.sequence }.map {
            try decoder.decode(ConcernTimelineEntry.self, from: Data($0.entryJSON.utf8))
        }
        guard let reference = ConcernReference(record.reference), let day = CalendarDay(iso: record.submittedOn) else {
            throw ConcernStoreError.corrupt(record.reference)
        }
        return try Concern.restore(reference: reference, submission: record.submission(), submittedOn: day, timeline: entries)
    }

    private static func append(_ entries: [ConcernTimelineEntry], to record: ConcernRecord, on db: any Database) async throws {
        for entry in entries {
            let json = String(decoding: try encoder.encode(entry), as: UTF8.self)
            try await ConcernTimelineRecord(concernID: record.id!, sequence: entry.sequence, entryJSON: json).create(on: db)
        }
    }
}

extension Request {
    var concerns: ConcernStore { ConcernStore(db: db, clocks: config.concernClocks) }
}
