import Fluent
import Foundation

/// One count a failed look-up added (see `M024_CreateSharedLimitsAndJobLeases`).
final class FailedLookupRecord: Model, @unchecked Sendable {
    static let schema = "failed_lookups"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    /// The code's keyed digest, or `*` for the count across everyone.
    @Field(key: "key_digest") var keyDigest: String
    /// Seconds since 1970, to the fraction.
    @Field(key: "failed_at") var failedAt: Double

    init() {}
    init(kind: String, keyDigest: String, at time: Date) {
        self.kind = kind
        self.keyDigest = keyDigest
        self.failedAt = time.timeIntervalSince1970
    }
}
