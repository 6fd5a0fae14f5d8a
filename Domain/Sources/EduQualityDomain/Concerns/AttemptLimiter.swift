import Foundation

/// A sliding-window limit on attempts per key, held in memory by the web layer, e.g. failed
/// receipt-code lookups keyed by locator (so one case cannot be guessed at from many clients) and
/// under one key for everyone (a global ceiling). A value type: the caller keeps it behind its own
/// actor or lock.
///
/// Keys are whatever the caller chooses. Do not key anonymous routes by client address: many
/// people share one (a hospital, a university), so one person's mistakes would lock out all of
/// them, and the address need not be held at all. Memory is bounded: at
/// most `maxKeys` keys, the stalest dropped first.
public struct AttemptLimiter: Sendable {
    public let limit: Int
    public let window: TimeInterval
    public let maxKeys: Int
    private var attempts: [String: [Date]] = [:]

    public init(limit: Int = 10, window: TimeInterval = 15 * 60, maxKeys: Int = 100_000) {
        precondition(limit > 0 && window > 0 && maxKeys > 0)
        self.limit = limit
        self.window = window
        self.maxKeys = maxKeys
    }

    public enum Decision: Hashable, Sendable {
        case allowed(remaining: Int)
        /// Refused; the next attempt is possible after this many seconds.
        case refused(retryAfter: TimeInterval)

        public var isAllowed: Bool { if case .allowed = self { true } else { false } }
    }

    /// Counts an attempt for `key` at `now` if the window has room, and says whether to go ahead.
    /// Refused attempts are not counted, so a client that waits gets back in.
    public mutating func attempt(_ key: String, at now: Date) -> Decision {
        var recent = (attempts[key] ?? []).filter { now.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            attempts[key] = recent
            let oldest = recent.min()!
            return .refused(retryAfter: max(0, window - now.timeIntervalSince(oldest)))
        }
        recent.append(now)
        if attempts[key] == nil, attempts.count >= maxKeys { evictStalest(now: now) }
        attempts[key] = recent
        return .allowed(remaining: limit - recent.count)
    }

    /// Whether an attempt would be allowed now, without counting one.
    public func wouldAllow(_ key: String, at now: Date) -> Bool {
        (attempts[key] ?? []).filter { now.timeIntervalSince($0) < window }.count < limit
    }

    /// Seconds until an attempt for `key` would be allowed, without counting one; nil when it
    /// would be allowed now.
    public func refusal(_ key: String, at now: Date) -> TimeInterval? {
        Self.refusal(attempts[key] ?? [], limit: limit, window: window, at: now)
    }

    /// The same rule over attempts kept elsewhere (a database every instance shares): seconds
    /// until another is allowed, or nil when it would be allowed now. An attempt stamped ahead of
    /// this clock (by another instance, or by storage rounding) counts as made now: it never
    /// lengthens the wait.
    public static func refusal(_ times: [Date], limit: Int, window: TimeInterval, at now: Date) -> TimeInterval? {
        let recent = times.map { min($0, now) }.filter { now.timeIntervalSince($0) < window }
        guard recent.count >= limit, let oldest = recent.min() else { return nil }
        return max(0, window - now.timeIntervalSince(oldest))
    }

    /// Forgets a key, e.g. after a successful lookup by that client.
    public mutating func reset(_ key: String) { attempts[key] = nil }

    /// Drops keys with no attempt left in the window; call now and then to free memory.
    public mutating func prune(at now: Date) {
        attempts = attempts.compactMapValues { times in
            let recent = times.filter { now.timeIntervalSince($0) < window }
            return recent.isEmpty ? nil : recent
        }
    }

    public var trackedKeys: Int { attempts.count }

    private mutating func evictStalest(now: Date) {
        prune(at: now)
        guard attempts.count >= maxKeys,
              let stalest = attempts.min(by: { ($0.value.max() ?? .distantPast) < ($1.value.max() ?? .distantPast) })
        else { return }
        attempts[stalest.key] = nil
    }
}
