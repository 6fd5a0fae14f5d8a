import Foundation

/// Benchmark populations already computed, per (round, profession, theme): a benchmark needs the
/// quartiles of up to a whole round's scores, and every query of that round and profession
/// shares it. Entries of a round and profession are dropped when a response for them arrives.
///
/// A reference type shared by copies of the store; the store replaces it with a copy before
/// invalidating when it is not the sole owner (copy-on-write), so a snapshot of the store keeps
/// answering from entries that match its own data.
final class BenchmarkCache: @unchecked Sendable {
    struct Key: Hashable {
        let round: Int
        let profession: UInt16  // 0: no profession filter (the whole round)
        let theme: Int
    }

    // Guarded by `lock`: concurrent readers of one store fill the cache together.
    private let lock = NSLock()
    private var entries: [Key: BenchmarkPopulation] = [:]

    init() {}

    private init(entries: [Key: BenchmarkPopulation]) { self.entries = entries }

    func copy() -> BenchmarkCache {
        BenchmarkCache(entries: lock.withLock { entries })
    }

    /// The cached population, or computes it (outside the lock: two readers may both compute
    /// the same entry, which is harmless) and keeps it.
    func population(for key: Key, compute: () -> BenchmarkPopulation) -> BenchmarkPopulation {
        if let cached = lock.withLock({ entries[key] }) { return cached }
        let population = compute()
        lock.withLock { entries[key] = population }
        return population
    }

    /// A new response in `round` changes the benchmarks of its profession and of the whole round.
    func invalidate(round: Int, profession: UInt16, themeCount: Int) {
        lock.withLock {
            for theme in 0..<themeCount {
                entries[Key(round: round, profession: profession, theme: theme)] = nil
                entries[Key(round: round, profession: 0, theme: theme)] = nil
            }
        }
    }
}
