import EduQualityDomain
import Foundation
import Vapor

/// Failed look-ups on the resume page, in this server's memory: per code (keyed by its hash) and
/// across everyone. Never per client: a hospital or university puts thousands of learners behind
/// one address, and one of them mistyping must not stop the rest. Pages carry their draft in a
/// signed token (`SurveyDraftToken`), so only a typed code is ever looked up or counted. With
/// 80-bit codes guessing is hopeless anyway; the global ceiling keeps anyone from trying at scale.
actor ResumeAttempts {
    private var byCode: AttemptLimiter
    private var everyone: AttemptLimiter
    private var failures = 0
    private static let everyoneKey = "*"

    init(perCode: Int = 5, perCodeWindow: TimeInterval = 15 * 60, global: Int = 600, globalWindow: TimeInterval = 60) {
        byCode = AttemptLimiter(limit: perCode, window: perCodeWindow)
        everyone = AttemptLimiter(limit: global, window: globalWindow)
    }

    /// Seconds to wait when a look-up of `code` would be refused; nil when it may go ahead.
    func refusal(code: ResumeCode, at now: Date) -> Int? {
        let wait = [everyone.refusal(Self.everyoneKey, at: now), byCode.refusal(Self.key(code), at: now)].compactMap { $0 }.max()
        return wait.map { Int($0.rounded(.up)) }
    }

    func fail(code: ResumeCode, at now: Date) {
        _ = byCode.attempt(Self.key(code), at: now)
        _ = everyone.attempt(Self.everyoneKey, at: now)
        failures += 1
        if failures % 100 == 0 { byCode.prune(at: now) }
    }

    private static func key(_ code: ResumeCode) -> String { SurveyDraftStore.hash(code) }
}

enum ResumeAttemptsKey: StorageKey { typealias Value = ResumeAttempts }

extension Application {
    /// Made once in `configure`; tests may put tighter limits in its place.
    var resumeAttempts: ResumeAttempts {
        get { storage[ResumeAttemptsKey.self]! }
        set { storage[ResumeAttemptsKey.self] = newValue }
    }
}
