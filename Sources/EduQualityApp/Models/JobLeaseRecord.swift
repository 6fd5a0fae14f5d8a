import Fluent
import Foundation

/// Which instance may run a background job until when (see `JobLease`).
final class JobLeaseRecord: Model, @unchecked Sendable {
    static let schema = "job_leases"
    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "holder") var holder: String
    /// Seconds since 1970.
    @Field(key: "expires_at") var expiresAt: Double

    init() {}
}
