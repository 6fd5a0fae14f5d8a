import EduQualityDomain
import Fluent
import Vapor

/// Finds an anonymous reporter's concern by receipt code: one look-up of the code's keyed digest
/// (`ReceiptDigest`) in its unique index, so a right, wrong or malformed code costs the same.
/// Concerns raised before digests were stored carry a bcrypt hash beside the code's clear locator
/// instead: only when such a row shares the typed code's locator is the hash checked, and on a
/// match the row is moved to the digest for good. Failed attempts are limited per locator (so one
/// case cannot be guessed at from many clients) and across everyone, never per client: reporters
/// share addresses with thousands of colleagues, and one person's mistyping must not shut the rest out.
struct ReceiptLookup {
    let req: Request

    static let notFound = AppError.notFound("No concern matches this receipt code. Check it and try again.")

    func find(_ typed: String) async throws -> ConcernRecord {
        let now = Date()
        let attempts = req.application.receiptAttempts
        let code = ReceiptCode(typed: typed)
        if let wait = try await attempts.refusal(code: code?.locator, at: now, db: req.db, secret: req.config.receiptSecret) {
            throw AppError.tooManyRequests(retryAfterSeconds: wait)
        }
        if let code {
            let digest = req.receiptDigest.digest(code)
            if let record = try await ConcernRecord.query(on: req.db).filter(\.$receiptDigest == digest).first() {
                return record
            }
            if let record = try await legacyMatch(code, digest: digest) { return record }
        }
        try await attempts.fail(code: code?.locator, at: now, db: req.db, secret: req.config.receiptSecret)
        throw Self.notFound
    }

    /// A row from before digests whose bcrypt hash matches the code, moved to the digest.
    private func legacyMatch(_ code: ReceiptCode, digest: String) async throws -> ConcernRecord? {
        let candidates = try await ConcernRecord.query(on: req.db)
            .filter(\.$receiptLocator == code.locator)
            .filter(\.$receiptDigest == nil)
            .all()
        let hashes = candidates.map(\.receiptHash)
        guard !hashes.isEmpty else { return nil }
        let canonical = code.canonical
        let match = try await req.application.threadPool.runIfActive { () -> Int? in
            hashes.firstIndex { $0.map { (try? Bcrypt.verify(canonical, created: $0)) ?? false } ?? false }
        }
        guard let match else { return nil }
        let record = candidates[match]
        try await ConcernRecord.query(on: req.db).filter(\.$id == record.requireID())
            .set(\.$receiptDigest, to: digest)
            .set(\.$receiptHash, to: nil)
            .set(\.$receiptLocator, to: nil)
            .update()
        record.receiptDigest = digest
        record.receiptHash = nil
        record.receiptLocator = nil
        return record
    }
}
