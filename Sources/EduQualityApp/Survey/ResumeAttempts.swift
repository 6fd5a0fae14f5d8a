import EduQualityDomain
import Foundation
import Vapor

/// Failed resume-code attempts per client, in this server's memory only. The client is a keyed
/// hash of its address, so not even memory holds the address in clear. With 80-bit codes guessing
/// is hopeless anyway; the limit keeps anyone from trying at scale.
actor ResumeAttempts {
    private var byClient: AttemptLimiter
    private var failures = 0

    init(limit: Int = 10, window: TimeInterval = 15 * 60) {
        byClient = AttemptLimiter(limit: limit, window: window)
    }

    /// Seconds to wait when a further attempt would be refused; nil when it may go ahead.
    func refusal(client: String, at now: Date) -> Int? {
        byClient.wouldAllow(client, at: now) ? nil : Int(byClient.window)
    }

    func fail(client: String, at now: Date) {
        _ = byClient.attempt(client, at: now)
        failures += 1
        if failures % 100 == 0 { byClient.prune(at: now) }
    }

    static func clientKey(_ req: Request) -> String {
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        let mac = HMAC<SHA256>.authenticationCode(for: Array(address.utf8), using: SymmetricKey(data: req.config.formSecret))
        return Data(mac).base64URLEncodedString()
    }
}
