import Foundation
import Vapor

/// Half signed in: the password was right and the account uses two-step sign-in, so the session
/// holds who it is and when, but not the signed-in key `CurrentActorMiddleware` reads. It lasts
/// five minutes; the second step must follow within them.
struct PendingSignIn {
    static let lifetime: TimeInterval = 5 * 60
    private static let userKey = "two_step_uid", timeKey = "two_step_at", nextKey = "two_step_next"

    let userID: UUID
    let startedAt: Date
    let next: String

    init?(_ req: Request) {
        guard req.hasSession, let raw = req.session.data[Self.userKey], let id = UUID(uuidString: raw),
              let at = req.session.data[Self.timeKey].flatMap(Double.init) else { return nil }
        userID = id
        startedAt = Date(timeIntervalSince1970: at)
        next = req.session.data[Self.nextKey].flatMap(SessionController.safeNext) ?? "/account"
    }

    /// A second of slack before the start: the stored time is a decimal of seconds since 1970, and
    /// reading it back may land a hair after the moment it was written (or a clock may step back).
    func isCurrent(at now: Date) -> Bool {
        let age = now.timeIntervalSince(startedAt)
        return age > -1 && age < Self.lifetime
    }

    static func start(_ req: Request, userID: UUID, at now: Date, next: String) {
        req.session.data[userKey] = userID.uuidString
        req.session.data[timeKey] = String(now.timeIntervalSince1970)
        req.session.data[nextKey] = next
    }

    static func clear(_ req: Request) {
        for key in [userKey, timeKey, nextKey] { req.session.data[key] = nil }
    }
}
