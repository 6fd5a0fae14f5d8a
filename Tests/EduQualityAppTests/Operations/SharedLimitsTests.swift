import EduQualityDomain
import Foundation
import Testing
@testable import EduQualityApp
import Vapor
import VaporTesting

/// Serialized: each case opens two or three applications, each with its own connection pool.
@Suite("Limits and leases shared by every instance", .serialized)
struct SharedLimitsTests {
    static let tight = FailedLookupLimits(perCode: 20, global: 3, globalWindow: 3_600)

    @Test("a receipt-code limit reached through one instance is refused through the other", arguments: TestDatabase.all)
    func receiptCodes(db: TestDatabase) async throws {
        try await TwoInstances.run(db) { _, a, b in
            // setup
            a.receiptAttempts = FailedLookups(Self.tight)
            b.receiptAttempts = FailedLookups(Self.tight)
            let created = try await ConcernAPI.raise(a)
            #expect(try await ConcernAPI.followUp(b, code: created.receiptCode!).status == .ok, "the other instance finds it")
            // MUT: every failure through the first instance
            for i in 0..<3 {
                #expect(try await ConcernAPI.followUp(a, code: "ZZZ\(i + 2)-ZZZZ-ZZZZ-ZZZZ-ZZZZ").status == .notFound)
            }
            // validate: the second refuses even the right code
            let refused = try await ConcernAPI.followUp(b, code: created.receiptCode!)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers.first(name: .retryAfter) != nil)
        }
    }

    @Test("a resume-code limit holds across instances and a restart, and the codes are kept only as digests",
          arguments: TestDatabase.all)
    func resumeCodes(db: TestDatabase) async throws {
        try await TwoInstances.run(db) { two, a, b in
            // setup
            let limits = FailedLookupLimits(perCode: 2, global: 100)
            a.resumeAttempts = FailedLookups(limits)
            b.resumeAttempts = FailedLookups(limits)
            let secret = two.config.receiptSecret
            let now = Date()
            // MUT
            for _ in 0..<2 { try await a.resumeAttempts.fail(code: "hash-of-code", at: now, db: a.db, secret: secret) }
            // validate
            #expect(try await b.resumeAttempts.refusal(code: "hash-of-code", at: now, db: b.db, secret: secret) == 15 * 60)
            #expect(try await b.resumeAttempts.refusal(code: "another", at: now, db: b.db, secret: secret) == nil)
            #expect(try await b.receiptAttempts.refusal(code: "hash-of-code", at: now, db: b.db, secret: secret) == nil,
                    "receipt codes are counted apart from resume codes")
            let restarted = try await two.instance()
            restarted.resumeAttempts = FailedLookups(limits)
            // a minute later, 14 minutes to wait (rounded up: a stored time may come back a hair apart)
            let wait = try await restarted.resumeAttempts.refusal(code: "hash-of-code", at: now.addingTimeInterval(60),
                                                                  db: restarted.db, secret: secret)
            #expect(wait.map { (14 * 60...14 * 60 + 1).contains($0) } == true, "\(wait.map(String.init) ?? "no wait")")
            try await restarted.asyncShutdown()
            let stored = try await FailedLookupRecord.query(on: a.db).all()
            #expect(stored.count == 4, "two under the code, two under everyone")
            #expect(!stored.contains { $0.keyDigest.contains("hash-of-code") })
            // housekeeping forgets them a day later
            try await FailedLookups.prune(db: a.db, at: now.addingTimeInterval(24 * 3600 + 1))
            #expect(try await FailedLookupRecord.query(on: a.db).count() == 0)
        }
    }

    @Test("only one of two instances takes a job's lease, until it ends", arguments: TestDatabase.all)
    func lease(db: TestDatabase) async throws {
        try await TwoInstances.run(db) { _, a, b in
            #expect(a.instanceID != b.instanceID)
            let now = Date()
            // MUT and validate
            #expect(try await a.jobLease.take("housekeeping", for: 3_600, at: now))
            #expect(try await !b.jobLease.take("housekeeping", for: 3_600, at: now.addingTimeInterval(10)))
            #expect(try await a.jobLease.take("housekeeping", for: 3_600, at: now.addingTimeInterval(20)), "the holder renews")
            #expect(try await b.jobLease.take("outbox-delivery", for: 30, at: now), "another job is leased apart")
            // once the lease has ended, the other instance takes the job over
            let later = now.addingTimeInterval(20 + 3_600)
            #expect(try await b.jobLease.take("housekeeping", for: 3_600, at: later))
            #expect(try await !a.jobLease.take("housekeeping", for: 3_600, at: later.addingTimeInterval(1)))
            // a stopping instance hands its leases on at once
            try await b.jobLease.releaseAll(at: later.addingTimeInterval(2))
            #expect(try await a.jobLease.take("housekeeping", for: 3_600, at: later.addingTimeInterval(3)))
        }
    }

    @Test("two instances asking at once: exactly one wins each lease", arguments: TestDatabase.all)
    func race(db: TestDatabase) async throws {
        try await TwoInstances.run(db) { _, a, b in
            let now = Date()
            let wins = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                for job in 0..<10 {
                    for app in [a, b] {
                        group.addTask { (app.instanceID, try await app.jobLease.take("job-\(job)", for: 60, at: now)) }
                    }
                }
                return try await group.reduce(into: [String: Int]()) { $0[$1.0, default: 0] += $1.1 ? 1 : 0 }
            }
            #expect(wins.values.reduce(0, +) == 10, "\(wins)")
        }
    }

    @Test("a periodic job is skipped on the instance without its lease")
    func skipped() async throws {
        try await TwoInstances.run(.sqlite) { _, a, b in
            let ran = RunCount()
            try await BackgroundJobs.leased("housekeeping", every: .seconds(3_600), a) { ran.add() }
            try await BackgroundJobs.leased("housekeeping", every: .seconds(3_600), b) { ran.add() }
            #expect(ran.value == 1)
        }
    }

    final class RunCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }
}
