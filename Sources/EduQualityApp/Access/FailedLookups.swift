import EduQualityDomain
import Foundation
import Vapor

/// `FailedLookupLimits` in this server's memory, one for each kind of secret code.
actor FailedLookups {
    private var limits: FailedLookupLimits

    init(_ limits: FailedLookupLimits) { self.limits = limits }

    func refusal(code: String?, at now: Date) -> Int? { limits.refusal(code: code, at: now) }
    func fail(code: String?, at now: Date) { limits.fail(code: code, at: now) }

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
        get { storage[ResumeLookupsKey.self]! }
        set { storage[ResumeLookupsKey.self] = newValue }
    }

    var receiptAttempts: FailedLookups {
        get { storage[ReceiptLookupsKey.self]! }
        set { storage[ReceiptLookupsKey.self] = newValue }
    }
}
