import Foundation

/// Limits on failed look-ups of a secret code (a survey resume code, a concern receipt code):
/// per code, keyed by something the code determines (its hash, its locator), and across
/// everyone. Never per client: hospitals and universities put thousands of learners behind one
/// address, and one person mistyping must not stop the rest. Only failures count; a refused
/// attempt counts nothing, so whoever waits gets back in. A value type: held in memory it keeps
/// its own failures (`fail`); the web layer keeps them in the database instead, so that every
/// instance and every restart sees them, and asks the same rule of what it loaded (`Recent`).
public struct FailedLookupLimits: Sendable {
    private var byCode: AttemptLimiter
    private var everyone: AttemptLimiter
    private var failures = 0
    private static let everyoneKey = "*"

    public init(perCode: Int, perCodeWindow: TimeInterval = 15 * 60, global: Int = 600, globalWindow: TimeInterval = 60) {
        byCode = AttemptLimiter(limit: perCode, window: perCodeWindow)
        everyone = AttemptLimiter(limit: global, window: globalWindow)
    }

    public var perCodeWindow: TimeInterval { byCode.window }
    public var globalWindow: TimeInterval { everyone.window }

    /// Failures kept outside this value: those under one code (within `perCodeWindow`; none when
    /// the text was no code) and everyone's (within `globalWindow`).
    public struct Recent: Sendable, Equatable {
        public var code: [Date]
        public var everyone: [Date]

        public init(code: [Date] = [], everyone: [Date] = []) {
            self.code = code
            self.everyone = everyone
        }
    }

    /// `refusal(code:at:)` over failures kept elsewhere.
    public func refusal(_ recent: Recent, at now: Date) -> Int? {
        let waits = [AttemptLimiter.refusal(recent.everyone, limit: everyone.limit, window: everyone.window, at: now),
                     AttemptLimiter.refusal(recent.code, limit: byCode.limit, window: byCode.window, at: now)]
        return waits.compactMap { $0 }.max().map { Int($0.rounded(.up)) }
    }

    /// Which counts a failure adds to those kept elsewhere, as `fail(code:at:)` does in memory: a
    /// count already at its limit takes no more.
    public func counting(_ recent: Recent, hasCode: Bool, at now: Date) -> (code: Bool, everyone: Bool) {
        (hasCode && AttemptLimiter.refusal(recent.code, limit: byCode.limit, window: byCode.window, at: now) == nil,
         AttemptLimiter.refusal(recent.everyone, limit: everyone.limit, window: everyone.window, at: now) == nil)
    }

    /// Whole seconds to wait when a look-up of `code` would be refused; nil when it may go ahead.
    /// Without a code key (text that cannot be a code) only the global limit applies.
    public func refusal(code: String?, at now: Date) -> Int? {
        let waits = [everyone.refusal(Self.everyoneKey, at: now), code.flatMap { byCode.refusal($0, at: now) }]
        return waits.compactMap { $0 }.max().map { Int($0.rounded(.up)) }
    }

    public mutating func fail(code: String?, at now: Date) {
        _ = everyone.attempt(Self.everyoneKey, at: now)
        if let code { _ = byCode.attempt(code, at: now) }
        failures += 1
        if failures % 100 == 0 { byCode.prune(at: now) }
    }
}
