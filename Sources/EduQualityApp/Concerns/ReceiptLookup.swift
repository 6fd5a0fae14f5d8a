import EduQualityDomain
import Fluent
import Vapor

/// Finds an anonymous reporter's concern by receipt code. Candidate rows are found by the code's
/// clear locator and confirmed with bcrypt; a wrong or malformed code costs the same work and
/// gets the same answer. Failed attempts are limited per client (a keyed hash of the address,
/// kept in memory only) and per locator (so one case cannot be guessed at from many clients).
struct ReceiptLookup {
    let req: Request

    static let notFound = AppError.notFound("No concern matches this receipt code. Check it and try again.")

    func find(_ typed: String) async throws -> ConcernRecord {
        let client = clientKey()
        let now = Date()
        let attempts = req.application.receiptAttempts
        if let wait = await attempts.refusal(client: client, locator: nil, at: now) {
            throw AppError.tooManyRequests(retryAfterSeconds: wait)
        }
        let code = ReceiptCode(typed: typed)
        if let locator = code?.locator, let wait = await attempts.refusal(client: nil, locator: locator, at: now) {
            throw AppError.tooManyRequests(retryAfterSeconds: wait)
        }
        var candidates: [ConcernRecord] = []
        if let code {
            candidates = try await ConcernRecord.query(on: req.db).filter(\.$receiptLocator == code.locator).all()
        }
        let canonical = code?.canonical ?? typed
        let hashes = candidates.map(\.receiptHash)
        let match = try await req.application.threadPool.runIfActive { () -> Int? in
            if hashes.isEmpty {
                _ = try? Bcrypt.verify(canonical, created: Self.decoy)
                return nil
            }
            return hashes.firstIndex { $0.map { (try? Bcrypt.verify(canonical, created: $0)) ?? false } ?? false }
        }
        guard let match else {
            await attempts.fail(client: client, locator: code?.locator, at: now)
            throw Self.notFound
        }
        return candidates[match]
    }

    private func clientKey() -> String {
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        let mac = HMAC<SHA256>.authenticationCode(for: Array(address.utf8), using: SymmetricKey(data: req.config.formSecret))
        return Data(mac).base64URLEncodedString()
    }

    static let decoy: String = (try? Bcrypt.hash("decoy receipt code", cost: ConcernIntake.receiptHashCost)) ?? ""
}

/// Failed receipt-code attempts, per client and per locator, in this server's memory.
actor ReceiptAttempts {
    private var byClient = AttemptLimiter(limit: 10, window: 15 * 60)
    private var byLocator = AttemptLimiter(limit: 20, window: 15 * 60)

    /// Seconds to wait when a further attempt would be refused; nil when it may go ahead.
    func refusal(client: String?, locator: String?, at now: Date) -> Int? {
        if let client, !byClient.wouldAllow(client, at: now) { return 900 }
        if let locator, !byLocator.wouldAllow(locator, at: now) { return 900 }
        return nil
    }

    func fail(client: String, locator: String?, at now: Date) {
        _ = byClient.attempt(client, at: now)
        if let locator { _ = byLocator.attempt(locator, at: now) }
        if Int.random(in: 0..<100) == 0 {
            byClient.prune(at: now)
            byLocator.prune(at: now)
        }
    }
}

enum ReceiptAttemptsKey: StorageKey { typealias Value = ReceiptAttempts }

extension Application {
    /// Made once in `configure`.
    var receiptAttempts: ReceiptAttempts { storage[ReceiptAttemptsKey.self]! }
}
