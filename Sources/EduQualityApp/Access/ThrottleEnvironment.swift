import Foundation
import Vapor

/// What sign-in throttling reads from outside the request: the time, and the client's address
/// (only ever kept as a keyed hash). The same clock times sessions (`AccountSessions`), the
/// half-signed-in state and two-step codes. The server uses the real ones; tests put a clock
/// they move and addresses of their choosing in their place.
struct ThrottleEnvironment: Sendable {
    var now: @Sendable () -> Date = { Date() }
    var clientAddress: @Sendable (Request) -> String = { $0.remoteAddress?.ipAddress ?? "unknown" }
}

enum ThrottleEnvironmentKey: StorageKey { typealias Value = ThrottleEnvironment }

extension Application {
    var throttleEnvironment: ThrottleEnvironment {
        get { storage[ThrottleEnvironmentKey.self] ?? ThrottleEnvironment() }
        set { storage[ThrottleEnvironmentKey.self] = newValue }
    }
}
