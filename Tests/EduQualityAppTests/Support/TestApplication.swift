import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Testing
import Vapor

/// How every test makes an application: at most `TestApplication.width` tests hold applications
/// at once in this process; the others wait here for their turn.
///
/// Swift Testing starts every test at once. Each application shares the process's event loops
/// and its thread pool (where every SQLite statement runs), so a thousand applications migrating
/// and seeding together starve one another: a statement waits behind other tests' work until a
/// connection request times out (60 s), a test's HTTP client passes its deadline, and a test
/// that then shuts its application down under a request still running ends the process (Fluent
/// hands out no database after shut-down). Seen in CI on a two-core machine.
///
/// A slot belongs to a test, not to an application: a test's second application (two instances,
/// a restart) uses the slot its first took, so a test never waits for a slot while holding one
/// and no set of tests can wait on each other. The slot is given back when the test's last
/// application shuts down.
enum TestApplication {
    /// `EDUQUALITY_TEST_APPS`, or three tests per core (most of a test's time is the database's).
    static let width: Int = {
        if let value = ProcessInfo.processInfo.environment["EDUQUALITY_TEST_APPS"], let n = Int(value), n > 0 { return n }
        return max(4, 3 * System.coreCount)
    }()

    private static let slots = Slots(width: width)

    static func make(_ environment: Environment = .testing) async throws -> Application {
        let holder = Test.current.map { String(describing: $0.id) } ?? UUID().uuidString
        await slots.enter(holder)
        do {
            let app = try await Application.make(environment)
            app.lifecycle.use(Leave(holder: holder))
            return app
        } catch {
            slots.leave(holder)
            throw error
        }
    }

    /// Gives the test's slot back as the application shuts down.
    private struct Leave: LifecycleHandler {
        let holder: String
        func shutdownAsync(_ application: Application) async { TestApplication.slots.leave(holder) }
    }

    /// Counts each holder's applications; a holder takes a slot with its first and gives it back with its last.
    private final class Slots: Sendable {
        private struct State {
            var free: Int
            var applications: [String: Int] = [:]
            var waiting: [(holder: String, continuation: CheckedContinuation<Void, Never>)] = []
        }
        private let state: NIOLockedValueBox<State>

        init(width: Int) { state = NIOLockedValueBox(State(free: width)) }

        func enter(_ holder: String) async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let admitted = state.withLockedValue { state -> Bool in
                    if let count = state.applications[holder] {
                        state.applications[holder] = count + 1
                        return true
                    }
                    guard state.free > 0 else {
                        state.waiting.append((holder, continuation))
                        return false
                    }
                    state.free -= 1
                    state.applications[holder] = 1
                    return true
                }
                if admitted { continuation.resume() }
            }
        }

        func leave(_ holder: String) {
            let admitted = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
                guard let count = state.applications[holder] else { return [] }
                if count > 1 {
                    state.applications[holder] = count - 1
                    return []
                }
                state.applications[holder] = nil
                state.free += 1
                // The slot goes to the first waiter; waiters of the same test join it.
                guard let first = state.waiting.first else { return [] }
                state.free -= 1
                let joining = state.waiting.filter { $0.holder == first.holder }
                state.waiting.removeAll { $0.holder == first.holder }
                state.applications[first.holder] = joining.count
                return joining.map(\.continuation)
            }
            for continuation in admitted { continuation.resume() }
        }
    }
}
