import EduQualityDomain
import Fluent
import Vapor

/// Finds an anonymous reporter's concern by receipt code. Candidate rows are found by the code's
/// clear locator and confirmed with bcrypt; a wrong or malformed code costs the same work and
/// gets the same answer. Failed attempts are limited per locator (so one case cannot be guessed at
/// from many clients) and across everyone, never per client: reporters share addresses with
/// thousands of colleagues, and one person's mistyping must not shut the rest out.
struct ReceiptLookup {
    let req: Request

    static let notFound = AppError.notFound("No concern matches this receipt code. Check it and try again.")

    func find(_ typed: String) async throws -> ConcernRecord {
        let now = Date()
        let attempts = req.application.receiptAttempts
        let code = ReceiptCode(typed: typed)
        if let wait = await attempts.refusal(code: code?.locator, at: now) {
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
            await attempts.fail(code: code?.locator, at: now)
            throw Self.notFound
        }
        return candidates[match]
    }

    static let decoy: String = (try? Bcrypt.hash("decoy receipt code", cost: ConcernIntake.receiptHashCost)) ?? ""
}
