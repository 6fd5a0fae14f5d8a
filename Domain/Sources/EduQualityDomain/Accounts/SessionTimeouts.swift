/// How long a staff session lasts (OWASP ASVS 4.0 §3.3): it ends after `idleSeconds` without a
/// request, and `absoluteSeconds` after sign-in however busy it is, so a session left open on a
/// shared ward computer dies within the idle limit and a stolen cookie within the absolute one.
/// The defaults, 30 minutes and 12 hours (one working shift), are ASVS level 2's; operators may
/// configure others within the bounds `init` enforces.
public struct SessionTimeouts: Hashable, Sendable {
    public let idleSeconds: Int
    public let absoluteSeconds: Int

    public init(idleSeconds: Int = 30 * 60, absoluteSeconds: Int = 12 * 3600) throws(InvalidForm) {
        var problems = FormProblems()
        // Below a minute every page load would race the limit.
        if idleSeconds < 60 { problems.add("idle-seconds", "The idle time-out must be at least 60 seconds.") }
        if absoluteSeconds < idleSeconds {
            problems.add("absolute-seconds", "The absolute time-out must be at least as long as the idle time-out.")
        }
        try problems.check()
        self.idleSeconds = idleSeconds
        self.absoluteSeconds = absoluteSeconds
    }

    private init(validIdle: Int, validAbsolute: Int) {
        idleSeconds = validIdle
        absoluteSeconds = validAbsolute
    }

    public static let standard = SessionTimeouts(validIdle: 30 * 60, validAbsolute: 12 * 3600)

    /// Nil while the session may go on. A session is live for strictly less than each limit: at
    /// exactly `idleSeconds` after the last request it has expired. The absolute limit is
    /// reported first, since signing in again is then the only way on either way.
    public func expiry(createdAt: Int64, lastSeenAt: Int64, now: Int64) -> SessionExpiry? {
        if now - createdAt >= Int64(absoluteSeconds) { return .absolute }
        if now - lastSeenAt >= Int64(idleSeconds) { return .idle }
        return nil
    }
}
