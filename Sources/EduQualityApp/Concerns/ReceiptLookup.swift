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
        if let wait = await attempts.refusal(locator: code?.locator, at: now) {
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
            await attempts.fail(locator: code?.locator, at: now)
            throw Self.notFound
        }
        return candidates[match]
    }

    static let decoy: String = (try? Bcrypt.hash("decoy receipt code", cost: ConcernIntake.receiptHashCost)) ?? ""
}

/// Failed receipt-code attempts, per locator and across everyone, in this server's memory.
actor ReceiptAttempts {
    private var byLocator: AttemptLimiter
    private var everyone: AttemptLimiter
    private var failures = 0
    private static let everyoneKey = "*"

    init(perLocator: Int = 20, perLocatorWindow: TimeInterval = 15 * 60, global: Int = 600, globalWindow: TimeInterval = 60) {
        byLocator = AttemptLimiter(limit: perLocator, window: perLocatorWindow)
        everyone = AttemptLimiter(limit: global, window: globalWindow)
    }

    /// Seconds to wait when a further attempt would be refused; nil when it may go ahead.
    func refusal(locator: String?, at now: Date) -> Int? {
        let waits = [everyone.refusal(Self.everyoneKey, at: now), locator.flatMap { byLocator.refusal($0, at: now) }]
        return waits.compactMap { $0 }.max().map { Int($0.rounded(.up)) }
    }

    func fail(locator: String?, at now: Date) {
        _ = everyone.attempt(Self.everyoneKey, at: now)
        if let locator { _ = byLocator.attempt(locator, at: now) }
        failures += 1
        if failures % 100 == 0 { byLocator.prune(at: now) }
    }
}

enum ReceiptAttemptsKey: StorageKey { typealias Value = ReceiptAttempts }

extension Application {
    /// Made once in `configure`; tests may put tighter limits in its place.
    var receiptAttempts: ReceiptAttempts {
        get { storage[ReceiptAttemptsKey.self]! }
        set { storage[ReceiptAttemptsKey.self] = newValue }
    }
}
