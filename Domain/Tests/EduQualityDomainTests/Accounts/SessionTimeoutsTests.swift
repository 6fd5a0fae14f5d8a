import Testing
@testable import EduQualityDomain

@Suite("Session time-outs")
struct SessionTimeoutsTests {
    @Test("the standard is 30 minutes idle and 12 hours in all, the same as the defaults")
    func standard() throws {
        #expect(SessionTimeouts.standard.idleSeconds == 1800)
        #expect(SessionTimeouts.standard.absoluteSeconds == 43200)
        #expect(try SessionTimeouts() == SessionTimeouts.standard)
    }

    @Test("a session in use lives until the idle limit after its last request")
    func idle() throws {
        let timeouts = try SessionTimeouts(idleSeconds: 600, absoluteSeconds: 3600)
        #expect(timeouts.expiry(createdAt: 0, lastSeenAt: 0, now: 0) == nil)
        #expect(timeouts.expiry(createdAt: 0, lastSeenAt: 100, now: 699) == nil)
        #expect(timeouts.expiry(createdAt: 0, lastSeenAt: 100, now: 700) == .idle)
        #expect(timeouts.expiry(createdAt: 0, lastSeenAt: 100, now: 5000) == .absolute)
    }

    @Test("a busy session still ends at the absolute limit")
    func absolute() throws {
        let timeouts = try SessionTimeouts(idleSeconds: 600, absoluteSeconds: 3600)
        #expect(timeouts.expiry(createdAt: 1000, lastSeenAt: 4590, now: 4599) == nil)
        #expect(timeouts.expiry(createdAt: 1000, lastSeenAt: 4590, now: 4600) == .absolute)
        #expect(SessionExpiry.absolute.rawValue == "absolute")
        #expect(SessionExpiry.idle.rawValue == "idle")
    }

    @Test("refuses an idle limit under a minute or an absolute limit shorter than the idle one")
    func refuses() throws {
        #expect(throws: InvalidForm(field: "idle-seconds", "The idle time-out must be at least 60 seconds.")) {
            try SessionTimeouts(idleSeconds: 59, absoluteSeconds: 3600)
        }
        #expect(throws: InvalidForm(field: "absolute-seconds", "The absolute time-out must be at least as long as the idle time-out.")) {
            try SessionTimeouts(idleSeconds: 600, absoluteSeconds: 599)
        }
        do {
            _ = try SessionTimeouts(idleSeconds: 0, absoluteSeconds: -1)
            Issue.record("accepted a zero idle limit")
        } catch {
            #expect(error.problems.map(\.field) == ["idle-seconds", "absolute-seconds"])
        }
        let equal = try SessionTimeouts(idleSeconds: 60, absoluteSeconds: 60)
        #expect(equal.absoluteSeconds == 60)
    }
}
