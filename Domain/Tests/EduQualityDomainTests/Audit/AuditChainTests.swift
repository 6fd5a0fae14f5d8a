import Foundation
import Testing
@testable import EduQualityDomain

@Suite("Audit hash chain")
struct AuditChainTests {
    /// A stand-in hash (FNV-1a, 64-bit, hex): the chain rule is independent of the function.
    static func fnv(_ s: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }

    static func chain(_ count: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        var prev = AuditChain.genesis
        for i in 1...count {
            let event = AuditEvent(action: "organisation.update", entityType: "organisation", entityID: "T\(i)",
                                   before: ["name": "Old \(i)"], after: ["name": "New \(i)"])
            let r = AuditChain.seal(sequence: i, occurredAt: Date(timeIntervalSince1970: Double(i) * 60),
                                    actor: "admin@example.org", event: event, previousHash: prev, hash: fnv)
            records.append(r)
            prev = r.hash
        }
        return records
    }

    @Test("an untouched chain verifies")
    func intact() {
        #expect(AuditChain.firstBreak(in: Self.chain(10), hash: Self.fnv) == nil)
    }

    @Test("an altered field is reported at its entry")
    func altered() {
        var records = Self.chain(10)
        records[6].event.after = ["name": "Tampered"]
        #expect(AuditChain.firstBreak(in: records, hash: Self.fnv) == .contentAltered(sequence: 7))
    }

    @Test("a re-hashed altered entry breaks the next link")
    func rehashed() {
        var records = Self.chain(10)
        records[3].actor = "someone-else"
        records[3] = AuditChain.seal(sequence: 4, occurredAt: records[3].occurredAt, actor: "someone-else",
                                     event: records[3].event, previousHash: records[3].previousHash, hash: Self.fnv)
        #expect(AuditChain.firstBreak(in: records, hash: Self.fnv) == .previousHashMismatch(sequence: 5))
    }

    @Test("a deleted entry is a gap")
    func deleted() {
        var records = Self.chain(10)
        records.remove(at: 2)
        #expect(AuditChain.firstBreak(in: records, hash: Self.fnv) == .gap(expected: 3, found: 4))
    }

    @Test("verification can continue from a checkpoint")
    func paged() {
        let records = Self.chain(10)
        #expect(AuditChain.firstBreak(in: records[5...], after: 5, previousHash: records[4].hash, hash: Self.fnv) == nil)
    }

    @Test("payload fields are length-prefixed so values cannot run into each other")
    func unambiguous() {
        let a = AuditEvent(action: "a", entityType: "b;c", entityID: "d")
        let b = AuditEvent(action: "a", entityType: "b", entityID: "c;d")
        let date = Date(timeIntervalSince1970: 0)
        #expect(AuditChain.payload(sequence: 1, occurredAt: date, actor: "x", event: a, previousHash: "0")
                != AuditChain.payload(sequence: 1, occurredAt: date, actor: "x", event: b, previousHash: "0"))
    }
}
