import Foundation

/// The audit log is append-only and hash-chained: each entry carries the SHA-256 of the previous
/// entry's hash and its own canonical content, so editing or deleting any row breaks every link
/// after it. The hash function is passed in to keep this core free of dependencies.
public struct AuditRecord: Sendable, Equatable {
    public var sequence: Int
    public var occurredAt: Date
    public var actor: String
    public var event: AuditEvent
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, occurredAt: Date, actor: String, event: AuditEvent,
                previousHash: String, hash: String) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actor = actor
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
    }
}

public enum AuditChain {
    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The exact bytes hashed for an entry. Fields are length-prefixed so no two different
    /// entries share a payload; dictionaries are written in key order. Time is whole milliseconds.
    public static func payload(sequence: Int, occurredAt: Date, actor: String, event: AuditEvent,
                               previousHash: String) -> String {
        var out = ""
        func field(_ s: String) { out += "\(s.utf8.count):\(s);" }
        func snapshot(_ d: [String: String]?) {
            guard let d else { field("-"); return }
            field("{\(d.count)}")
            for key in d.keys.sorted() { field(key); field(d[key]!) }
        }
        field(previousHash)
        field(String(sequence))
        field(String(Int64((occurredAt.timeIntervalSince1970 * 1000).rounded())))
        field(actor)
        field(event.action)
        field(event.entityType)
        field(event.entityID)
        snapshot(event.before)
        snapshot(event.after)
        return out
    }

    public static func seal(sequence: Int, occurredAt: Date, actor: String, event: AuditEvent,
                            previousHash: String, hash sha256Hex: (String) -> String) -> AuditRecord {
        let p = payload(sequence: sequence, occurredAt: occurredAt, actor: actor, event: event,
                        previousHash: previousHash)
        return AuditRecord(sequence: sequence, occurredAt: occurredAt, actor: actor, event: event,
                           previousHash: previousHash, hash: sha256Hex(p))
    }

    public enum Break: Equatable, Sendable, CustomStringConvertible {
        case gap(expected: Int, found: Int)
        case previousHashMismatch(sequence: Int)
        case contentAltered(sequence: Int)

        public var sequence: Int {
            switch self {
            case .gap(let expected, _): expected
            case .previousHashMismatch(let s), .contentAltered(let s): s
            }
        }

        public var description: String {
            switch self {
            case .gap(let expected, let found):
                "entry \(expected) is missing (next entry found is \(found))"
            case .previousHashMismatch(let s):
                "entry \(s) does not point at the hash of the entry before it"
            case .contentAltered(let s):
                "entry \(s) has been altered: its content no longer matches its hash"
            }
        }
    }

    /// Checks entries in sequence order, continuing from `previousHash` after `previousSequence`
    /// (so a long log can be verified in pages). Returns the first broken link, if any.
    public static func firstBreak<S: Sequence>(in records: S, after previousSequence: Int = 0,
                                               previousHash: String = genesis,
                                               hash sha256Hex: (String) -> String) -> Break?
    where S.Element == AuditRecord {
        var expected = previousSequence + 1
        var prev = previousHash
        for r in records {
            if r.sequence != expected { return .gap(expected: expected, found: r.sequence) }
            if r.previousHash != prev { return .previousHashMismatch(sequence: r.sequence) }
            let recomputed = seal(sequence: r.sequence, occurredAt: r.occurredAt, actor: r.actor,
                                  event: r.event, previousHash: r.previousHash, hash: sha256Hex)
            if recomputed.hash != r.hash { return .contentAltered(sequence: r.sequence) }
            prev = r.hash
            expected += 1
        }
        return nil
    }
}
