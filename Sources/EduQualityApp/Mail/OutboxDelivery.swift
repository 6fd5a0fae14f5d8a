import EduQualityDomain
import Fluent
import Vapor

/// Sends waiting outbox notices through the mail relay, when one is configured; each notice is
/// tried up to five times, and what failed stays on the outbox page with its last error.
struct OutboxDelivery {
    let db: any Database
    let smtp: SMTPClient
    let threadPool: NIOThreadPool

    static let maxAttempts = 5

    @discardableResult
    func deliver(limit: Int = 200) async throws -> (sent: Int, failed: Int) {
        let waiting = try await OutboxMessage.query(on: db).filter(\.$sentOn == nil).filter(\.$attempts < Self.maxAttempts)
            .sort(\.$createdOn).limit(limit).all()
        var sent = 0, failed = 0
        for message in waiting {
            let mail = SMTPClient.Message(to: message.recipient, subject: message.subject, body: message.body)
            let client = smtp
            do {
                try await threadPool.runIfActive { try client.send(mail) }
                message.sentOn = CalendarDay.today().iso
                message.lastError = nil
                sent += 1
            } catch {
                message.lastError = String(String(describing: error).prefix(500))
                failed += 1
            }
            message.attempts += 1
            try await message.update(on: db)
        }
        return (sent, failed)
    }
}

extension AppConfig {
    /// The mail relay from `SMTP_HOST` (with `SMTP_PORT`, default 25, and `SMTP_FROM`), if set.
    static func smtpFromEnvironment() -> SMTPClient? {
        let env = ProcessInfo.processInfo.environment
        guard let host = env["SMTP_HOST"], !host.isEmpty else { return nil }
        return SMTPClient(host: host, port: Int(env["SMTP_PORT"] ?? "") ?? 25,
                          from: env["SMTP_FROM"] ?? "no-reply@eduquality.invalid", timeoutSeconds: 20)
    }
}
