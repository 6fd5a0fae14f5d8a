import Foundation

/// An entry's place in the hash chain tells when it was written: an anonymous report stamped
/// with the day only, but sealed right after a named entry at 23:20:41, arrived at about 23:20.
/// So events by people who must not be identifiable by when they acted are not appended with
/// the change: they wait (in the same transaction as the change) and join the chain in batches
/// at fixed times, in a random order, each stamped with the day it happened. A batch then says
/// only "between the previous batch and this one", and nothing of order within it.
/// Survey responses are not audited one by one at all: a daily count per round is (after the day).
public enum DeferredAudit {
    /// Actors without an account, whose events wait for the next batch and keep the day only.
    public static let dayOnlyActors: Set<String> = ["anonymous reporter", "reporter", "survey respondent", "public"]

    /// Whether `actor`'s events wait for a batch (and keep the day only) or join the chain at once.
    public static func isDeferred(actor: String) -> Bool { dayOnlyActors.contains(actor) }

    /// The hours (UTC) at which a batch of waiting events is appended.
    public static let batchHoursUTC = [0, 6, 12, 18]

    private static let secondsPerDay: Int64 = 86_400

    /// The start of the UTC day containing `date`, the only time kept for a deferred event.
    public static func dayStart(of date: Date) -> Date {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let day = seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay
        return Date(timeIntervalSince1970: Double(day * secondsPerDay))
    }

    /// The latest batch time at or before `now`.
    public static func latestBoundary(atOrBefore now: Date) -> Date {
        let day = dayStart(of: now)
        let hour = Int(now.timeIntervalSince(day) / 3600)
        let boundary = batchHoursUTC.last { $0 <= hour } ?? 0
        return day.addingTimeInterval(Double(boundary) * 3600)
    }

    /// A batch is due once a batch time has passed that no batch has served yet. `lastBoundary` is
    /// the batch time the previous batch served (nil before the first one).
    public static func isBatchDue(lastBoundary: Date?, now: Date) -> Bool {
        guard let lastBoundary else { return true }
        return latestBoundary(atOrBefore: now) > lastBoundary
    }

    /// The order a batch joins the chain in: a uniformly random permutation of the waiting events
    /// (Fisher–Yates), so neither when they were queued nor how they were stored shows through.
    public static func batchOrder<T>(_ events: [T], using generator: inout some RandomNumberGenerator) -> [T] {
        events.shuffled(using: &generator)
    }

    /// `batchOrder` with the system's cryptographically secure generator (getrandom / arc4random).
    public static func batchOrder<T>(_ events: [T]) -> [T] {
        var generator = SystemRandomNumberGenerator()
        return batchOrder(events, using: &generator)
    }
}
